import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { API_SCOPES, DEFAULT_RATE_LIMIT_PER_MINUTE } from "~/api/scopes";
import { createApiToken, listApiTokens, revokeApiToken, tokenFormSchema } from "~/api/tokens.server";
import { requireRole } from "~/auth/session.server";
import { FormError, TextField } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import styles from "~/styles/integrations.css";
import { formatDateTime, formatNumber } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "API tokens · Admin · Kizuna" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  return { tokens: await listApiTokens(), timeZone: admin.timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const formData = await readFormData(request);
  if (formData.get("intent") === "revoke") {
    const revoked = await revokeApiToken(String(formData.get("tokenId") ?? ""), admin.id);
    if (!revoked) return formFailure({ formError: t("api.tokens.notFound") }, 404);
    return redirectWithToast("/admin/api-tokens", { type: "success", key: "api.tokens.revokedToast" });
  }
  // Checkboxes arrive as repeated fields; the schema reads them as one list.
  formData.set("scopes", formData.getAll("scopes").join(" "));
  const form = parseForm(formData, tokenFormSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, values: form.values, formError: t("error.form") }, 400);
  const created = await createApiToken(form.data, admin.id);
  // The only time the token exists in plain text: straight into this response, never a cookie or log.
  return data({ created: { name: created.name, token: created.token }, errors: {}, formError: null, values: {} as Record<string, string> }, { headers: { "Cache-Control": "no-store" } });
}

export default function ApiTokensPage() {
  const { tokens, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const created = actionData && "created" in actionData ? actionData.created : null;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const chosenScopes = values.scopes?.split(" ") ?? [];
  return (
    <>
      <div className="page-header">
        <h1>{t("api.tokens.title")}</h1>
        <a href="/api/v1/openapi.json" className="button button--secondary">
          {t("api.tokens.docs")}
        </a>
      </div>
      <p className="lead">{t("api.tokens.lead")}</p>
      {created ? (
        <div className="alert alert--success stack" role="status">
          <p>{t("api.tokens.created", { name: created.name })}</p>
          <label className="field">
            <span className="field__label">{t("api.tokens.createdLabel")}</span>
            <input className="field__input secret-value" readOnly value={created.token} onFocus={(event) => event.currentTarget.select()} />
          </label>
        </div>
      ) : null}
      <FormError message={actionData?.formError} />
      <section className="card stack section" aria-labelledby="new-token">
        <h2 id="new-token">{t("api.tokens.new")}</h2>
        <Form method="post" className="stack" noValidate key={created?.token ?? "form"}>
          <input type="hidden" name="intent" value="create" />
          <div className="grid-2">
            <TextField label={t("api.tokens.name")} name="name" required maxLength={80} hint={t("api.tokens.nameHint")} defaultValue={values.name} error={errors.name} />
            <TextField
              label={t("api.tokens.rateLimit")}
              name="rateLimitPerMinute"
              inputMode="numeric"
              defaultValue={values.rateLimitPerMinute ?? String(DEFAULT_RATE_LIMIT_PER_MINUTE)}
              error={errors.rateLimitPerMinute}
            />
          </div>
          <fieldset className="field">
            <legend className="field__label">{t("api.tokens.scopes")}</legend>
            <div className="stack stack--tight">
              {API_SCOPES.map((scope) => (
                <label key={scope}>
                  <input type="checkbox" name="scopes" value={scope} defaultChecked={chosenScopes.includes(scope)} /> {t(`api.tokens.scope.${scope}`)}
                </label>
              ))}
            </div>
            {errors.scopes ? (
              <p className="field__error" role="alert">
                {errors.scopes}
              </p>
            ) : null}
          </fieldset>
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("api.tokens.create")}
            </button>
          </div>
        </Form>
      </section>
      {tokens.length === 0 ? (
        <p className="empty">{t("api.tokens.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("api.tokens.col.name")}</th>
                <th scope="col">{t("api.tokens.col.token")}</th>
                <th scope="col">{t("api.tokens.col.scopes")}</th>
                <th scope="col" className="num">{t("api.tokens.rateLimit")}</th>
                <th scope="col">{t("api.tokens.col.created")}</th>
                <th scope="col">{t("api.tokens.col.lastUsed")}</th>
                <th scope="col">{t("api.tokens.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{token.scopes.join(", ")}</td>
                  <td className="num">{formatNumber(token.rateLimitPerMinute, locale)}</td>
                  <td>
                    {formatDateTime(token.createdAt, locale, timeZone)}
                    {token.createdBy ? <span className="muted"> · {token.createdBy}</span> : null}
                  </td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale, timeZone) : t("api.tokens.never")}</td>
                  <td>
                    {token.revokedAt ? (
                      <span className="muted">{t("api.tokens.revoked", { date: formatDateTime(token.revokedAt, locale, timeZone) })}</span>
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tokenId" value={token.id} />
                        <span className="badge">{t("api.tokens.active")}</span>{" "}
                        <button type="submit" className="button button--small button--ghost" aria-label={t("api.tokens.revokeLabel", { name: token.name })} disabled={busy}>
                          {t("api.tokens.revoke")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
