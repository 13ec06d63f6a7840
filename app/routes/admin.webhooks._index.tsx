import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { FormError, TextField } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import styles from "~/styles/integrations.css";
import { formatNumber } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";
import { createEndpoint, endpointFormSchema, listEndpoints } from "~/webhooks/endpoints.server";
import { EventChoices } from "~/webhooks/event-choices";
import { SignatureHelp } from "~/webhooks/signature-help";

export const meta: MetaFunction = () => [{ title: "Webhooks · Admin · Kizuna" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { endpoints: await listEndpoints() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const formData = await readFormData(request);
  formData.set("events", formData.getAll("events").join(" "));
  const form = parseForm(formData, endpointFormSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, values: form.values, formError: t("error.form") }, 400);
  const endpoint = await createEndpoint(form.data, admin.id);
  return redirectWithToast(`/admin/webhooks/${endpoint.id}`, { type: "success", key: "webhooks.created" });
}

export default function WebhooksPage() {
  const { endpoints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const chosen = actionData?.values.events?.split(" ") ?? [];
  return (
    <>
      <h1>{t("webhooks.title")}</h1>
      <p className="lead">{t("webhooks.lead")}</p>
      <SignatureHelp />
      {endpoints.length === 0 ? (
        <p className="empty">{t("webhooks.empty")}</p>
      ) : (
        <div className="table-wrap section">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("webhooks.col.url")}</th>
                <th scope="col">{t("webhooks.col.events")}</th>
                <th scope="col">{t("webhooks.col.status")}</th>
                <th scope="col" className="num">{t("webhooks.col.pending")}</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((endpoint) => (
                <tr key={endpoint.id}>
                  <th scope="row">
                    <Link to={`/admin/webhooks/${endpoint.id}`}>{endpoint.url}</Link>
                    {endpoint.description ? <div className="muted">{endpoint.description}</div> : null}
                  </th>
                  <td>{endpoint.events.join(", ")}</td>
                  <td>
                    {endpoint.disabledAt ? <span className="badge badge--warn">{t("webhooks.disabled")}</span> : <span className="badge">{t("webhooks.enabled")}</span>}
                    {endpoint.consecutiveFailures > 0 ? <div className="muted">{t("webhooks.failures", { count: endpoint.consecutiveFailures })}</div> : null}
                  </td>
                  <td className="num">{formatNumber(endpoint.pending, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card stack section" aria-labelledby="new-endpoint">
        <h2 id="new-endpoint">{t("webhooks.new")}</h2>
        <FormError message={actionData?.formError} />
        <Form method="post" className="stack" noValidate>
          <div className="grid-2">
            <TextField label={t("webhooks.url")} name="url" type="url" required maxLength={500} hint={t("webhooks.urlHint")} defaultValue={actionData?.values.url} error={actionData?.errors.url} />
            <TextField label={t("webhooks.description")} name="description" maxLength={200} defaultValue={actionData?.values.description} error={actionData?.errors.description} />
          </div>
          <EventChoices chosen={chosen} error={actionData?.errors.events} />
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("webhooks.create")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
