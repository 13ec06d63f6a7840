// Sends a notification the way the person chose: in the app, by email (when SMTP is set up the
// mailer delivers it; otherwise it waits in the outbox), both, or not at all.
import { db } from "~/db.server";
import { sendEmail } from "~/email/mailer.server";
import { translator } from "~/i18n/messages";
import { isLocale } from "~/i18n/locales";
import { NOTIFICATION_TYPES, type NotificationType } from "./types";

export async function preferencesOf(userId: string) {
  const rows = await db.notificationPreference.findMany({ where: { userId } });
  return Object.fromEntries(
    (Object.keys(NOTIFICATION_TYPES) as NotificationType[]).map((type) => {
      const row = rows.find((r) => r.type === type);
      return [type, { inApp: row?.inApp ?? NOTIFICATION_TYPES[type].inApp, email: row?.email ?? NOTIFICATION_TYPES[type].email }];
    }),
  ) as Record<NotificationType, { inApp: boolean; email: boolean }>;
}

/** `baseUrl` makes the emailed link absolute (appBaseUrl(request) in an action). */
export async function notify(userId: string, type: NotificationType, params: Record<string, string>, link: string, baseUrl: string) {
  const prefs = (await preferencesOf(userId))[type];
  if (prefs.inApp) await db.notification.create({ data: { userId, type, params: JSON.stringify(params), link } });
  if (prefs.email) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, locale: true } });
    if (!user) return;
    const t = translator(isLocale(user.locale) ? user.locale : "ja");
    const text = t(`notification.${type}`, params);
    await sendEmail({ to: user.email, subject: `Kizuna: ${text}`, text: `${text}\n\n${baseUrl}${link}\n\n${t("notification.emailFooter")}` });
  }
}
