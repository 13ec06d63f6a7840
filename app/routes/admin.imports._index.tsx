import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/session.server";
import { FormError, SelectField } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { IMPORT_KINDS, MAX_IMPORT_ROWS } from "~/imports/kinds";
import { checkImportFile, listImportJobs, MAX_IMPORT_BYTES } from "~/imports/jobs.server";
import styles from "~/styles/integrations.css";
import { formatDateTime, formatNumber } from "~/utils/format";
import { formFailure, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Imports · Admin · Kizuna" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  return { jobs: await listImportJobs(), timeZone: admin.timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
    return formFailure({ errors: { file: t("imports.tooLarge", { max: MAX_MB }) }, formError: t("imports.tooLarge", { max: MAX_MB }) }, 413);
  }
  const formData = await readFormData(request, MAX_IMPORT_BYTES + 64 * 1024);
  const kind = z.enum(IMPORT_KINDS).safeParse(formData.get("kind"));
  const file = formData.get("file");
  const values = { kind: String(formData.get("kind") ?? "") };
  if (!kind.success) return formFailure({ errors: { kind: t("error.invalidChoice") }, formError: t("error.form"), values }, 400);
  if (!(file instanceof Blob) || file.size === 0) return formFailure({ errors: { file: t("imports.fileRequired") }, formError: t("error.form"), values }, 400);
  const result = await checkImportFile({
    kind: kind.data,
    fileName: "name" in file && typeof file.name === "string" ? file.name : "upload.csv",
    bytes: new Uint8Array(await file.arrayBuffer()),
    actorId: admin.id,
  });
  if (!result.ok) {
    const message = t(`imports.decode.${result.reason}`);
    return formFailure({ errors: { file: message }, formError: message, values }, 422);
  }
  return redirect(`/admin/imports/${result.jobId}`);
}

export default function ImportsPage() {
  const { jobs, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("imports.title")}</h1>
      <p className="lead">{t("imports.lead")}</p>
      <FormError message={actionData?.formError} />
      <section className="card stack section">
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <div className="grid-2">
            <SelectField
              label={t("imports.kind")}
              name="kind"
              defaultValue={actionData?.values.kind ?? "accounts"}
              options={IMPORT_KINDS.map((kind) => ({ value: kind, label: t(`imports.kind.${kind}`) }))}
              error={actionData?.errors.kind}
            />
            <div className={actionData?.errors.file ? "field field--invalid" : "field"}>
              <label htmlFor="import-file" className="field__label">
                {t("imports.file")}
              </label>
              <input id="import-file" name="file" type="file" accept=".csv,text/csv" className="field__input" aria-describedby="import-file-hint" />
              <p id="import-file-hint" className="field__hint">
                {t("imports.fileHint", { max: formatNumber(MAX_IMPORT_ROWS, locale) })}
              </p>
              {actionData?.errors.file ? (
                <p className="field__error" role="alert">
                  {actionData.errors.file}
                </p>
              ) : null}
            </div>
          </div>
          <details>
            <summary>{t("imports.columns")}</summary>
            <dl className="facts">
              {IMPORT_KINDS.map((kind) => (
                <div key={kind}>
                  <dt>{t(`imports.kind.${kind}`)}</dt>
                  <dd>{t(`imports.columns.${kind}`)}</dd>
                </div>
              ))}
            </dl>
          </details>
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("imports.upload")}
            </button>
          </div>
        </Form>
      </section>

      <h2 className="section">{t("imports.history")}</h2>
      {jobs.length === 0 ? (
        <p className="empty">{t("imports.historyEmpty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("imports.col.file")}</th>
                <th scope="col">{t("imports.col.kind")}</th>
                <th scope="col" className="num">{t("imports.col.rows")}</th>
                <th scope="col" className="num">{t("imports.col.problems")}</th>
                <th scope="col">{t("imports.col.status")}</th>
                <th scope="col">{t("imports.col.when")}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <th scope="row">
                    <Link to={`/admin/imports/${job.id}`}>{job.fileName}</Link>
                  </th>
                  <td>{t(`imports.kind.${job.kind as "accounts" | "people" | "usage"}`)}</td>
                  <td className="num">{formatNumber(job.rowCount, locale)}</td>
                  <td className="num">{formatNumber(job.errorCount, locale)}</td>
                  <td>{t(`imports.status.${job.status as "previewed" | "applied" | "discarded"}`)}</td>
                  <td>
                    {formatDateTime(job.createdAt, locale, timeZone)}
                    {job.createdBy ? <span className="muted"> · {job.createdBy.name}</span> : null}
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
