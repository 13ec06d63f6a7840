// The optional daily digest: for each person who turned it on (notification type digest.daily),
// one email with their unread notifications of the last day, new questions still waiting for an
// answer, and their study-group meetings of the coming week. Sent by scripts/send-digest.ts
// (run it once a day from cron); EmailDigestSent makes a second run on the same day send nothing.
import { db, isUniqueViolation } from "~/db.server";
import { sendEmail } from "~/email/mailer.server";
import { isLocale } from "~/i18n/locales";
import { translator, type MessageKey } from "~/i18n/messages";
import { formatDateTime } from "~/utils/format";
import { configuredBaseUrl } from "~/utils/url.server";
import { parseParams } from "./notifications.server";
import { isNotificationType } from "./types";

const DAY_MS = 86_400_000;
const LIST = 5;

export async function digestRecipients(): Promise<string[]> {
  const rows = await db.notificationPreference.findMany({ where: { type: "digest.daily", email: true }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** The digest text for one person, or null when there is nothing worth an email. */
export async function composeDigest(userId: string, now: Date, baseUrl: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true, locale: true, timeZone: true } });
  if (!user) return null;
  const locale = isLocale(user.locale) ? user.locale : "ja";
  const t = translator(locale);
  const since = new Date(now.getTime() - DAY_MS);
  const [unreadCount, unread, questions, meetings] = await Promise.all([
    db.notification.count({ where: { userId, readAt: null, createdAt: { gte: since } } }),
    db.notification.findMany({ where: { userId, readAt: null, createdAt: { gte: since } }, orderBy: { createdAt: "desc" }, take: LIST, select: { type: true, params: true, link: true } }),
    db.question.findMany({
      where: { state: "open", answerCount: 0, createdAt: { gte: since }, authorId: { not: userId } },
      orderBy: { createdAt: "desc" },
      take: LIST,
      select: { id: true, title: true },
    }),
    db.groupMeeting.findMany({
      where: { startsAt: { gte: now, lt: new Date(now.getTime() + 7 * DAY_MS) }, group: { memberships: { some: { userId, status: "active" } } } },
      orderBy: { startsAt: "asc" },
      take: LIST,
      select: { id: true, groupId: true, title: true, startsAt: true, group: { select: { name: true } } },
    }),
  ]);
  if (unreadCount === 0 && questions.length === 0 && meetings.length === 0) return null;
  const lines: string[] = [t("email.digest.intro", { name: user.name }), ""];
  if (unreadCount) {
    lines.push(`■ ${t("email.digest.unread", { count: unreadCount })}`);
    for (const n of unread) {
      const key: MessageKey = isNotificationType(n.type) ? `notification.${n.type}` : "notification.unknown";
      lines.push(`- ${t(key, parseParams(n.params))}`, `  ${baseUrl}${n.link}`);
    }
    if (unreadCount > unread.length) lines.push(`  ${t("email.digest.more", { count: unreadCount - unread.length })}`);
    lines.push("");
  }
  if (questions.length) {
    lines.push(`■ ${t("email.digest.questions")}`);
    for (const q of questions) lines.push(`- ${q.title}`, `  ${baseUrl}/questions/${q.id}`);
    lines.push("");
  }
  if (meetings.length) {
    lines.push(`■ ${t("email.digest.meetings")}`);
    for (const m of meetings) lines.push(`- ${formatDateTime(m.startsAt, locale, user.timeZone)} ${m.group.name}: ${m.title}`, `  ${baseUrl}/groups/${m.groupId}/meetings/${m.id}`);
    lines.push("");
  }
  lines.push(t("email.digest.open"), `${baseUrl}/`, "", t("email.digest.unsubscribe"));
  const date = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", { dateStyle: "medium", timeZone: user.timeZone }).format(now);
  return { to: user.email, subject: t("email.digest.subject", { date }), text: lines.join("\n") };
}

/** Sends today's digests; returns how many went out and how many had nothing to say. */
export async function sendDailyDigests(options: { now?: Date; baseUrl?: string; onProgress?: (done: number, total: number) => void } = {}) {
  const now = options.now ?? new Date();
  const day = now.toISOString().slice(0, 10);
  const baseUrl = options.baseUrl ?? configuredBaseUrl();
  const recipients = await digestRecipients();
  const already = new Set((await db.emailDigestSent.findMany({ where: { day, userId: { in: recipients } }, select: { userId: true } })).map((r) => r.userId));
  let sent = 0;
  let empty = 0;
  for (const [i, userId] of recipients.entries()) {
    options.onProgress?.(i, recipients.length);
    if (already.has(userId)) continue;
    const digest = await composeDigest(userId, now, baseUrl);
    if (!digest) {
      empty += 1;
      continue;
    }
    try {
      // Claim the day first: two runs at once cannot both send.
      await db.emailDigestSent.create({ data: { userId, day } });
    } catch (error) {
      if (isUniqueViolation(error)) continue;
      throw error;
    }
    await sendEmail(digest);
    sent += 1;
  }
  options.onProgress?.(recipients.length, recipients.length);
  return { recipients: recipients.length, sent, empty, skipped: already.size };
}
