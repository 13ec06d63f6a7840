// Emails an account alert to the account's CS owner, in the owner's language, when the owner
// wants alert emails (notification type cs.alert, on by default). The scoring engine calls this
// when it raises an alert; the alert itself lives in the CS workspace's inbox.
import { db } from "~/db.server";
import { isLocale } from "~/i18n/locales";
import { translator } from "~/i18n/messages";
import { preferencesOf } from "~/notifications/notify.server";
import { configuredBaseUrl } from "~/utils/url.server";
import { sendEmail } from "./mailer.server";

export type AlertForEmail = {
  accountId: string;
  /** Short name of what happened, e.g. "Health fell from green to red". */
  title: string;
  /** The explanation: what changed and why it matters. */
  message: string;
  /** The concrete next step for the owner. */
  nextAction: string;
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
  const t = translator(isLocale(account.owner.locale) ? account.owner.locale : "ja");
  const link = `${baseUrl}${alert.link ?? `/workspace/accounts/${alert.accountId}`}`;
  await sendEmail({
    to: account.owner.email,
    subject: t("email.alert.subject", { account: account.name, title: alert.title }),
    text: [t("email.alert.intro", { account: account.name }), "", alert.title, alert.message, "", t("email.alert.nextAction", { action: alert.nextAction }), "", t("email.alert.open"), link, "", t("notification.emailFooter")].join("\n"),
  });
  return { sent: true, to: account.owner.email };
}
