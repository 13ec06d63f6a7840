import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { FormError } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { loadReportQueue, reportActionSchema, runReportAction } from "~/qa/staff.server";
import { StaffQaLinks } from "~/qa/staff-ui";
import { formatAge } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Reports · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "cs");
  return { posts: await loadReportQueue(), now: new Date().toISOString() };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "cs");
  const { t } = await getTranslator(request, staff.locale);
  const form = parseForm(await readFormData(request), reportActionSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, values: form.values, formError: t("error.form") }, 400);
  const result = await runReportAction(staff, form.data);
  if (result === "not-found") throw new Response("Not found", { status: 404 });
  if (result === "forbidden") throw new Response("Forbidden", { status: 403 });
  if (result === "already-hidden") return data({ errors: {}, values: {}, formError: t("qaStaff.reports.cannotHide") }, { status: 409 });
  if (result === "no-reports") return data({ errors: {}, values: {}, formError: t("qaStaff.reports.noOpenReports") }, { status: 409 });
  return redirectWithToast("/questions/reports", { type: "success", key: form.data.intent === "hide" ? "qaStaff.reports.hidden" : "qaStaff.reports.dismissed" });
}

export default function ReportsPage() {
  const { posts, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("qaStaff.reports.title")}</h1>
          <p className="lead">{t("qaStaff.reports.lead")}</p>
        </div>
        <StaffQaLinks current="reports" />
      </div>
      <FormError message={actionData?.formError} />
      {posts.length === 0 ? (
        <p className="empty">{t("qaStaff.reports.empty")}</p>
      ) : (
        <ul className="plain-list qa-staff-reports">
          {posts.map((item) => {
            const headingId = `report-${item.targetType}-${item.targetId}`;
            return (
              <li key={headingId}>
                <article className="card qa-staff-report" aria-labelledby={headingId}>
                  <header className="qa-staff-report__header">
                    <span className="badge">{t(item.targetType === "answer" ? "qaStaff.reports.answer" : "qaStaff.reports.question")}</span>
                    {item.post?.hidden ? <span className="badge qa-staff-badge qa-staff-badge--hidden">{t("qaStaff.reports.alreadyHidden")}</span> : null}
                    <h2 id={headingId} className="qa-staff-report__title">
                      {!item.post
                        ? t("qaStaff.reports.deleted")
                        : item.targetType === "answer"
                          ? t("qaStaff.reports.answerTo", { title: item.post.title })
                          : item.post.title}
                    </h2>
                  </header>
                  {item.post ? (
                    <>
                      <blockquote className="qa-staff-report__excerpt">{item.post.excerpt}</blockquote>
                      <p>
                        <Link to={item.post.href}>{t("qaStaff.reports.openPost")}</Link>
                      </p>
                    </>
                  ) : null}
                  <h3 className="qa-staff-report__count">{t("qaStaff.reports.count", { count: item.reports.length })}</h3>
                  <ul className="qa-staff-report__reasons">
                    {item.reports.map((report) => (
                      <li key={report.id}>
                        <p className="qa-staff-report__reason">{report.reason}</p>
                        <p className="muted qa-staff-report__meta">
                          {t("qaStaff.reports.reporter", { name: report.reporterName ?? t("qaStaff.formerMember") })} ·{" "}
                          <time dateTime={report.createdAt.toISOString()}>{formatAge(report.createdAt, now, locale)}</time>
                        </p>
                      </li>
                    ))}
                  </ul>
                  <Form method="post" className="qa-staff-report__actions">
                    <input type="hidden" name="targetType" value={item.targetType} />
                    <input type="hidden" name="targetId" value={item.targetId} />
                    {item.post && !item.post.hidden ? (
                      <button type="submit" name="intent" value="hide" className="button button--primary button--small" disabled={busy}>
                        {t("qaStaff.reports.hide")}
                      </button>
                    ) : null}
                    <button type="submit" name="intent" value="dismiss" className="button button--ghost button--small" disabled={busy}>
                      {t("qaStaff.reports.dismiss")}
                    </button>
                  </Form>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
