// The discussion thread against a real (per-file) database: order, pages, replies, edits,
// removal, moderation, archived groups, hostile Markdown, and the route's permission answers.
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { lucia } from "~/auth/lucia.server";
import { db } from "~/db.server";
import { translator } from "~/i18n/messages";
import { action, loader } from "~/routes/groups.$groupId.discussion";
import { parseForm } from "~/utils/validation.server";
import {
  BODY_MAX_CHARS,
  createPost,
  discussionIntentSchema,
  editPost,
  listThread,
  POSTS_PER_PAGE,
  removePost,
  type DiscussionActor,
} from "./discussion.server";
import { createGroupAsStaff, setGroupArchived, type GroupInput } from "./groups.server";
import { joinGroup } from "./membership.server";

const INPUT: GroupInput = {
  name: "ヘルスチェック研究会",
  challenge: "活用度を数字で説明したい",
  description: "上級者向け",
  level: "advanced",
  topics: ["health-check"],
  capacityPeople: 20,
  capacityCompanies: 10,
  visibility: "request",
};

let n = 0;
async function person(role: "member" | "cs" = "member", name?: string) {
  n += 1;
  const account = role === "member" ? await upsertAccount({ name: `会社${n}`, domains: [`discussion-${n}-${Date.now()}.example`] }) : null;
  const user = await upsertUser({ email: uniqueEmail(), name: name ?? `人 ${n}`, accountId: account?.id ?? null, role });
  return { id: user.id, accountId: user.accountId, role };
}

type Person = Awaited<ReturnType<typeof person>>;
const as = (who: Person, canModerate = false): DiscussionActor => ({ id: who.id, accountId: who.accountId, canModerate });

/** An active request-only group with a leader, two members, a staff liaison and an outsider. */
async function setup() {
  const staff = await person("cs", "佐藤 美咲");
  const leader = await person("member", "吉田 亮");
  const member = await person("member", "加藤 奈々");
  const other = await person("member", "山本 拓也");
  const outsider = await person("member", "鈴木 健二");
  const { id } = await createGroupAsStaff(staff, INPUT, leader);
  await joinGroup(id, member, { approved: true });
  await joinGroup(id, other, { approved: true });
  const group = { id, state: "active" };
  return { group, staff, leader, member, other, outsider };
}

const minutes = (m: number) => new Date(Date.UTC(2026, 10, 1, 9, m));
const post = async (...args: Parameters<typeof createPost>) => {
  const result = await createPost(...args);
  if (!result.ok) throw new Error(`createPost failed: ${result.error}`);
  return result.postId;
};

describe("reading the thread", () => {
  it("orders threads by newest activity, replies oldest first, with names and leader flags", async () => {
    const { group, leader, member, other } = await setup();
    const first = await post(group, as(leader), { body: "最初の投稿" }, minutes(0));
    const second = await post(group, as(member), { body: "二つ目" }, minutes(1));
    await post(group, as(other), { body: "返信その1", parentId: first }, minutes(2));
    await post(group, as(member), { body: "返信その2", parentId: first }, minutes(3));

    const thread = await listThread(group, { id: member.id, canModerate: false });
    expect(thread.posts.map((p) => p.id)).toEqual([first, second]);
    const [top] = thread.posts;
    expect(top!.author).toEqual({ id: leader.id, name: "吉田 亮", isLeader: true, isStaff: false });
    expect(top!.replies.map((r) => [r.author?.name, r.author?.isLeader])).toEqual([
      ["山本 拓也", false],
      ["加藤 奈々", false],
    ]);
    expect(top!.bodyHtml).toBe("<p>最初の投稿</p>");
    // Only the author gets the source (for editing) and the edit/delete buttons.
    expect(top!.body).toBeNull();
    expect(top!.canEdit).toBe(false);
    expect(thread.posts[1]!.body).toBe("二つ目");
    expect(thread.posts[1]!.canEdit && thread.posts[1]!.canDelete).toBe(true);
  });

  it("pages top-level posts 20 at a time and keeps every reply with its post", async () => {
    const { group, member, other } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) ids.push(await post(group, as(member), { body: `投稿 ${i}` }, minutes(i)));
    await post(group, as(other), { body: "返信", parentId: ids[0] }, minutes(51));

    const viewer = { id: member.id, canModerate: false };
    const one = await listThread(group, viewer, 1);
    expect(POSTS_PER_PAGE).toBe(20);
    expect(one).toMatchObject({ page: 1, pages: 3, total: 45 });
    expect(one.posts).toHaveLength(20);
    // The reply made the oldest post the most recently active one.
    expect(one.posts[0]!.id).toBe(ids[0]);
    expect(one.posts[0]!.replies).toHaveLength(1);
    const three = await listThread(group, viewer, 3);
    expect(three.posts).toHaveLength(5);
    expect((await listThread(group, viewer, 99)).page).toBe(3);
    expect((await listThread(group, viewer, -1)).page).toBe(1);
    const seen = [...one.posts, ...(await listThread(group, viewer, 2)).posts, ...three.posts].map((p) => p.id);
    expect(new Set(seen).size).toBe(45);
  });
});

