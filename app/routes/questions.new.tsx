// Ask a question. While the title is typed, similar questions show up below it, so people can
// find an existing answer before asking again.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireUser } from "~/auth/session.server";
import { FormError, TextAreaField, TextField } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { askSchema, QA_FORM_MAX_BYTES } from "~/qa/forms.server";
import { LIMITS, questionHref } from "~/qa/model";
import { askQuestion } from "~/qa/questions.server";
import { BeginnerCheckbox, SIMILAR_MIN_CHARS } from "~/qa/ui";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";
import type { SimilarQuestion } from "./questions.similar";

export const meta: MetaFunction = () => [{ title: "Ask a question · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  // Search's "no results" help links here with what was searched for, as a start for the title.
  return { title: (new URL(request.url).searchParams.get("title") ?? "").trim().slice(0, LIMITS.titleMax) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request, user.locale);
  const formData = await readFormData(request, QA_FORM_MAX_BYTES);
  const form = parseForm(formData, askSchema, t);
  if (!form.ok) {
    // The shared helper keeps 2,000 characters of each value; the body comes back whole so it can be shortened.
    const body = formData.get("body");
    const values = typeof body === "string" ? { ...form.values, body: body.slice(0, LIMITS.bodyMax * 2) } : form.values;
    return formFailure({ errors: form.errors, values, formError: t("error.form") }, 400);
  }
  const question = await askQuestion(user, form.data);
  return redirectWithToast(questionHref(question.id), { type: "success", key: "qa.toast.asked" });
}

export default function AskQuestion() {
  const actionData = useActionData<typeof action>();
  const { title } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const values = actionData?.values ?? {};
  const errors = actionData?.errors ?? {};
  return (
    <div className="narrow">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/questions">{t("qa.title")}</Link>
      </nav>
      <h1>{t("qa.ask.title")}</h1>
      <p className="lead">{t("qa.ask.lead")}</p>
      <FormError message={actionData?.formError} />
      <Form method="post" className="card stack" noValidate>
        <TitleWithSimilar defaultValue={values.title ?? (title || undefined)} error={errors.title} />
        <TextAreaField label={t("qa.field.body")} name="body" rows={12} required hint={t("qa.field.bodyHint")} defaultValue={values.body} error={errors.body} />
        <TextField label={t("qa.field.tags")} name="tags" hint={t("qa.field.tagsHint")} defaultValue={values.tags} error={errors.tags} autoComplete="off" />
        <BeginnerCheckbox defaultChecked={values.beginner === "on"} />
        <div>
          <button type="submit" className="button button--primary button--large" disabled={busy}>
            {t("qa.ask.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

function TitleWithSimilar({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  const { t } = useTranslation();
  const similar = useFetcher<{ questions: SimilarQuestion[] }>();
  const [title, setTitle] = useState(defaultValue ?? "");
  const query = title.trim();
  const { load } = similar;

  useEffect(() => {
    if (query.length < SIMILAR_MIN_CHARS) return;
    // Wait for a pause in typing rather than asking on every key.
    const timer = setTimeout(() => load(`/questions/similar?${new URLSearchParams({ title: query })}`), 300);
    return () => clearTimeout(timer);
  }, [query, load]);

  const found = query.length >= SIMILAR_MIN_CHARS ? (similar.data?.questions ?? []) : [];
  return (
    <div className="stack qa-title-field">
      <TextField
        label={t("qa.field.title")}
        name="title"
        maxLength={LIMITS.titleMax}
        required
        hint={t("qa.field.titleHint")}
        defaultValue={defaultValue}
        error={error}
        autoComplete="off"
        onChange={(event) => setTitle(event.currentTarget.value)}
      />
      <section className="qa-similar" aria-live="polite" aria-labelledby="similar-title" hidden={found.length === 0}>
        <h2 id="similar-title" className="qa-similar__title">
          {t("qa.similar.title")}
        </h2>
        <p className="muted qa-similar__lead">{t("qa.similar.lead")}</p>
        <ul className="plain-list qa-similar__list">
          {found.map((q) => (
            <li key={q.id}>
              <Link to={questionHref(q.id)} target="_blank" rel="noreferrer">
                {q.title}
                <span className="visually-hidden"> ({t("qa.similar.newTab")})</span>
              </Link>{" "}
              <span className="muted">
                {q.state === "answered" ? `✓ ${t("qa.state.answered")} · ` : ""}
                {t("qa.answerCount", { count: q.answerCount })}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
