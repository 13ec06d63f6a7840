// One question with its answers. Every form on the page posts here with an `intent`; one schema
// validates them all and app/qa/question-page.server.ts runs them.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { getOptionalUser, requireUser } from "~/auth/session.server";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/form";
import { MarkdownHtml } from "~/components/markdown-html";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { QA_FORM_MAX_BYTES, questionIntentSchema } from "~/qa/forms.server";
import { LIMITS } from "~/qa/model";
import { questionPage, runQuestionIntent } from "~/qa/question-page.server";
import { BeginnerCheckbox, PersonWithReputation, QuestionBadges, TagLinks } from "~/qa/ui";
import { formatDateTime } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { appBaseUrl } from "~/utils/url.server";
import { formFailure, formValues, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.question.title} · Kizuna Q&A` : "Kizuna Q&A" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const page = await questionPage(params.questionId ?? "", user);
  if (!page) throw new Response("Question not found", { status: 404, statusText: "Not Found" });
  const search = new URL(request.url).searchParams;
  // `?edit=` and `?report=` name the one post whose form is open; the others only link to it.
  return { ...page, editing: search.get("edit"), reporting: search.get("report"), timeZone: user?.timeZone ?? "Asia/Tokyo" };
}

/** Fields that have a place in a form; any other invalid field means the request itself was malformed. */
const VISIBLE_FIELDS = new Set(["title", "body", "tags", "reason"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request, user.locale);
  const formData = await readFormData(request, QA_FORM_MAX_BYTES);
  // The shared helper keeps 2,000 characters of each value; a body that was too long comes back whole.
  const rawBody = formData.get("body");
  const keep = (values: Record<string, string>) => (typeof rawBody === "string" ? { ...values, body: rawBody.slice(0, LIMITS.bodyMax * 2) } : values);
  const form = parseForm(formData, questionIntentSchema, t);
  if (!form.ok) {
    const malformed = Object.keys(form.errors).some((field) => !VISIBLE_FIELDS.has(field));
    return formFailure({ errors: form.errors, values: keep(form.values), formError: malformed ? t("error.form") : null }, 400);
  }
  const outcome = await runQuestionIntent(user, params.questionId ?? "", form.data, appBaseUrl(request));
  if (!outcome.ok) {
    if (outcome.status === 404) throw new Response(t(outcome.key), { status: 404, statusText: "Not Found" });
    return formFailure({ values: keep(formValues(formData)), formError: t(outcome.key) }, outcome.status);
  }
  if (outcome.leave) return redirectWithToast("/questions", { type: "success", key: outcome.key });
  const { pathname } = new URL(request.url);
  return redirectWithToast(`${pathname}${outcome.anchor ? `#${outcome.anchor}` : ""}`, { type: "success", key: outcome.key });
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type AnswerData = PageData["answers"][number];
type Failure = ReturnType<typeof useActionData<typeof action>>;

/** Which post (or form) a failed submission belongs to, so its message shows right there. */
function failureTarget(values: Record<string, string>): string {
  switch (values.intent) {
    case "vote":
    case "report":
      return values.targetType === "answer" ? (values.targetId ?? "") : "question";
    case "answer":
      return "answer-form";
    case "edit-answer":
    case "delete-answer":
    case "accept":
    case "moderate-answer":
    case "official":
      return values.answerId ?? "";
    default:
      return "question";
  }
}

function useFailure(target: string, intent?: string): Failure | null {
  const failure = useActionData<typeof action>();
  if (!failure || failureTarget(failure.values) !== target) return null;
  if (intent && failure.values.intent !== intent) return null;
  return failure;
}

export default function QuestionPage() {
  const { question, answers, viewer } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation();
  const orphan = failure && !failure.values.intent ? failure.formError : null;
  return (
    <div className="qa-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/questions">{t("qa.title")}</Link>
      </nav>
      <FormError message={orphan} />
      {question.state === "hidden" ? <p className="alert alert--info">{t("qa.notice.hidden")}</p> : null}
      <div className="qa-page__layout">
        <div className="qa-page__main stack">
          <QuestionPost />
          <section className="section qa-answers" aria-labelledby="answers-title">
            <h2 id="answers-title">{t("qa.answerCount", { count: answers.length })}</h2>
            {answers.length === 0 ? <p className="empty">{t("qa.noAnswers")}</p> : null}
            <ol className="plain-list stack">
              {answers.map((answer) => (
                <li key={answer.id}>
                  <AnswerPost answer={answer} />
                </li>
              ))}
            </ol>
          </section>
          <AnswerForm />
        </div>
        {viewer.staff ? <StaffPanel /> : null}
      </div>
    </div>
  );
}

function QuestionPost() {
  const { question, editing, timeZone } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const location = useLocation();
  const failure = useFailure("question");
  const editFailure = failure?.values.intent === "edit-question" ? failure : null;
  const isEditing = question.canEdit && (editing === "question" || editFailure !== null);
  return (
    <article className="card qa-post qa-post--question" id="question" aria-labelledby="question-title">
      <header className="qa-post__header">
        <h1 id="question-title">{question.title}</h1>
        <p className="qa-post__badges">
          <QuestionBadges state={question.state} beginner={question.beginner} />
        </p>
        <TagLinks tags={question.tags} />
      </header>
      <FormError message={failure?.formError} />
      <div className="qa-post__layout">
        <VoteControls targetType="question" targetId={question.id} score={question.score} myVote={question.myVote} canVote={question.canVote} />
        <div className="qa-post__content">
          {isEditing ? (
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="edit-question" />
              <TextField label={t("qa.field.title")} name="title" maxLength={LIMITS.titleMax} required hint={t("qa.field.titleHint")} defaultValue={editFailure?.values.title ?? question.title} error={editFailure?.errors.title} />
              <TextAreaField label={t("qa.field.body")} name="body" rows={12} required hint={t("qa.field.bodyHint")} defaultValue={editFailure?.values.body ?? question.body ?? ""} error={editFailure?.errors.body} />
              <TextField label={t("qa.field.tags")} name="tags" hint={t("qa.field.tagsHint")} defaultValue={editFailure?.values.tags ?? question.tags.join(", ")} error={editFailure?.errors.tags} autoComplete="off" />
              <BeginnerCheckbox defaultChecked={editFailure ? editFailure.values.beginner === "on" : question.beginner} />
              <p className="qa-actions">
                <SubmitButton label={t("qa.edit.save")} primary />
                <Link to={`${location.pathname}#question`} className="button button--ghost" replace>
                  {t("common.cancel")}
                </Link>
              </p>
            </Form>
          ) : (
            <MarkdownHtml html={question.bodyHtml} className="qa-post__body" />
          )}
          <footer className="qa-post__footer">
            <p className="qa-post__meta muted">
              {t("qa.askedBy")} <PersonWithReputation person={question.author} />
              {question.company ? <span> · {question.company}</span> : null}{" "}
              <time dateTime={question.createdAt.toISOString()}>{formatDateTime(question.createdAt, locale, timeZone)}</time>
              {question.editedAt ? (
                <span className="qa-edited" title={formatDateTime(question.editedAt, locale, timeZone)}>
                  {" "}
                  ({t("qa.edited")})
                </span>
              ) : null}
            </p>
            {!isEditing ? (
              <div className="qa-actions">
                {question.canEdit ? (
                  <Link to="?edit=question#question" className="button button--ghost button--small">
                    {t("common.edit")}
                  </Link>
                ) : null}
                {question.canDelete ? <ConfirmForm intent="delete-question" label={t("qa.delete")} confirm={t("qa.delete.questionConfirm")} /> : null}
                <ReportForm targetType="question" targetId={question.id} />
              </div>
            ) : null}
          </footer>
        </div>
      </div>
    </article>
  );
}

