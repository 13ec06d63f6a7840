import { expect, test, type Page } from "@playwright/test";
import { hydrated, queryDb, signIn } from "./helpers";

const GROUP = "ヘルスチェック研究会";
const LEADER = "ryo.yoshida@hikari-soft.example";
const MEMBER = "nana.kato@hikari-soft.example";
const NON_MEMBER = "kenji.suzuki@sakura-commerce.example";
/** Seeded posts of the group (scripts/lib/seed-groups.ts). */
const SEEDED_TEXT = ["アクティビティとアウトカムの区別", "メール経由の商談化数"];

function groupId(): string {
  const [row] = queryDb<{ id: string }>("SELECT id FROM StudyGroup WHERE name = ?", GROUP);
  if (!row) throw new Error(`seed has no group named ${GROUP}`);
  return row.id;
}
const discussionPath = () => `/groups/${groupId()}/discussion`;
/** Tests run in parallel on the same group, so every test writes text only it uses. */
const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type PostRow = { id: string; body: string; editedAt: number | null; removedAt: number | null; removedBy: string | null; authorId: string; parentId: string | null };
function postsContaining(text: string): PostRow[] {
  return queryDb<PostRow>("SELECT id, body, editedAt, removedAt, removedBy, authorId, parentId FROM GroupPost WHERE body LIKE ?", `%${text}%`);
}
const userId = (email: string) => queryDb<{ id: string }>("SELECT id FROM User WHERE email = ?", email)[0]!.id;

async function openDiscussion(page: Page) {
  await page.goto(discussionPath());
  await expect(page.getByRole("heading", { level: 2, name: "掲示板" })).toBeVisible();
  await hydrated(page);
}

