// Emails an account alert to the account's CS owner, in the owner's language, when the owner
// wants alert emails (notification type cs.alert, on by default). raiseAlerts() calls
// emailAlertsToOwners() with the alerts it just created (app/alerts/alerts.server.ts); the alert
// itself lives in the CS workspace's inbox. Texts may be given ready-made or as stored messages
// ({key, params}), which are rendered in the owner's language.
import { db } from "~/db.server";
import { isLocale } from "~/i18n/locales";
import { translator } from "~/i18n/messages";
import { NOTIFICATION_TYPES } from "~/notifications/types";
import { inSlices } from "~/scoring/chunks";
import { configuredBaseUrl } from "~/utils/url.server";
import { sendEmail } from "./mailer.server";
import { messageText, type StoredMessage } from "./message-text";

type Text = string | StoredMessage;

export type AlertForEmail = {
  accountId: string;
  /** Short name of what happened, e.g. "Health fell from green to red". */
  title: Text;
  /** The explanation: what changed and why it matters. */
  message: Text;
  /** The concrete next step for the owner. */
  nextAction: Text;
  /** Where the alert is shown; defaults to the account's page in the CS workspace. */
  link?: string;
};

export type AlertEmailResult = { sent: true; to: string } | { sent: false; reason: "no-account" | "no-owner" | "opted-out" };

type Recipient = { accountName: string; owner: { id: string; email: string; locale: string } | null; wantsEmail: boolean };

/** Accounts, owners and the owners' cs.alert choice for many alerts in three queries. */
async function recipientsFor(accountIds: string[]): Promise<Map<string, Recipient>> {
  const accounts = await inSlices([...new Set(accountIds)], (slice) =>
    db.account.findMany({ where: { id: { in: slice } }, select: { id: true, name: true, owner: { select: { id: true, email: true, locale: true } } } }),
  );
  const ownerIds = [...new Set(accounts.flatMap((a) => (a.owner ? [a.owner.id] : [])))];
  const choices = await inSlices(ownerIds, (slice) =>
    db.notificationPreference.findMany({ where: { userId: { in: slice }, type: "cs.alert" }, select: { userId: true, email: true } }),
  );
  const emailChoice = new Map(choices.map((c) => [c.userId, c.email]));
  return new Map(
    accounts.map((a) => [a.id, { accountName: a.name, owner: a.owner, wantsEmail: a.owner ? (emailChoice.get(a.owner.id) ?? NOTIFICATION_TYPES["cs.alert"].email) : false }]),
  );
}

async function send(alert: AlertForEmail, recipient: Recipient | undefined, baseUrl: string, quiet: boolean): Promise<AlertEmailResult> {
  if (!recipient) return { sent: false, reason: "no-account" };
  if (!recipient.owner) return { sent: false, reason: "no-owner" };
  if (!recipient.wantsEmail) return { sent: false, reason: "opted-out" };
  const { owner, accountName } = recipient;
  const locale = isLocale(owner.locale) ? owner.locale : "ja";
  const t = translator(locale);
  const text = (value: Text) => (typeof value === "string" ? value : messageText(value, locale, t));
  const [title, message, nextAction] = [text(alert.title), text(alert.message), text(alert.nextAction)];
  const link = `${baseUrl}${alert.link ?? `/workspace/accounts/${alert.accountId}`}`;
  await sendEmail(
    {
      to: owner.email,
      subject: t("email.alert.subject", { account: accountName, title }),
      text: [t("email.alert.intro", { account: accountName }), "", title, message, "", t("email.alert.nextAction", { action: nextAction }), "", t("email.alert.open"), link, "", t("notification.emailFooter")].join("\n"),
    },
    { quiet },
  );
  return { sent: true, to: owner.email };
}

export async function emailAlertToOwner(alert: AlertForEmail, baseUrl = configuredBaseUrl()): Promise<AlertEmailResult> {
  const recipients = await recipientsFor([alert.accountId]);
  return send(alert, recipients.get(alert.accountId), baseUrl, false);
}

/**
 * Emails many alerts (a scoring run's new ones), looking owners and preferences up once. Each
 * email is tried on its own: one failure is logged and the others still go. The server log gets
 * one summary line instead of every body (the outbox keeps them).
 */
export async function emailAlertsToOwners(alerts: AlertForEmail[], baseUrl = configuredBaseUrl()): Promise<{ sent: number; skipped: number; failed: number }> {
  const counts = { sent: 0, skipped: 0, failed: 0 };
  if (alerts.length === 0) return counts;
  const recipients = await recipientsFor(alerts.map((a) => a.accountId));
  for (const alert of alerts) {
    try {
      const result = await send(alert, recipients.get(alert.accountId), baseUrl, true);
      counts[result.sent ? "sent" : "skipped"] += 1;
    } catch (error) {
      counts.failed += 1;
      console.error(`[mail:alerts] emailing the alert for account ${alert.accountId} failed`, error);
    }
  }
  if (counts.sent) console.info(`[mail:alerts] ${counts.sent} alert email(s) to CS owners`);
  return counts;
}
