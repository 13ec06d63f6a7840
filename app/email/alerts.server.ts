// Emails an account alert to the account's CS owner, in the owner's language, when the owner
// wants alert emails (notification type cs.alert, on by default). raiseAlerts() calls this for
// each alert it creates (app/alerts/alerts.server.ts); the alert itself lives in the CS
// workspace's inbox. Texts may be given ready-made or as stored messages ({key, params}), which
// are rendered in the owner's language.
import { db } from "~/db.server";
import { isLocale } from "~/i18n/locales";
import { translator } from "~/i18n/messages";
import { preferencesOf } from "~/notifications/notify.server";
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

export async function emailAlertToOwner(alert: AlertForEmail, baseUrl = configuredBaseUrl()): Promise<AlertEmailResult> {
  const account = await db.account.findUnique({
    where: { id: alert.accountId },
    select: { name: true, owner: { select: { id: true, email: true, locale: true } } },
  });
  if (!account) return { sent: false, reason: "no-account" };
  if (!account.owner) return { sent: false, reason: "no-owner" };
  if (!(await preferencesOf(account.owner.id))["cs.alert"].email) return { sent: false, reason: "opted-out" };
  const locale = isLocale(account.owner.locale) ? account.owner.locale : "ja";
  const t = translator(locale);
  const text = (value: Text) => (typeof value === "string" ? value : messageText(value, locale, t));
  const [title, message, nextAction] = [text(alert.title), text(alert.message), text(alert.nextAction)];
  const link = `${baseUrl}${alert.link ?? `/workspace/accounts/${alert.accountId}`}`;
  await sendEmail({
    to: account.owner.email,
    subject: t("email.alert.subject", { account: account.name, title }),
    text: [t("email.alert.intro", { account: account.name }), "", title, message, "", t("email.alert.nextAction", { action: nextAction }), "", t("email.alert.open"), link, "", t("notification.emailFooter")].join("\n"),
  });
  return { sent: true, to: account.owner.email };
}
