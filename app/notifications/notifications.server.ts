// A person's notifications: the list, the unread count for the header bell, marking read, and
// the per-type preferences form. Every query is scoped to the reader, so nobody touches another
// person's notifications even with a forged id.
import { z } from "zod";
import { db } from "~/db.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { preferenceField } from "./preferences";
import { NOTIFICATION_TYPES, typesFor, type NotificationType } from "./types";

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** Stored params are JSON written by notify(); anything else renders as no params, never a crash. */
export function parseParams(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  } catch {
    return {};
  }
}

/** Only links inside Kizuna are followed; a stored "//evil.example" must not become a redirect. */
export function safeLink(link: string): string {
  return safeRedirect(link, "/notifications");
}

export async function listNotifications(userId: string, page: number, pageSize = NOTIFICATIONS_PAGE_SIZE) {
  const [total, rows] = await Promise.all([
    db.notification.count({ where: { userId } }),
    db.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, type: true, params: true, link: true, readAt: true, createdAt: true },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    notifications: rows.map((row) => ({ ...row, params: parseParams(row.params), link: safeLink(row.link) })),
  };
}

/** One indexed count (userId, readAt): cheap enough for every page's header. */
export function countUnread(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks one of the reader's notifications read; null when it is not theirs or does not exist. */
export async function markRead(userId: string, notificationId: string, now = new Date()): Promise<{ link: string } | null> {
  const notification = await db.notification.findFirst({ where: { id: notificationId, userId }, select: { link: true, readAt: true } });
  if (!notification) return null;
  if (!notification.readAt) await db.notification.update({ where: { id: notificationId }, data: { readAt: now } });
  return { link: safeLink(notification.link) };
}

export async function markAllRead(userId: string, now = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return count;
}

export const notificationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), notificationId: z.string().trim().min(1).max(40) }),
  z.object({ intent: z.literal("read-all") }),
]);

const TYPES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];

const checkbox = z.literal("on").optional();

export const preferencesSchema = z
  .object(Object.fromEntries(TYPES.flatMap((type) => [[preferenceField(type, "inApp"), checkbox], [preferenceField(type, "email"), checkbox]])))
  .transform(
    (fields) =>
      Object.fromEntries(
        TYPES.map((type) => [type, { inApp: fields[preferenceField(type, "inApp")] === "on", email: fields[preferenceField(type, "email")] === "on" }]),
      ) as Record<NotificationType, { inApp: boolean; email: boolean }>,
  );

/** Saves the given types' choices; types left out (not offered to this person) keep theirs. */
export async function savePreferences(userId: string, preferences: Partial<Record<NotificationType, { inApp: boolean; email: boolean }>>) {
  const given = TYPES.filter((type) => preferences[type]);
  await db.$transaction(
    given.map((type) =>
      db.notificationPreference.upsert({
        where: { userId_type: { userId, type } },
        create: { userId, type, ...preferences[type]! },
        update: preferences[type]!,
      }),
    ),
  );
}

/** The part of a submitted preferences form that this person was offered. */
export function offeredPreferences(role: string, preferences: Record<NotificationType, { inApp: boolean; email: boolean }>) {
  return Object.fromEntries(typesFor(role).map((type) => [type, preferences[type]])) as Partial<Record<NotificationType, { inApp: boolean; email: boolean }>>;
}
