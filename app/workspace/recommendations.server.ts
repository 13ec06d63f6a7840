// Content and group recommendations a CSM sends to chosen people of one account. The rules:
// only staff send; recipients must be members of that account; a champions-only article goes
// only to current champions; each recipient sees only their own recommendations. Every sending
// is logged as a `cs.recommended` touch on the account.
import { z } from "zod";
import { isActiveChampion } from "~/champions/status.server";
import { getCatalog } from "~/content/catalog.server";
import { articleHref, summarize } from "~/content/model";
import { canOpen } from "~/content/visibility";
import { db } from "~/db.server";
import { recordEngagement } from "~/engagement/record.server";
import { recommendGroupTo } from "~/groups/overview.server";
import type { Locale } from "~/i18n/locales";
import type { MessageKey } from "~/i18n/messages";
import { isStaff } from "~/users/roles";
import { toDate } from "./sql";

export const MAX_RECIPIENTS = 50;

const memberIds = z.preprocess(
  (value) => (Array.isArray(value) ? value : value === undefined || value === "" ? [] : [value]),
  z.array(z.string().min(1).max(64)),
);

export const recommendContentSchema = z.object({
  intent: z.literal("recommend-content"),
  articleId: z.string().trim().min(1).max(200),
  memberIds,
  note: z.string().trim().max(300).default(""),
});

export const recommendGroupSchema = z.object({
  intent: z.literal("recommend-group"),
  groupId: z.string().trim().min(1).max(64),
  memberIds,
  note: z.string().trim().max(300).default(""),
});

type Sender = { id: string; role: string };
export type SendResult =
  | { ok: true; sent: number }
  | { ok: false; status: 400 | 403 | 404 | 409; field: "memberIds" | "articleId" | "groupId" | null; key: MessageKey; params?: Record<string, string | number> };

/** The chosen people, if every one of them is a member of the account; else the reason why not. */
async function recipientsOf(sender: Sender, accountId: string, ids: readonly string[]) {
  if (!isStaff(sender.role)) return { ok: false as const, status: 403 as const, field: null, key: "workspace.error.staffOnly" as const };
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { ok: false as const, status: 400 as const, field: "memberIds" as const, key: "workspace.recommend.error.noMembers" as const };
  if (unique.length > MAX_RECIPIENTS) {
    return { ok: false as const, status: 400 as const, field: "memberIds" as const, key: "workspace.recommend.error.tooMany" as const, params: { max: MAX_RECIPIENTS } };
  }
  const people = await db.user.findMany({ where: { id: { in: unique }, accountId, role: "member" }, select: { id: true, name: true } });
  if (people.length !== unique.length) {
    return { ok: false as const, status: 400 as const, field: "memberIds" as const, key: "workspace.recommend.error.notMember" as const };
  }
  return { ok: true as const, people };
}

async function logTouch(sender: Sender, accountId: string, subjectType: "article" | "group", subjectId: string, toUserId: string, recommendationId: string, now: Date) {
  await recordEngagement({
    type: "cs.recommended",
    actor: { id: sender.id, accountId },
    subjectType,
    subjectId,
    idempotencyKey: `cs.recommended:${subjectType}:${recommendationId}:${now.getTime()}`,
    occurredAt: now,
    metadata: { toUserId, recommendationId },
  });
}

export async function recommendContent(
  sender: Sender,
  input: { accountId: string; articleId: string; memberIds: readonly string[]; note: string },
  now = new Date(),
): Promise<SendResult> {
  const recipients = await recipientsOf(sender, input.accountId, input.memberIds);
  if (!recipients.ok) return recipients;
  const article = getCatalog().byId.get(input.articleId);
  if (!article) return { ok: false, status: 400, field: "articleId", key: "workspace.recommend.error.article" };
  if (article.visibility === "champions") {
    const blocked: string[] = [];
    for (const person of recipients.people) {
      if (!canOpen(article.visibility, { role: "member", isChampion: await isActiveChampion(person.id, now) })) blocked.push(person.name);
    }
    if (blocked.length) return { ok: false, status: 409, field: "articleId", key: "workspace.recommend.error.visibility", params: { names: blocked.join(", ") } };
  }
  for (const person of recipients.people) {
    const fields = { byUserId: sender.id, accountId: input.accountId, note: input.note, createdAt: now, openedAt: null, dismissedAt: null };
    const rec = await db.contentRecommendation.upsert({
      where: { toUserId_articleId: { toUserId: person.id, articleId: article.id } },
      create: { toUserId: person.id, articleId: article.id, ...fields },
      update: fields,
      select: { id: true },
    });
    await logTouch(sender, input.accountId, "article", article.id, person.id, rec.id, now);
  }
  return { ok: true, sent: recipients.people.length };
}

export async function recommendGroup(
  sender: Sender,
  input: { accountId: string; groupId: string; memberIds: readonly string[]; note: string },
  now = new Date(),
): Promise<SendResult> {
  const recipients = await recipientsOf(sender, input.accountId, input.memberIds);
  if (!recipients.ok) return recipients;
  const group = await db.studyGroup.findUnique({ where: { id: input.groupId }, select: { id: true, state: true } });
  if (!group || group.state !== "active") return { ok: false, status: 409, field: "groupId", key: "workspace.recommendGroup.error.group" };
  for (const person of recipients.people) {
    const rec = await recommendGroupTo(group.id, person.id, sender.id, input.note);
    await logTouch(sender, input.accountId, "group", group.id, person.id, rec.id, now);
  }
  return { ok: true, sent: recipients.people.length };
}

