import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { FormError } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { applyImportJob, discardImportJob, getImportJob } from "~/imports/jobs.server";
import { ENCODING_LABELS, problemText, summaryText } from "~/imports/ui";
import styles from "~/styles/integrations.css";
import { formatNumber } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Import · Admin · Kizuna" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const job = await getImportJob(params.jobId ?? "");
  if (!job) throw new Response("Import not found", { status: 404 });
  return { job };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const id = params.jobId ?? "";
  const formData = await readFormData(request);
  if (formData.get("intent") === "discard") {
    if (!(await discardImportJob(id))) return formFailure({ formError: t("imports.alreadyDone") }, 409);
    return redirectWithToast("/admin/imports", { type: "success", key: "imports.discardedToast" });
  }
  if (formData.get("intent") !== "apply") return formFailure({ formError: t("error.form") }, 400);
  const result = await applyImportJob(id, admin.id);
  if (result.ok) {
    const job = await getImportJob(id);
    return redirectWithToast(`/admin/imports/${id}`, { type: "success", key: "imports.applied", params: { summary: summaryText(job!.kind, result.summary, t, true) } });
  }
  switch (result.reason) {
    case "not-found":
      return formFailure({ formError: t("imports.notFound") }, 404);
    case "not-pending":
      return formFailure({ formError: t("imports.alreadyDone") }, 409);
    case "has-problems":
      return formFailure({ formError: t("imports.hasProblems", { count: result.problems ?? 0 }) }, 422);
    case "problems-now":
      return formFailure({ formError: t("imports.applyFailed", { count: result.problems ?? 0 }) }, 422);
  }
}

export default function ImportJobPage() {
  const { job } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [header, ...rows] = job.sample;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/imports">{t("imports.title")}</Link>
      </p>
      <h1 className="break-anywhere">{t("imports.preview", { file: job.fileName })}</h1>
      <p className="muted">
        {t(`imports.kind.${job.kind}`)} · {t("imports.encoding", { encoding: ENCODING_LABELS[job.encoding] ?? job.encoding })} · {t("imports.rowCount", { count: formatNumber(job.rowCount, locale) })} ·{" "}
        {t(`imports.status.${job.status as "previewed" | "applied" | "discarded"}`)}
      </p>
      <FormError message={actionData?.formError} />

      {job.errorCount > 0 ? (
        <div className="alert alert--error" role="alert">
          {t("imports.hasProblems", { count: formatNumber(job.errorCount, locale) })}
        </div>
      ) : job.status === "previewed" ? (
        <div className="alert alert--success" role="status">
          {t("imports.ready", { summary: summaryText(job.kind, job.summary, t) })}
        </div>
      ) : job.status === "applied" ? (
        <div className="alert alert--success" role="status">
          {t("imports.applied", { summary: summaryText(job.kind, job.summary, t, true) })}
        </div>
      ) : null}

      {job.status === "previewed" ? (
        <div className="inline-fields section">
          {job.errorCount === 0 ? (
            <Form method="post">
              <button type="submit" name="intent" value="apply" className="button button--primary" disabled={busy}>
                {t("imports.apply")}
              </button>
            </Form>
          ) : null}
          <Form method="post">
            <button type="submit" name="intent" value="discard" className="button button--secondary" disabled={busy}>
              {t("imports.discard")}
            </button>
          </Form>
        </div>
      ) : null}

      {job.problems.length > 0 ? (
        <section className="section" aria-labelledby="problems-title">
          <h2 id="problems-title">{t("imports.problemsTitle")}</h2>
          <div className="table-wrap">
            <table className="table import-report">
              <thead>
                <tr>
                  <th scope="col" className="num">{t("imports.col.line")}</th>
                  <th scope="col">{t("imports.col.column")}</th>
                  <th scope="col">{t("imports.col.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {job.problems.map((problem, i) => (
                  <tr key={`${problem.line}-${i}`}>
                    <td className="num">{problem.line}</td>
                    <td>{problem.column ?? t("common.none")}</td>
                    <td className="row-error">{problemText(problem, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {job.hiddenProblems > 0 ? <p className="muted">{t("imports.moreProblems", { count: formatNumber(job.hiddenProblems, locale) })}</p> : null}
        </section>
      ) : null}

      {header ? (
        <section className="section">
          <div className="table-wrap">
            <table className="table import-report">
              <thead>
                <tr>
                  <th scope="col" className="num">{t("imports.col.line")}</th>
                  {header.fields.map((field, i) => (
                    <th scope="col" key={i}>
                      {field}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.line} className={row.hasProblem ? "row-error" : undefined}>
                    <td className="num">{row.line}</td>
                    {row.fields.map((field, i) => (
                      <td key={i}>{field}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