describe("writing", () => {
  it("attaches a reply to a reply to the top-level post, and records one engagement event per post", async () => {
    const { group, leader, member } = await setup();
    const top = await post(group, as(leader), { body: "テーマ案" });
    const reply = await post(group, as(member), { body: "賛成です", parentId: top });
    const replyToReply = await createPost(group, as(leader), { body: "ありがとう", parentId: reply });
    expect(replyToReply).toMatchObject({ ok: true, topId: top });
    const row = await db.groupPost.findUniqueOrThrow({ where: { id: replyToReply.ok ? replyToReply.postId : "" } });
    expect(row.parentId).toBe(top);

    const events = await db.engagementEvent.findMany({ where: { type: "group.posted", subjectId: group.id }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => e.idempotencyKey).sort()).toEqual([top, reply, row.id].map((id) => `group.posted:${id}`).sort());
    expect(events.find((e) => e.actorId === member.id)?.accountId).toBe(member.accountId);
  });

  it("validates the body: required, at most 10,000 characters, line breaks counted once", () => {
    const t = translator("en");
    const parse = (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      return parseForm(form, discussionIntentSchema, t);
    };
    expect(parse({ intent: "post", body: "" })).toMatchObject({ ok: false, errors: { body: t("discussion.error.empty") } });
    expect(parse({ intent: "post", body: " \n\t " })).toMatchObject({ ok: false, errors: { body: t("discussion.error.empty") } });
    expect(parse({ intent: "post", body: "あ".repeat(BODY_MAX_CHARS + 1) })).toMatchObject({ ok: false, errors: { body: t("discussion.error.tooLong") } });
    expect(parse({ intent: "post", body: "あ".repeat(BODY_MAX_CHARS) }).ok).toBe(true);
    // 5,000 lines as the browser sends them (CRLF) are 9,999 characters to the writer.
    const lines = Array.from({ length: 5000 }, () => "a").join("\r\n");
    const parsed = parse({ intent: "post", body: lines });
    expect(parsed.ok && parsed.data.intent === "post" && parsed.data.body.length).toBe(9999);
    expect(parse({ intent: "reply", body: "x" })).toMatchObject({ ok: false, errors: { parentId: t("error.required") } });
    expect(parse({ intent: "erase", postId: "x" }).ok).toBe(false);
    expect(parse({ body: "x" }).ok).toBe(false);
  });

  it("lets authors edit their own posts only, stamping editedAt", async () => {
    const { group, member, other } = await setup();
    const id = await post(group, as(member), { body: "誤字あり" });
    const at = new Date("2026-11-02T00:00:00Z");
    expect(await editPost(group, as(member), id, "**修正**しました", at)).toMatchObject({ ok: true });
    const row = await db.groupPost.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ body: "**修正**しました", bodyHtml: "<p><strong>修正</strong>しました</p>", editedAt: at });

    expect(await editPost(group, as(other), id, "乗っ取り")).toEqual({ ok: false, error: "forbidden" });
    // Moderating is hiding, not rewriting someone's words.
    expect(await editPost(group, as(other, true), id, "乗っ取り")).toEqual({ ok: false, error: "forbidden" });
    expect((await db.groupPost.findUniqueOrThrow({ where: { id } })).body).toBe("**修正**しました");
  });

  it("deletes softly: the author's post becomes a placeholder and its replies stay", async () => {
    const { group, leader, member, other } = await setup();
    const id = await post(group, as(member), { body: "消す予定" });
    await post(group, as(leader), { body: "返信は残る", parentId: id });
    expect(await removePost(group, as(other), id, "delete")).toEqual({ ok: false, error: "forbidden" });
    expect(await removePost(group, as(member), id, "delete")).toMatchObject({ ok: true });

    const row = await db.groupPost.findUniqueOrThrow({ where: { id } });
    expect(row.removedAt).not.toBeNull();
    expect(row.removedBy).toBe(member.id);
    const [entry] = (await listThread(group, { id: other.id, canModerate: false })).posts;
    expect(entry).toMatchObject({ id, removal: "deleted", bodyHtml: null, body: null, canReply: false });
    expect(entry!.replies.map((r) => r.bodyHtml)).toEqual(["<p>返信は残る</p>"]);
    // Nobody edits, replies to or re-deletes a removed post.
    expect(await editPost(group, as(member), id, "復活")).toEqual({ ok: false, error: "removed" });
    expect(await createPost(group, as(other), { body: "返信", parentId: id })).toEqual({ ok: false, error: "removed" });
    expect(await removePost(group, as(member), id, "delete")).toMatchObject({ ok: true });
  });

  it("lets leaders and staff hide anyone's post, but not members", async () => {
    const { group, staff, leader, member, other } = await setup();
    const a = await post(group, as(member), { body: "不適切な投稿" });
    const b = await post(group, as(leader), { body: "リーダーの投稿" });
    expect(await removePost(group, as(other), a, "hide")).toEqual({ ok: false, error: "forbidden" });
    expect(await removePost(group, as(leader, true), a, "hide")).toMatchObject({ ok: true });
    expect(await removePost(group, as(staff, true), b, "hide")).toMatchObject({ ok: true });
    const thread = await listThread(group, { id: other.id, canModerate: false });
    expect(thread.posts.map((p) => [p.id, p.removal, p.bodyHtml])).toEqual(
      expect.arrayContaining([
        [a, "hidden", null],
        [b, "hidden", null],
      ]),
    );
    // Leaders see a hide button on other people's live posts, members do not.
    const c = await post(group, as(other), { body: "普通の投稿" });
    const forLeader = (await listThread(group, { id: leader.id, canModerate: true })).posts.find((p) => p.id === c);
    const forMember = (await listThread(group, { id: member.id, canModerate: false })).posts.find((p) => p.id === c);
    expect([forLeader?.canHide, forMember?.canHide]).toEqual([true, false]);
  });

  it("treats ids from another group as unknown", async () => {
    const mine = await setup();
    const theirs = await setup();
    const foreign = await post(theirs.group, as(theirs.member), { body: "別の分科会" });
    expect(await createPost(mine.group, as(mine.member), { body: "返信", parentId: foreign })).toEqual({ ok: false, error: "not-found" });
    expect(await editPost(mine.group, as(theirs.member), foreign, "x")).toEqual({ ok: false, error: "not-found" });
    expect(await removePost(mine.group, as(theirs.member), foreign, "delete")).toEqual({ ok: false, error: "not-found" });
    expect(await removePost(mine.group, as(mine.leader, true), foreign, "hide")).toEqual({ ok: false, error: "not-found" });
    expect(await db.groupPost.count({ where: { groupId: mine.group.id } })).toBe(0);
  });

  it("keeps archived groups read-only", async () => {
    const { group, leader, member } = await setup();
    const id = await post(group, as(member), { body: "アーカイブ前" });
    await setGroupArchived(group.id, true);
    const archived = { id: group.id, state: "archived" };
    expect(await createPost(archived, as(member), { body: "新規" })).toEqual({ ok: false, error: "archived" });
    expect(await createPost(archived, as(member), { body: "返信", parentId: id })).toEqual({ ok: false, error: "archived" });
    expect(await editPost(archived, as(member), id, "編集")).toEqual({ ok: false, error: "archived" });
    expect(await removePost(archived, as(member), id, "delete")).toEqual({ ok: false, error: "archived" });
    expect(await removePost(archived, as(leader, true), id, "hide")).toEqual({ ok: false, error: "archived" });
    const [entry] = (await listThread(archived, { id: member.id, canModerate: false })).posts;
    expect(entry).toMatchObject({ bodyHtml: "<p>アーカイブ前</p>", canEdit: false, canDelete: false, canReply: false });
  });
});

