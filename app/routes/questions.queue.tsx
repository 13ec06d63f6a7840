import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { FormError } from "~/components/form";
import { Pagination } from "~/components/pagination";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { questionHref } from "~/qa/model";
import { assignQuestion, staffMembers, unansweredQueue } from "~/qa/moderation.server";
import { pageFrom } from "~/qa/questions.server";
import { assignSchema } from "~/qa/staff.server";
import { StaffQaLinks } from "~/qa/staff-ui";
import { redirectWithToast } from "~/utils/toast.server";
import { formatAge } from "~/utils/format";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Q&A queue · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "cs");
  const page = pageFrom(new URL(request.url));
  const [queue, staff] = await Promise.all([unansweredQueue(page), staffMembers()]);
  return { ...queue, page, staff, now: new Date().toISOString() };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "cs");
  const { t } = await getTranslator(request, staff.locale);
  const form = parseForm(await readFormData(request), assignSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, values: form.values, formError: t("error.form") }, 400);
  const result = await assignQuestion(staff, form.data.questionId, form.data.assigneeId);
  if (result === "not-found") throw new Response("Not found", { status: 404 });
  if (result !== "ok") return data({ errors: {}, values: {}, formError: t("qaStaff.queue.notStaff") }, { status: 400 });
  return redirectWithToast(`/questions/queue${new URL(request.url).search}`, { type: "success", key: "qaStaff.queue.assigned" });
}

export default function QuestionQueue() {
  const { questions, total, page, pages, staff, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const staffOptions = [{ id: "unassigned", name: t("qaStaff.queue.unassigned") }, ...staff];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("qaStaff.queue.title")}</h1>
          <p className="lead">{t("qaStaff.queue.lead")}</p>
        </div>
        <StaffQaLinks current="queue" />
      </div>
      <FormError message={actionData?.formError} />
      <p className="muted">{t("common.results", { count: total })}</p>
      {questions.length === 0 ? (
        <p className="empty">{t("qaStaff.queue.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table qa-staff-queue">
            <thead>
              <tr>
                <th scope="col">{t("qaStaff.queue.col.question")}</th>
                <th scope="col">{t("qaStaff.queue.col.age")}</th>
                <th scope="col">{t("qaStaff.queue.col.asker")}</th>
                <th scope="col">{t("qaStaff.queue.col.company")}</th>
                <th scope="col">{t("qaStaff.queue.col.assignee")}</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((question) => (
                <tr key={question.id}>
                  <th scope="row" className="qa-staff-queue__title">
                    <Link to={questionHref(question.id)}>{question.title}</Link>
                    {question.beginner ? <span className="badge qa-staff-badge">{t("qaStaff.beginner")}</span> : null}
                  </th>
                  <td>
                    <time dateTime={question.createdAt.toISOString()}>{formatAge(question.createdAt, now, locale)}</time>
                  </td>
                  <td>{question.author?.name ?? <span className="muted">{t("qaStaff.formerMember")}</span>}</td>
                  <td>
                    {question.author?.account ? (
                      <Link to={`/workspace/accounts/${question.author.account.id}`}>{question.author.account.name}</Link>
                    ) : (
                      t("common.none")
                    )}
                  </td>
                  <td>
                    <Form method="post" className="qa-staff-assign">
                      <input type="hidden" name="questionId" value={question.id} />
                      <label className="visually-hidden" htmlFor={`assignee-${question.id}`}>
                        {t("qaStaff.queue.assignLabel", { title: question.title })}
                      </label>
                      <select id={`assignee-${question.id}`} name="assigneeId" className="field__input" defaultValue={question.assignee?.id ?? "unassigned"}>
                        {staffOptions.map((person) => (
                          <option key={person.id} value={person.id}>
                            {person.name}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--secondary button--small" disabled={busy}>
                        {t("qaStaff.queue.assign")}
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