async function writePost(page: Page, body: string) {
  await page.getByLabel("投稿内容").fill(body);
  await page.getByRole("button", { name: "投稿する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "投稿しました。" })).toBeVisible();
}

/** The thread (top-level post and its replies) whose post contains `text`. */
const threadWith = (page: Page, text: string) => page.locator("article.discussion__thread").filter({ hasText: text });

test("a member posts safe Markdown, replies, edits and deletes their own post", async ({ page }) => {
  // Nothing may run script: no dialogs, and the marker stays unset.
  page.on("dialog", (dialog) => {
    if (dialog.type() !== "confirm") throw new Error(`unexpected ${dialog.type()}: ${dialog.message()}`);
    void dialog.accept();
  });
  const id = tag();
  await signIn(page, MEMBER);
  await openDiscussion(page);
  await writePost(page, `**太字-${id}** を試します <img src=x onerror="window.__xss=1"> [link-${id}](javascript:window.__xss=1)`);

  const thread = threadWith(page, `太字-${id}`);
  await expect(thread.locator("strong", { hasText: `太字-${id}` })).toBeVisible();
  await expect(page.locator("main img[src='x'], main [onerror]")).toHaveCount(0);
  const link = thread.getByText(`link-${id}`);
  await expect(link).toBeVisible();
  await expect(link).not.toHaveAttribute("href", /.*/);
  await link.click();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const [stored] = postsContaining(`太字-${id}`);
  expect(stored!.body).toContain('<img src=x onerror="window.__xss=1">');

  // Reply under the post.
  await thread.locator("summary", { hasText: "返信" }).click();
  await thread.getByLabel("返信内容").fill(`返信-${id}`);
  await thread.getByRole("button", { name: "返信する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "返信しました。" })).toBeVisible();
  await expect(thread.getByRole("list", { name: "返信" }).getByText(`返信-${id}`)).toBeVisible();
  expect(postsContaining(`返信-${id}`)[0]!.parentId).toBe(stored!.id);

  // Edit the post in place.
  const top = page.locator(`#post-${stored!.id}`);
  await top.getByRole("link", { name: "編集" }).click();
  await expect(page).toHaveURL(new RegExp(`edit=${stored!.id}`));
  await top.getByLabel("投稿を編集").fill(`編集後-${id} *斜体*`);
  await top.getByRole("button", { name: "変更を保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "投稿を更新しました。" })).toBeVisible();
  await expect(top.locator("em", { hasText: "斜体" })).toBeVisible();
  await expect(top.getByText("(編集済み)")).toBeVisible();
  expect(postsContaining(`編集後-${id}`)[0]!.editedAt).not.toBeNull();

  // Delete it: a placeholder stays, and so does the reply.
  await top.getByRole("button", { name: "削除" }).click();
  await expect(page.getByRole("status").filter({ hasText: "投稿を削除しました。" })).toBeVisible();
  const edited = threadWith(page, `返信-${id}`);
  await expect(edited.getByText("この投稿は投稿者によって削除されました。")).toBeVisible();
  await expect(edited.getByText(`編集後-${id}`)).toHaveCount(0);
  await expect(edited.getByText(`返信-${id}`)).toBeVisible();
  const removed = postsContaining(`編集後-${id}`)[0]!;
  expect(removed.removedAt).not.toBeNull();
  expect(removed.removedBy).toBe(userId(MEMBER));

  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(
    queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM EngagementEvent WHERE type = 'group.posted' AND idempotencyKey IN (?, ?)", `group.posted:${stored!.id}`, `group.posted:${postsContaining(`返信-${id}`)[0]!.id}`)[0]!.n,
  ).toBe(2);
});

test("the leader hides another member's post", async ({ page, browser }) => {
  const id = tag();
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, MEMBER);
  await openDiscussion(memberPage);
  await writePost(memberPage, `隠される投稿-${id}`);
  const [post] = postsContaining(`隠される投稿-${id}`);

  await signIn(page, LEADER);
  await openDiscussion(page);
  const target = page.locator(`#post-${post!.id}`);
  await expect(target.getByText(`隠される投稿-${id}`)).toBeVisible();
  // The leader moderates but cannot rewrite or delete someone else's words.
  await expect(target.getByRole("link", { name: "編集" })).toHaveCount(0);
  await expect(target.getByRole("button", { name: "削除" })).toHaveCount(0);
  await expect(page.locator(".discussion__meta").filter({ hasText: "吉田 亮" }).first().getByText("リーダー")).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await target.getByRole("button", { name: "非表示にする" }).click();
  await expect(page.getByRole("status").filter({ hasText: "投稿を非表示にしました。" })).toBeVisible();
  await expect(target.getByText("この投稿はモデレーターによって非表示にされました。")).toBeVisible();
  await expect(target.getByText(`隠される投稿-${id}`)).toHaveCount(0);
  expect(postsContaining(`隠される投稿-${id}`)[0]!.removedBy).toBe(userId(LEADER));

  // The author sees the placeholder too, and the text is gone from the page.
  await memberPage.reload();
  await expect(memberPage.locator(`#post-${post!.id}`).getByText("この投稿はモデレーターによって非表示にされました。")).toBeVisible();
  expect(await memberPage.content()).not.toContain(`隠される投稿-${id}`);
  await memberContext.close();
});

test("an empty or over-long post gets a clear error and stores nothing", async ({ page }) => {
  const id = tag();
  await signIn(page, MEMBER);
  await openDiscussion(page);

  await page.getByLabel("投稿内容").fill("   ");
  await page.getByRole("button", { name: "投稿する" }).click();
  await expect(page.getByText("投稿する内容を入力してください。")).toBeVisible();
  await expect(page.getByLabel("投稿内容")).toHaveAttribute("aria-invalid", "true");

  const tooLong = `${id}${"あ".repeat(10_001)}`;
  await page.getByLabel("投稿内容").fill(tooLong);
  await page.getByRole("button", { name: "投稿する" }).click();
  await expect(page.getByText("投稿は10,000文字までです。短くするか、複数の投稿に分けてください。")).toBeVisible();
  // The writer's text is kept so they can shorten it.
  await expect(page.getByLabel("投稿内容")).toHaveValue(tooLong);

  expect(postsContaining(id)).toHaveLength(0);
  expect(queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM GroupPost WHERE trim(body) = '' OR length(body) > 10000")[0]!.n).toBe(0);
});

test("a signed-in non-member of the request-only group gets 403 without any post text", async ({ page }) => {
  await signIn(page, NON_MEMBER);
  const response = await page.goto(discussionPath());
  expect(response!.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 2, name: "掲示板はこの分科会のメンバー限定です" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: GROUP })).toBeVisible();
  const html = await page.content();
  for (const text of SEEDED_TEXT) expect(html).not.toContain(text);
  // Nor in the data request a client-side navigation would make.
  const body = await (await page.request.get(`${discussionPath()}.data`)).text();
  for (const text of SEEDED_TEXT) expect(body).not.toContain(text);
});

test("a visitor is sent to sign in", async ({ page }) => {
  const path = discussionPath();
  const response = await page.goto(path);
  await expect(page).toHaveURL(`/login?${new URLSearchParams({ redirectTo: path })}`);
  expect(response!.status()).toBe(200);
  const html = await page.content();
  for (const text of SEEDED_TEXT) expect(html).not.toContain(text);
});