describe("hostile markdown", () => {
  const PAYLOADS = [
    "**太字** <script>window.__xss=1</script>",
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1"> 画像',
    "[クリック](javascript:window.__xss=1)",
    "[大文字](JaVaScRiPt:alert(1)) と [データ](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">生のリンク</a>',
    '<div onclick="alert(1)" style="position:fixed">生のHTML</div>',
    "<iframe src=\"https://evil.example\"></iframe>本文",
    '![x](https://example.com/x.png" onerror="alert(1))',
    "<svg><script>alert(1)</script></svg>テキスト",
  ];

  it("stores the source as written and only inert HTML", async () => {
    const { group, member } = await setup();
    // A line that opens with an HTML block swallows the line, so each payload gets some text after it.
    for (const body of PAYLOADS.map((payload) => `${payload}\n\n本文`)) {
      const result = await createPost(group, as(member), { body });
      expect(result.ok, body).toBe(true);
      const row = await db.groupPost.findUniqueOrThrow({ where: { id: result.ok ? result.postId : "" } });
      expect(row.body).toBe(body);
      // Text is escaped (a literal "<" becomes &#x3C;), so every "<" left starts a real tag.
      const tags = row.bodyHtml.match(/<[a-z][^>]*>/gi) ?? [];
      for (const tag of tags) {
        expect(tag, body).toMatch(/^<(p|strong|a|img|code|br)\b/);
        expect(tag, body).not.toMatch(/\s(on\w+|style)\s*=/i);
        expect(tag, body).not.toMatch(/\s(href|src)="(?!https:|http:|mailto:)/i);
      }
    }
    const html = (await listThread(group, { id: member.id, canModerate: false })).posts.map((p) => p.bodyHtml).join("\n");
    expect(html).toContain("<strong>太字</strong>");
    expect(html).toContain('<a rel="nofollow ugc noopener">クリック</a>');
    expect(html).not.toMatch(/<img[^>]*src="x"/);
  });

  it("refuses a post that is only raw HTML, since nothing of it would show", async () => {
    const { group, member } = await setup();
    expect(await createPost(group, as(member), { body: "<script>alert(1)</script>" })).toEqual({ ok: false, error: "invisible" });
    expect(await createPost(group, as(member), { body: '<img src=x onerror="alert(1)">' })).toEqual({ ok: false, error: "invisible" });
    const id = await post(group, as(member), { body: "元の本文" });
    expect(await editPost(group, as(member), id, "<b onmouseover=alert(1)></b>")).toEqual({ ok: false, error: "invisible" });
    expect(await db.groupPost.count({ where: { groupId: group.id } })).toBe(1);
    expect(await db.engagementEvent.count({ where: { type: "group.posted", subjectId: group.id } })).toBe(1);
  });
});

describe("the discussion route", () => {
  const url = (groupId: string, search = "") => `http://localhost/groups/${groupId}/discussion${search}`;
  async function request(who: Person | null, href: string, form?: Record<string, string>) {
    const headers = new Headers();
    if (who) {
      const session = await lucia.createSession(who.id, {});
      headers.set("Cookie", lucia.createSessionCookie(session.id).serialize().split(";")[0]!);
    }
    return new Request(href, form ? { method: "POST", headers, body: new URLSearchParams(form) } : { headers });
  }
  async function answer(run: () => Promise<unknown>): Promise<{ status: number; location?: string | null; body: unknown }> {
    try {
      const result = await run();
      if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null };
      // formFailure() answers with single-fetch `data()`, which carries its status in `init`.
      const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } };
      if (wrapped?.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, body: wrapped.data };
      return { status: 200, body: result };
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: await thrown.text() };
      throw thrown;
    }
  }
  const load = async (who: Person | null, groupId: string, search = "") =>
    answer(async () => loader({ request: await request(who, url(groupId, search)), params: { groupId }, context: { clientIp: "127.0.0.1" } }));
  const act = async (who: Person | null, groupId: string, form: Record<string, string>, search = "") =>
    answer(async () => action({ request: await request(who, url(groupId, search), form), params: { groupId }, context: { clientIp: "127.0.0.1" } }));

  it("shows the thread to members and staff only; visitors are sent to sign in", async () => {
    const { group, staff, member, outsider } = await setup();
    await post(group, as(member), { body: "メンバー限定の話" });
    const requested = await person();
    await joinGroup(group.id, requested); // request-only group: this is a request, not a seat

    expect((await load(member, group.id)).status).toBe(200);
    expect((await load(staff, group.id)).status).toBe(200);
    for (const who of [outsider, requested]) {
      const denied = await load(who, group.id);
      expect(denied.status).toBe(403);
      expect(String(denied.body)).not.toContain("メンバー限定の話");
    }
    const visitor = await load(null, group.id);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toBe(`/login?${new URLSearchParams({ redirectTo: `/groups/${group.id}/discussion` })}`);
    expect((await load(member, "no-such-group")).status).toBe(404);
    expect((await act(outsider, group.id, { intent: "post", body: "外から" })).status).toBe(403);
    expect(await db.groupPost.count({ where: { groupId: group.id } })).toBe(1);
  });

  it("posts, then answers bad input with 400, others' posts with 403, foreign ids with 404, archived groups with 409", async () => {
    const { group, member, other } = await setup();
    const created = await act(member, group.id, { intent: "post", body: "**こんにちは**" });
    expect(created.status).toBe(302);
    const row = await db.groupPost.findFirstOrThrow({ where: { groupId: group.id } });
    expect(created.location).toBe(`/groups/${group.id}/discussion#post-${row.id}`);

    const tooLong = "長".repeat(BODY_MAX_CHARS + 1);
    const failed = await act(member, group.id, { intent: "post", body: tooLong });
    expect(failed.status).toBe(400);
    // The whole text comes back so nothing the writer typed is lost.
    expect(failed.body).toMatchObject({ errors: { body: translator("ja")("discussion.error.tooLong") }, values: { intent: "post", body: tooLong } });
    expect((await act(member, group.id, { intent: "post", body: "   " })).status).toBe(400);
    expect((await act(member, group.id, { intent: "nonsense" })).status).toBe(400);
    expect(await db.groupPost.count({ where: { groupId: group.id } })).toBe(1);

    expect((await act(other, group.id, { intent: "edit", postId: row.id, body: "書き換え" })).status).toBe(403);
    expect((await act(other, group.id, { intent: "delete", postId: row.id })).status).toBe(403);
    expect((await act(other, group.id, { intent: "hide", postId: row.id })).status).toBe(403);
    expect((await act(other, group.id, { intent: "delete", postId: row.id })).body).toMatchObject({ formError: translator("ja")("discussion.error.forbidden") });
    expect(await db.groupPost.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ body: "**こんにちは**", removedAt: null });
    const foreign = await setup();
    const theirs = await post(foreign.group, as(foreign.member), { body: "よそ" });
    expect((await act(member, group.id, { intent: "edit", postId: theirs, body: "x" })).status).toBe(404);
    expect((await act(member, group.id, { intent: "reply", parentId: theirs, body: "x" })).status).toBe(404);

    const edited = await act(member, group.id, { intent: "edit", postId: row.id, body: "編集後" }, "?page=2&edit=" + row.id);
    expect(edited).toMatchObject({ status: 302, location: `/groups/${group.id}/discussion?page=2#post-${row.id}` });

    await setGroupArchived(group.id, true);
    const archived = await act(member, group.id, { intent: "post", body: "アーカイブ後" });
    expect(archived.status).toBe(409);
    expect(archived.body).toMatchObject({ formError: translator("ja")("discussion.error.archived") });
    expect((await load(member, group.id)).body).toMatchObject({ writable: false });
    expect(await db.groupPost.count({ where: { groupId: group.id } })).toBe(1);
  });
});
