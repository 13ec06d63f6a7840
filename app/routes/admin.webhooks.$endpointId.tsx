import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { pageFromUrl } from "~/accounts/portfolio.server";
import { requireRole } from "~/auth/session.server";
import { FormError, TextField } from "~/components/form";
import { Pagination } from "~/components/pagination";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import styles from "~/styles/integrations.css";
import { formatDateTime } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";
import {
  deleteEndpoint,
  deliveryOfEndpoint,
  endpointFormSchema,
  endpointWithLog,
  rotateEndpointSecret,
  setEndpointEnabled,
  updateEndpoint,
} from "~/webhooks/endpoints.server";
import { EventChoices } from "~/webhooks/event-choices";
import { SignatureHelp } from "~/webhooks/signature-help";
import { createWebhookWorker } from "~/webhooks/worker.server";

export const meta: MetaFunction = () => [{ title: "Webhook endpoint · Admin · Kizuna" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const page = pageFromUrl(new URL(request.url));
  const found = await endpointWithLog(params.endpointId ?? "", page);
  if (!found) throw new Response("Endpoint not found", { status: 404 });
  return { ...found, page, timeZone: admin.timeZone };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const id = params.endpointId ?? "";
  const here = `/admin/webhooks/${id}`;
  const formData = await readFormData(request);
  const notFound = () => formFailure({ formError: t("webhooks.notFound") }, 404);
  switch (formData.get("intent")) {
    case "save": {
      formData.set("events", formData.getAll("events").join(" "));
      const form = parseForm(formData, endpointFormSchema, t);
      if (!form.ok) return formFailure({ errors: form.errors, values: form.values, formError: t("error.form") }, 400);
      if (!(await updateEndpoint(id, form.data, admin.id))) return notFound();
      return redirectWithToast(here, { type: "success", key: "webhooks.saved" });
    }
    case "pause":
    case "resume": {
      const resume = formData.get("intent") === "resume";
      if (!(await setEndpointEnabled(id, resume, admin.id))) return notFound();
      return redirectWithToast(here, { type: "success", key: resume ? "webhooks.resumed" : "webhooks.paused" });
    }
    case "rotate":
      if (!(await rotateEndpointSecret(id, admin.id))) return notFound();
      return redirectWithToast(here, { type: "success", key: "webhooks.rotated" });
    case "delete":
      if (!(await deleteEndpoint(id, admin.id))) return notFound();
      return redirectWithToast("/admin/webhooks", { type: "success", key: "webhooks.deleted" });
    case "resend": {
      const delivery = await deliveryOfEndpoint(id, String(formData.get("deliveryId") ?? ""));
      if (!delivery) return notFound();
      const outcome = await createWebhookWorker().resend(delivery.id);
      const result = outcome?.statusCode ? `HTTP ${outcome.statusCode}` : (outcome?.error ?? t("webhooks.noResponse"));
      return redirectWithToast(here, { type: outcome?.error ? "error" : "success", key: "webhooks.resent", params: { result } });
    }
    default:
      return formFailure({ formError: t("error.form") }, 400);
  }
}

export default function WebhookEndpointPage() {
  const { endpoint, deliveries, page, pages, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const when = (date: string | Date) => formatDateTime(date, locale, timeZone);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/webhooks">{t("webhooks.title")}</Link>
      </p>
      <div className="page-header">
        <h1 className="break-anywhere">{endpoint.url}</h1>
        {endpoint.disabledAt ? <span className="badge badge--warn">{t("webhooks.disabled")}</span> : <span className="badge">{t("webhooks.enabled")}</span>}
      </div>
      {endpoint.disabledReason ? <p className="alert alert--info">{endpoint.disabledReason}</p> : null}
      <FormError message={actionData?.formError} />

      <section className="card stack section">
        <label className="field">
          <span className="field__label">{t("webhooks.secret")}</span>
          <input className="field__input secret-value" readOnly value={endpoint.secret} onFocus={(event) => event.currentTarget.select()} />
          <span className="field__hint">{t("webhooks.secretHint")}</span>
        </label>
        <div className="inline-fields">
          <Form method="post">
            <button type="submit" name="intent" value={endpoint.disabledAt ? "resume" : "pause"} className="button button--secondary" disabled={busy}>
              {endpoint.disabledAt ? t("webhooks.resume") : t("webhooks.pause")}
            </button>
          </Form>
          <Form method="post">
            <button type="submit" name="intent" value="rotate" className="button button--secondary" disabled={busy}>
              {t("webhooks.rotate")}
            </button>
          </Form>
          <Form method="post">
            <button type="submit" name="intent" value="delete" className="button button--ghost" disabled={busy}>
              {t("webhooks.delete")}
            </button>
          </Form>
        </div>
        <SignatureHelp />
      </section>

      <section className="card stack section">
        <Form method="post" className="stack" noValidate key={endpoint.events.join(" ") + endpoint.url}>
          <input type="hidden" name="intent" value="save" />
          <div className="grid-2">
            <TextField label={t("webhooks.url")} name="url" type="url" required maxLength={500} defaultValue={actionData?.values.url ?? endpoint.url} error={actionData?.errors.url} />
            <TextField label={t("webhooks.description")} name="description" maxLength={200} defaultValue={actionData?.values.description ?? endpoint.description} error={actionData?.errors.description} />
          </div>
          <EventChoices chosen={actionData?.values.events?.split(" ") ?? endpoint.events} error={actionData?.errors.events} />
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("common.save")}
            </button>
          </div>
        </Form>
      </section>

      <h2 className="section">{t("webhooks.log")}</h2>
      {deliveries.length === 0 ? (
        <p className="empty">{t("webhooks.logEmpty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("webhooks.col.event")}</th>
                <th scope="col">{t("webhooks.col.created")}</th>
                <th scope="col">{t("webhooks.col.status")}</th>
                <th scope="col" className="num">{t("webhooks.col.attempts")}</th>
                <th scope="col">{t("webhooks.col.response")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("webhooks.resend")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <th scope="row">
                    {delivery.event.type}
                    <div className="muted">
                      <code>{delivery.id}</code>
                    </div>
                  </th>
                  <td>{when(delivery.createdAt)}</td>
                  <td>
                    {t(`webhooks.status.${delivery.status as "pending" | "delivered" | "failed"}`)}
                    {delivery.status === "pending" && delivery.attempts > 0 ? <div className="muted">{t("webhooks.nextAttempt", { date: when(delivery.nextAttemptAt) })}</div> : null}
                  </td>
                  <td className="num">{delivery.attempts}</td>
                  <td>
                    {delivery.lastStatusCode ?? delivery.lastError ?? t("common.none")}
                    {delivery.log.length ? (
                      <details>
                        <summary className="muted">{t("webhooks.col.attempts")}</summary>
                        <ul className="plain-list attempt-log">
                          {delivery.log.map((a) => (
                            <li key={a.id}>
                              {t("webhooks.attempt", { date: when(a.attemptedAt), trigger: t(`webhooks.trigger.${a.trigger as "worker" | "manual"}`), result: a.statusCode ? `HTTP ${a.statusCode}` : (a.error ?? ""), ms: a.durationMs })}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="deliveryId" value={delivery.id} />
                      <button type="submit" name="intent" value="resend" className="button button--small button--secondary" aria-label={t("webhooks.resendLabel", { id: delivery.id })} disabled={busy}>
                        {t("webhooks.resend")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}