type ContentRecRow = {
  id: string;
  articleId: string;
  note: string;
  createdAt: unknown;
  openedAt: unknown;
  dismissedAt: unknown;
  toId: string;
  toName: string;
  byName: string | null;
};
type GroupRecRow = {
  id: string;
  note: string;
  createdAt: unknown;
  response: string | null;
  respondedAt: unknown;
  groupId: string;
  groupName: string;
  toId: string;
  toName: string;
  byName: string | null;
};

const iso = (value: unknown) => (value === null || value === undefined ? null : toDate(value).toISOString());

/**
 * What the account page lists as sent: newest first, with where each one stands. One joined
 * query per kind (the account page is on a latency budget; relation loading would be five).
 */
export async function accountRecommendations(accountId: string, take = 20) {
  const catalog = getCatalog();
  const content = await db.$queryRawUnsafe<ContentRecRow[]>(
    `SELECT r.id, r.articleId, r.note, r.createdAt, r.openedAt, r.dismissedAt, t.id AS toId, t.name AS toName, b.name AS byName
     FROM ContentRecommendation r JOIN User t ON t.id = r.toUserId LEFT JOIN User b ON b.id = r.byUserId
     WHERE r.accountId = ? ORDER BY r.createdAt DESC, r.id DESC LIMIT ?`,
    accountId,
    take,
  );
  const groups = await db.$queryRawUnsafe<GroupRecRow[]>(
    `SELECT r.id, r.note, r.createdAt, r.response, r.respondedAt, g.id AS groupId, g.name AS groupName, u.id AS toId, u.name AS toName, b.name AS byName
     FROM GroupRecommendation r JOIN User u ON u.id = r.userId JOIN StudyGroup g ON g.id = r.groupId LEFT JOIN User b ON b.id = r.recommendedById
     WHERE u.accountId = ? ORDER BY r.createdAt DESC, r.id DESC LIMIT ?`,
    accountId,
    take,
  );
  return {
    content: content.map((r) => {
      const article = catalog.byId.get(r.articleId);
      return {
        id: r.id,
        title: article?.title ?? r.articleId,
        href: article ? articleHref(article) : null,
        note: r.note,
        to: { id: r.toId, name: r.toName },
        by: r.byName,
        createdAt: iso(r.createdAt)!,
        openedAt: iso(r.openedAt),
        dismissedAt: iso(r.dismissedAt),
      };
    }),
    groups: groups.map((r) => ({
      id: r.id,
      group: { id: r.groupId, name: r.groupName },
      note: r.note,
      to: { id: r.toId, name: r.toName },
      by: r.byName,
      createdAt: iso(r.createdAt)!,
      response: r.response,
      respondedAt: iso(r.respondedAt),
    })),
  };
}

/** Content recommended to one member, for the staff member page (every state). */
export async function recommendationsFor(userId: string, take = 20) {
  const catalog = getCatalog();
  const rows = await db.contentRecommendation.findMany({
    where: { toUserId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, articleId: true, note: true, createdAt: true, openedAt: true, dismissedAt: true, byUser: { select: { name: true } } },
  });
  return rows.map((r) => {
    const article = catalog.byId.get(r.articleId);
    return {
      id: r.id,
      title: article?.title ?? r.articleId,
      href: article ? articleHref(article) : null,
      note: r.note,
      by: r.byUser?.name ?? null,
      createdAt: r.createdAt.toISOString(),
      openedAt: r.openedAt?.toISOString() ?? null,
      dismissedAt: r.dismissedAt?.toISOString() ?? null,
    };
  });
}

/**
 * The signed-in member's own open recommendations (not yet opened or dismissed), for their home
 * page. Articles they cannot open (any more) are left out.
 */
export async function myRecommendations(user: { id: string; role: string }, locale: Locale, take = 5) {
  const catalog = getCatalog();
  const rows = await db.contentRecommendation.findMany({
    where: { toUserId: user.id, openedAt: null, dismissedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, articleId: true, note: true, createdAt: true, byUser: { select: { name: true } } },
  });
  if (rows.length === 0) return [];
  const viewer = { role: user.role, isChampion: await isActiveChampion(user.id) };
  return rows.flatMap((r) => {
    const article = catalog.byId.get(r.articleId);
    if (!article || !canOpen(article.visibility, viewer)) return [];
    return [{ id: r.id, note: r.note, by: r.byUser?.name ?? null, createdAt: r.createdAt.toISOString(), article: summarize(article, catalog.topics, locale) }];
  });
}

/** The member opens (true) or dismisses (false) their own recommendation; anyone else's is a 404. */
export async function answerContentRecommendation(user: { id: string }, recommendationId: string, open: boolean, now = new Date()) {
  const rec = await db.contentRecommendation.findUnique({ where: { id: recommendationId }, select: { id: true, toUserId: true, articleId: true, openedAt: true } });
  if (!rec || rec.toUserId !== user.id) return { ok: false as const, status: 404 as const };
  const article = getCatalog().byId.get(rec.articleId);
  if (open) {
    if (!rec.openedAt) await db.contentRecommendation.update({ where: { id: rec.id }, data: { openedAt: now } });
  } else {
    await db.contentRecommendation.update({ where: { id: rec.id }, data: { dismissedAt: now } });
  }
  return { ok: true as const, href: article ? articleHref(article) : "/learn" };
}