function AnswerPost({ answer }: { answer: AnswerData }) {
  const { editing, viewer, timeZone } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const location = useLocation();
  const failure = useFailure(answer.id);
  const editFailure = failure?.values.intent === "edit-answer" ? failure : null;
  const isEditing = answer.canEdit && (editing === answer.id || editFailure !== null);
  const classes = ["card", "qa-post", "qa-post--answer", answer.accepted ? "qa-post--accepted" : "", answer.hidden ? "qa-post--hidden" : ""].filter(Boolean).join(" ");
  return (
    <article className={classes} id={`answer-${answer.id}`} aria-label={t("qa.answerBy", { name: answer.author?.name ?? t("qa.formerMember") })}>
      {answer.accepted || answer.official || answer.hidden ? (
        <p className="qa-post__badges">
          {answer.accepted ? <span className="badge qa-badge qa-badge--accepted">✓ {t("qa.accepted")}</span> : null}
          {answer.official ? <span className="badge qa-badge qa-badge--official">{t("qa.official")}</span> : null}
          {answer.hidden ? <span className="badge qa-badge qa-badge--hidden">{t("qa.answerHidden")}</span> : null}
        </p>
      ) : null}
      <FormError message={failure?.formError} />
      <div className="qa-post__layout">
        <VoteControls targetType="answer" targetId={answer.id} score={answer.score} myVote={answer.myVote} canVote={answer.canVote} />
        <div className="qa-post__content">
          {isEditing ? (
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="edit-answer" />
              <input type="hidden" name="answerId" value={answer.id} />
              <TextAreaField label={t("qa.edit.answerLabel")} name="body" rows={10} required hint={t("qa.field.answerHint")} defaultValue={editFailure?.values.body ?? answer.body ?? ""} error={editFailure?.errors.body} />
              <p className="qa-actions">
                <SubmitButton label={t("qa.edit.save")} primary />
                <Link to={`${location.pathname}#answer-${answer.id}`} className="button button--ghost" replace>
                  {t("common.cancel")}
                </Link>
              </p>
            </Form>
          ) : (
            <MarkdownHtml html={answer.bodyHtml} className="qa-post__body" />
          )}
          <footer className="qa-post__footer">
            <p className="qa-post__meta muted">
              {t("qa.answeredBy")} <PersonWithReputation person={answer.author} />
              {answer.authorIsStaff ? <span className="badge badge--role-cs">{t("qa.staffBadge")}</span> : null}{" "}
              <time dateTime={answer.createdAt.toISOString()}>{formatDateTime(answer.createdAt, locale, timeZone)}</time>
              {answer.editedAt ? (
                <span className="qa-edited" title={formatDateTime(answer.editedAt, locale, timeZone)}>
                  {" "}
                  ({t("qa.edited")})
                </span>
              ) : null}
            </p>
            {!isEditing ? (
              <div className="qa-actions">
                {answer.canAccept ? (
                  <Form method="post" className="inline-form" preventScrollReset>
                    <input type="hidden" name="intent" value="accept" />
                    <input type="hidden" name="answerId" value={answer.id} />
                    <SubmitButton label={answer.accepted ? t("qa.unaccept") : t("qa.accept")} primary={!answer.accepted} small />
                  </Form>
                ) : null}
                {answer.canEdit ? (
                  <Link to={`?edit=${answer.id}#answer-${answer.id}`} className="button button--ghost button--small">
                    {t("common.edit")}
                  </Link>
                ) : null}
                {answer.canDelete ? <ConfirmForm intent="delete-answer" answerId={answer.id} label={t("qa.delete")} confirm={t("qa.delete.answerConfirm")} /> : null}
                {viewer.staff ? (
                  <>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="official" />
                      <input type="hidden" name="answerId" value={answer.id} />
                      <SubmitButton label={answer.official ? t("qa.mod.unmarkOfficial") : t("qa.mod.markOfficial")} small />
                    </Form>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="moderate-answer" />
                      <input type="hidden" name="answerId" value={answer.id} />
                      <input type="hidden" name="action" value={answer.hidden ? "restore" : "hide"} />
                      <SubmitButton label={answer.hidden ? t("qa.mod.restoreAnswer") : t("qa.mod.hideAnswer")} small />
                    </Form>
                  </>
                ) : null}
                {!answer.hidden ? <ReportForm targetType="answer" targetId={answer.id} /> : null}
              </div>
            ) : null}
          </footer>
        </div>
      </div>
    </article>
  );
}

