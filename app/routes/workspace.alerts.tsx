import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { messageText } from "~/email/message-text";
import { AlertActionsForm } from "~/scoring/ui";
import scoringStyles from "~/styles/scoring.css";
import { formatDate, formatNumber } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, readFormData } from "~/utils/validation.server";
import { requireWorkspaceStaff } from "~/workspace/access.server";
import { actOnInboxAlert, inboxScope, listInbox } from "~/workspace/alerts-inbox.server";

export const meta: MetaFunction = () => [{ title: "Alerts · Kizuna" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: scoringStyles }];

// Staff only. Lists unresolved alerts assigned to the viewer (admins may switch to everyone's
// with ?scope=all), most severe first, then the oldest. Access rule: any staff person may read
// alerts, but only the person an alert is assigned to, or an admin, may acknowledge or resolve
// it; the action enforces that with 403 (app/workspace/alerts-inbox.server.ts).
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireWorkspaceStaff(request);
  const scope = inboxScope(new URL(request.url), staff);
  return { scope, admin: staff.role === "admin", alerts: await listInbox(staff, scope), now: new Date().toISOString() };
}

const actionSchema = z.object({
  intent: z.enum(["alert-acknowledge", "alert-resolve"]),
  alertId: z.string().trim().min(1).max(40),
  note: z.string().max(1000).default(""),
});

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireWorkspaceStaff(request);
  const { t } = await getTranslator(request, staff.locale);
  const formData = await readFormData(request);
  const parsed = actionSchema.safeParse(Object.fromEntries([...formData].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) throw new Response("The form could not be read", { status: 400 });
  const result = await actOnInboxAlert(staff, parsed.data);
  const back = `/workspace/alerts${new URL(request.url).search}`;
  if (!result.ok) {
    const status = result.error === "alreadyResolved" ? 409 : 400;
    return formFailure({ errors: { [`alert:${parsed.data.alertId}`]: t(`alerts.error.${result.error}`) }, values: { note: parsed.data.note } }, status);
  }
  return redirectWithToast(back, { type: "success", key: parsed.data.intent === "alert-acknowledge" ? "alerts.done.acknowledged" : "alerts.done.resolved" });
}

const DAY_MS = 86_400_000;

export default function AlertsInbox() {
  const { alerts, scope, admin, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? (actionData.errors as Record<string, string>) : undefined;
  const busy = useNavigation().state !== "idle";
  const { t, locale } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/workspace">{t("workspace.title")}</Link>
          </p>
          <h1>{t("workspace.inbox.title")}</h1>
          <p className="lead">{t("workspace.inbox.lead")}</p>
        </div>
        {admin ? (
          <Form method="get" className="inline-form" aria-label={t("workspace.inbox.scope")}>
            <label className="field__label" htmlFor="inbox-scope">{t("workspace.inbox.scope")}</label>
            <select id="inbox-scope" name="scope" defaultValue={scope} className="field__input">
              <option value="mine">{t("workspace.inbox.scopeMine")}</option>
              <option value="all">{t("workspace.inbox.scopeAll")}</option>
            </select>
            <button type="submit" className="button button--secondary button--small">{t("workspace.filter.apply")}</button>
          </Form>
        ) : null}
      </div>
      {alerts.length === 0 ? <p className="empty">{t("workspace.inbox.empty")}</p> : null}
      <ul className="alerts" data-testid="alerts-inbox">
        {alerts.map((alert) => {
          const error = errors?.[`alert:${alert.id}`];
          const days = Math.max(0, Math.floor((Date.parse(now) - Date.parse(alert.createdAt)) / DAY_MS));
          return (
            <li key={alert.id} className={`alert-card alert-card--${alert.severity}`}>
              <article aria-labelledby={`inbox-${alert.id}-title`}>
                <header className="alert-card__head">
                  <h2 id={`inbox-${alert.id}-title`} className="h3">
                    <Link to={`/workspace/accounts/${alert.accountId}#alerts`}>{alert.accountName}</Link>: {t(`alerts.rule.${alert.rule}`)}
                  </h2>
                  <span className="badge">{t(`alerts.severity.${alert.severity as "high" | "medium"}`)}</span>
                  <span className={`badge alert-status alert-status--${alert.status}`}>{t(`alerts.status.${alert.status as "open" | "acknowledged"}`)}</span>
                </header>
                <p>{messageText(alert.evidence, locale, t)}</p>
                <p className="alert-card__next">
                  <strong>{t("alerts.nextAction")}:</strong> {messageText(alert.nextAction, locale, t)}{" "}
                  {alert.link ? <a href={alert.link}>{t("alerts.openLink")}</a> : null}
                </p>
                <p className="muted">
                  {t("alerts.raised", { date: formatDate(alert.createdAt, locale), owner: alert.ownerName ?? t("alerts.unassigned") })} ·{" "}
                  {t("workspace.inbox.age", { days: formatNumber(days, locale) })}
                </p>
                {alert.acknowledgedAt ? (
                  <p className="muted">{t("alerts.acknowledgedBy", { name: alert.acknowledgedBy ?? "—", note: alert.acknowledgeNote || "—" })}</p>
                ) : null}
                {alert.mayAct ? (
                  <AlertActionsForm alert={alert} idPrefix="inbox" error={error} busy={busy} />
                ) : (
                  <p className="muted">{t("workspace.inbox.notYours", { name: alert.ownerName ?? t("alerts.unassigned") })}</p>
                )}
              </article>
            </li>
          );
        })}
      </ul>
    </>
  );
}