/** Up and down, pressed when chosen; pressing the chosen one again takes the vote back. */
function VoteControls({ targetType, targetId, score, myVote, canVote }: { targetType: "question" | "answer"; targetId: string; score: number; myVote: number; canVote: boolean }) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const label = t(targetType === "question" ? "qa.vote.questionScore" : "qa.vote.answerScore", { score });
  if (!canVote) {
    return (
      <div className="qa-vote qa-vote--readonly">
        <span className="qa-vote__score" aria-label={label}>
          {score}
        </span>
        <span className="qa-vote__unit muted">{t("qa.votes")}</span>
      </div>
    );
  }
  return (
    <Form method="post" className="qa-vote" preventScrollReset>
      <input type="hidden" name="intent" value="vote" />
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <button type="submit" name="value" value={myVote === 1 ? "0" : "1"} className="qa-vote__button" aria-pressed={myVote === 1} aria-label={t("qa.vote.up")} title={myVote === 1 ? t("qa.vote.clear") : t("qa.vote.up")} disabled={busy}>
        ▲
      </button>
      <span className="qa-vote__score" aria-label={label}>
        {score}
      </span>
      <button type="submit" name="value" value={myVote === -1 ? "0" : "-1"} className="qa-vote__button" aria-pressed={myVote === -1} aria-label={t("qa.vote.down")} title={myVote === -1 ? t("qa.vote.clear") : t("qa.vote.down")} disabled={busy}>
        ▼
      </button>
    </Form>
  );
}

/**
 * "Report" opens the form for that one post (`?report=<id>`, like `?edit=`), so a page with many
 * answers carries one report form at most instead of a hidden one per post.
 */
function ReportForm({ targetType, targetId }: { targetType: "question" | "answer"; targetId: string }) {
  const { viewer, reporting } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const location = useLocation();
  const failure = useFailure(targetType === "question" ? "question" : targetId, "report");
  if (!viewer.signedIn) return null;
  const anchor = targetType === "question" ? "question" : `answer-${targetId}`;
  if (!failure && reporting !== targetId) {
    return (
      <Link to={`?${new URLSearchParams({ report: targetId })}#${anchor}`} className="button button--ghost button--small qa-report__open" preventScrollReset>
        {t("qa.report")}
      </Link>
    );
  }
  return (
    <div className="qa-report qa-report--open">
      <Form method="post" className="stack qa-report__form" noValidate>
        <input type="hidden" name="intent" value="report" />
        <input type="hidden" name="targetType" value={targetType} />
        <input type="hidden" name="targetId" value={targetId} />
        <TextAreaField label={t("qa.report.reason")} name="reason" rows={3} maxLength={LIMITS.reportReasonMax} required hint={t("qa.report.hint")} defaultValue={failure?.values.reason} error={failure?.errors.reason} />
        <p className="qa-actions">
          <SubmitButton label={t("qa.report.submit")} small />
          <Link to={`${location.pathname}#${anchor}`} className="button button--ghost button--small" replace preventScrollReset>
            {t("common.cancel")}
          </Link>
        </p>
      </Form>
    </div>
  );
}

function AnswerForm() {
  const { question, viewer, answers } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const location = useLocation();
  const failure = useFailure("answer-form");
  if (question.state === "locked") return <p className="alert alert--info qa-locked">{t("qa.notice.locked")}</p>;
  if (question.state === "hidden") return null;
  if (!viewer.signedIn) {
    return (
      <p className="card qa-signin">
        <Link to={`/login?${new URLSearchParams({ redirectTo: location.pathname })}`}>{t("qa.signInToAnswer")}</Link>
      </p>
    );
  }
  return (
    // Remounted when an answer lands, which empties it.
    <Form method="post" className="card stack qa-answer-form" noValidate key={`answer-${answers.length}`} aria-labelledby="answer-form-title">
      <h2 id="answer-form-title">{t("qa.answerForm.title")}</h2>
      {question.beginner ? <p className="alert alert--info">{t("qa.answerForm.beginnerNote")}</p> : null}
      <FormError message={failure?.formError} />
      <input type="hidden" name="intent" value="answer" />
      <TextAreaField label={t("qa.answerForm.label")} name="body" rows={10} required hint={t("qa.field.answerHint")} defaultValue={failure?.values.body} error={failure?.errors.body} />
      <div>
        <SubmitButton label={t("qa.answerForm.submit")} primary />
      </div>
    </Form>
  );
}

function StaffPanel() {
  const { question, viewer, staffMembers } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const moderation = viewer.moderation;
  return (
    <aside className="card stack qa-staff" aria-labelledby="qa-staff-title">
      <h2 id="qa-staff-title">{t("qa.mod.title")}</h2>
      {moderation ? (
        <div className="qa-actions">
          {moderation.lock ? <ModerateButton action="lock" label={t("qa.mod.lock")} /> : null}
          {moderation.hide ? <ModerateButton action="hide" label={t("qa.mod.hide")} /> : null}
          {moderation.restore ? <ModerateButton action="restore" label={t("qa.mod.restore")} /> : null}
        </div>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="assign" />
        <SelectField
          label={t("qa.mod.assignee")}
          name="assigneeId"
          defaultValue={question.assignee?.id ?? ""}
          options={[{ value: "", label: t("qa.mod.unassigned") }, ...staffMembers.map((person) => ({ value: person.id, label: person.name }))]}
        />
        <div>
          <SubmitButton label={t("qa.mod.assign")} small />
        </div>
      </Form>
    </aside>
  );
}

function ModerateButton({ action, label }: { action: "lock" | "hide" | "restore"; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="moderate-question" />
      <input type="hidden" name="action" value={action} />
      <SubmitButton label={label} small />
    </Form>
  );
}

function ConfirmForm({ intent, answerId, label, confirm }: { intent: "delete-question" | "delete-answer"; answerId?: string; label: string; confirm: string }) {
  return (
    <Form method="post" className="inline-form" onSubmit={(event) => (window.confirm(confirm) ? undefined : event.preventDefault())}>
      <input type="hidden" name="intent" value={intent} />
      {answerId ? <input type="hidden" name="answerId" value={answerId} /> : null}
      <SubmitButton label={label} small />
    </Form>
  );
}

function SubmitButton({ label, primary = false, small = false }: { label: string; primary?: boolean; small?: boolean }) {
  const busy = useNavigation().state === "submitting";
  const classes = ["button", primary ? "button--primary" : small ? "button--ghost" : "button--secondary", small ? "button--small" : ""].filter(Boolean).join(" ");
  return (
    <button type="submit" className={classes} disabled={busy}>
      {label}
    </button>
  );
}
