// One nomination: evidence, the record snapshot, endorsements, reviews and the decision. Every
// form on the page posts here with an `intent`; the domain functions decide who may do what.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { scoreField } from "~/champions/fields";
import { decisionSchema, reviewSchema, simpleIntentSchema } from "~/champions/forms.server";
import { LIMITS, SCORE_MAX, championHref, localizeCriterion } from "~/champions/model";
import { loadNominationPage } from "~/champions/nomination-page.server";
import { endorse } from "~/champions/nominations.server";
import { decide, saveReview, startReview } from "~/champions/review.server";
import { ChampionBadge, NominationStateBadge, SnapshotFacts } from "~/champions/ui";
import { FormError, TextAreaField } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate, formatDateTime } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { appBaseUrl } from "~/utils/url.server";
import { formFailure, formValues, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.nomination.nominee.name} · Champion nomination · Kizuna` : "Champion nomination · Kizuna" }];

async function loadFor(request: Request, nominationId: string) {
  const user = await requireUser(request);
  const page = await loadNominationPage(nominationId, user);
  if (page === "not-found") throw new Response("Nomination not found", { status: 404, statusText: "Not Found" });
  if (page === "forbidden") throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return { user, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, page } = await loadFor(request, params.nominationId ?? "");
  return { nomination: page, timeZone: user.timeZone };
}

const FORBIDDEN = () => new Response("Forbidden", { status: 403, statusText: "Forbidden" });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, page } = await loadFor(request, params.nominationId ?? "");
  const { t } = await getTranslator(request, user.locale);
  const formData = await readFormData(request);
  const values = formValues(formData);
  const here = new URL(request.url).pathname;
  const fail = (status: number, key: MessageKey) => formFailure({ values, formError: t(key) }, status);
  const done = (key: MessageKey) => redirectWithToast(here, { type: "success", key });

  switch (formData.get("intent")) {
    case "review": {
      const form = parseForm(formData, reviewSchema(page.evidence.map((e) => e.criterion.id)), t);
      if (!form.ok) return formFailure({ errors: form.errors, values, formError: t("champions.error.reviewForm") }, 400);
      const result = await saveReview(user, page.id, form.data);
      if (result === "forbidden") throw FORBIDDEN();
      if (result === "closed") return fail(409, "champions.error.decided");
      if (result === "missing-scores" || result === "invalid-score") return fail(400, "champions.error.reviewForm");
      if (result === "not-found") throw new Response("Nomination not found", { status: 404 });
      return done("champions.toast.reviewSaved");
    }
    case "decide": {
      const form = parseForm(formData, decisionSchema, t);
      if (!form.ok) return formFailure({ errors: form.errors, values, formError: t("champions.error.decisionForm") }, 400);
      const result = await decide(user, page.id, form.data, appBaseUrl(request));
      if (result === "forbidden") throw FORBIDDEN();
      if (result === "not-found") throw new Response("Nomination not found", { status: 404 });
      if (result === "invalid-transition") return fail(409, "champions.error.notInReview");
      if (result === "no-reviews") return fail(409, "champions.error.noReviews");
      if (result === "reason-required") return formFailure({ values, errors: { reason: t("champions.error.reasonRequired") }, formError: t("champions.error.decisionForm") }, 400);
      if (result === "already-champion") return fail(409, "champions.error.alreadyChampion");
      return done(form.data.decision === "approve" ? "champions.toast.approved" : "champions.toast.declined");
    }
    case "start-review":
    case "endorse": {
      const form = parseForm(formData, simpleIntentSchema, t);
      if (!form.ok) return formFailure({ errors: form.errors, values, formError: t("error.form") }, 400);
      if (form.data.intent === "start-review") {
        const result = await startReview(user, page.id);
        if (result === "forbidden") throw FORBIDDEN();
        if (result !== "ok") return fail(409, "champions.error.notSubmitted");
        return done("champions.toast.reviewStarted");
      }
      const result = await endorse(user, page.id, form.data.comment);
      if (result === "forbidden") throw FORBIDDEN();
      if (result === "already") return fail(409, "champions.error.alreadyEndorsed");
      if (result === "own") return fail(409, "champions.error.ownNomination");
      if (result !== "ok") return fail(409, "champions.error.decided");
      return done("champions.toast.endorsed");
    }
    default:
      return fail(400, "error.form");
  }
}

export default function NominationPage() {
  const { nomination: n, timeZone } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const orphan = failure && !["review", "decide", "endorse"].includes(failure.values.intent ?? "") ? failure.formError : null;
  return (
    <div className="champion-nomination">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/champions/nominations">{t("champions.nominations.title")}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="champion-card__badges">
            <NominationStateBadge state={n.state} />
            <span className="badge badge--muted">{t("champions.filter.cohort", { year: n.cohort })}</span>
            {n.nominee.championNow ? <ChampionBadge /> : null}
          </p>
          <h1>{t("champions.nomination.title", { name: n.nominee.name })}</h1>
          <p className="lead">
            {[n.nominee.title, n.nominee.company?.name].filter(Boolean).join(" · ")}
            {n.nominee.company ? (
              <>
                {" "}
                <Link to={`/workspace/accounts/${n.nominee.company.id}`}>{t("champions.nomination.openAccount")}</Link>
              </>
            ) : null}
          </p>
          <p className="muted">{t("champions.nomination.by", { name: n.nominator ?? t("champions.formerStaff"), date: formatDate(n.createdAt, locale, timeZone) })}</p>
        </div>
        {n.nominee.championNow ? (
          <Link to={championHref(n.nominee.id)} className="button button--secondary">
            {t("champions.nomination.openProfile")}
          </Link>
        ) : null}
      </header>
      <FormError message={orphan} />

      {n.state === "approved" || n.state === "declined" ? (
        <section className={n.state === "approved" ? "alert alert--success champion-decision" : "alert alert--error champion-decision"} aria-labelledby="decision-title">
          <h2 id="decision-title">{n.state === "approved" ? t("champions.decision.approvedTitle") : t("champions.decision.declinedTitle")}</h2>
          {n.decisionReason ? (
            <p>
              <strong>{n.state === "declined" ? t("champions.decision.reason") : t("champions.decision.note")}</strong> {n.decisionReason}
            </p>
          ) : null}
          <p className="muted">{t("champions.decision.by", { name: n.decidedBy ?? t("champions.formerStaff"), date: n.decidedAt ? formatDateTime(n.decidedAt, locale, timeZone) : "" })}</p>
          {n.state === "declined" ? <p className="muted">{t("champions.decision.nextCohort", { year: n.cohort + 1 })}</p> : null}
        </section>
      ) : null}

      <div className="champion-nomination__layout">
        <div className="stack">
          <section className="card stack" aria-labelledby="evidence-title">
            <h2 id="evidence-title">{t("champions.nominate.evidence")}</h2>
            {n.evidence.map((e) => {
              const criterion = localizeCriterion(e.criterion, locale);
              return (
                <article key={criterion.id} className="champion-evidence">
                  <h3>{criterion.name}</h3>
                  <p className="champion-evidence__text">{e.text}</p>
                  {e.links.length ? (
                    <ul className="champion-evidence__links">
                      {e.links.map((link) => (
                        <li key={link}>
                          <a href={link} target="_blank" rel="noopener noreferrer nofollow">
                            {link}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </article>
              );
            })}
          </section>
          {n.permissions.staff ? (
            <section className="card stack" aria-labelledby="snapshot-title">
              <h2 id="snapshot-title">{t("champions.snapshot.title")}</h2>
              {n.snapshot ? (
                <>
                  <p className="muted">{t("champions.snapshot.takenAt", { date: formatDateTime(n.snapshot.takenAt, locale, timeZone) })}</p>
                  <SnapshotFacts snapshot={n.snapshot} />
                </>
              ) : (
                <p className="muted">{t("champions.snapshot.unreadable")}</p>
              )}
            </section>
          ) : null}
          {n.permissions.staff ? <Reviews /> : null}
        </div>
        <aside className="stack">
          <Endorsements />
          {n.permissions.canStartReview ? (
            <Form method="post" className="card stack">
              <p className="muted">{t("champions.review.startLead")}</p>
              <input type="hidden" name="intent" value="start-review" />
              <div>
                <button type="submit" className="button button--secondary">
                  {t("champions.review.start")}
                </button>
              </div>
            </Form>
          ) : null}
          {n.permissions.canDecide ? <DecisionForm /> : null}
        </aside>
      </div>
    </div>
  );
}

function Endorsements() {
  const { nomination: n, timeZone } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const endorseFailure = failure?.values.intent === "endorse" ? failure : null;
  return (
    <section className="card stack" aria-labelledby="endorsements-title">
      <h2 id="endorsements-title">{t("champions.endorse.title", { count: n.endorsementCount })}</h2>
      {n.endorsements.length ? (
        <ul className="plain-list stack">
          {n.endorsements.map((e, i) => (
            <li key={i}>
              <strong>{e.name}</strong> <span className="muted">{formatDate(e.createdAt, locale, timeZone)}</span>
              {e.comment ? <p className="champion-evidence__text">{e.comment}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {n.permissions.hasEndorsed ? <p className="muted">{t("champions.endorse.done")}</p> : null}
      {n.permissions.canEndorse ? (
        <Form method="post" className="stack" noValidate>
          <FormError message={endorseFailure?.formError} />
          <input type="hidden" name="intent" value="endorse" />
          <TextAreaField label={t("champions.endorse.comment")} name="comment" rows={3} maxLength={LIMITS.endorsementMax} defaultValue={endorseFailure?.values.comment} error={endorseFailure?.errors.comment} />
          <div>
            <button type="submit" className="button button--secondary">
              {t("champions.endorse.submit")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

function Reviews() {
  const { nomination: n, timeZone } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const criteria = n.evidence.map((e) => localizeCriterion(e.criterion, locale));
  const summary = n.summary;
  return (
    <section className="card stack" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t("champions.review.reviews")}</h2>
      {summary && summary.averageTotal !== null ? (
        <div className="table-wrap">
          <table className="table champion-rubric">
            <caption className="visually-hidden">{t("champions.review.summary")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("champions.review.criterion")}</th>
                <th scope="col" className="num">{t("champions.review.average")}</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td className="num">{summary.byCriterion[c.id] ?? t("common.none")}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("champions.review.total", { count: summary.reviews })}</th>
                <td className="num">
                  <strong>{t("champions.score.ofMax", { score: summary.averageTotal, max: summary.maxTotal })}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : (
        <p className="muted">{t("champions.review.none")}</p>
      )}
      {n.reviews.length ? (
        <ul className="plain-list stack">
          {n.reviews.map((r, i) => (
            <li key={i} className="champion-review">
              <p>
                <strong>{r.reviewer ?? t("champions.formerStaff")}</strong>{" "}
                <span className="badge badge--muted">{t("champions.score.ofMax", { score: r.total, max: criteria.length * SCORE_MAX })}</span>{" "}
                <span className="muted">{formatDateTime(r.updatedAt, locale, timeZone)}</span>
              </p>
              <p className="muted">{criteria.map((c) => `${c.name}: ${r.scores[c.id] ?? "—"}`).join(" / ")}</p>
              {r.comment ? <p className="champion-evidence__text">{r.comment}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {n.permissions.canReview ? <ReviewForm /> : null}
    </section>
  );
}

function ReviewForm() {
  const { nomination: n } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const reviewFailure = failure?.values.intent === "review" ? failure : null;
  const criteria = n.evidence.map((e) => localizeCriterion(e.criterion, locale));
  const chosen = (id: string) => reviewFailure?.values[scoreField(id)] ?? (n.myReview?.scores[id] !== undefined ? String(n.myReview.scores[id]) : "");
  return (
    <Form method="post" className="stack champion-review-form" aria-labelledby="review-form-title" noValidate>
      <h3 id="review-form-title">{n.myReview ? t("champions.review.update") : t("champions.review.yours")}</h3>
      <FormError message={reviewFailure?.formError} />
      <input type="hidden" name="intent" value="review" />
      {criteria.map((criterion) => {
        const error = reviewFailure?.errors[scoreField(criterion.id)];
        return (
          <fieldset key={criterion.id} className={error ? "champion-score field--invalid" : "champion-score"} aria-describedby={error ? `score-error-${criterion.id}` : undefined}>
            <legend className="field__label">{criterion.name}</legend>
            {criterion.rubric.map((level, i) => (
              <label key={i} className="champion-score__level">
                <input type="radio" name={scoreField(criterion.id)} value={i + 1} defaultChecked={chosen(criterion.id) === String(i + 1)} />
                <span className="champion-score__number">{i + 1}</span> {level}
              </label>
            ))}
            {error ? (
              <p id={`score-error-${criterion.id}`} className="field__error" role="alert">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <TextAreaField label={t("champions.review.comment")} name="comment" rows={4} maxLength={LIMITS.commentMax} defaultValue={reviewFailure?.values.comment ?? n.myReview?.comment ?? ""} error={reviewFailure?.errors.comment} />
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("champions.review.save")}
        </button>
      </div>
    </Form>
  );
}

function DecisionForm() {
  const failure = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const decideFailure = failure?.values.intent === "decide" ? failure : null;
  return (
    <Form method="post" className="card stack" aria-labelledby="decide-title" noValidate>
      <h2 id="decide-title">{t("champions.decision.title")}</h2>
      <FormError message={decideFailure?.formError} />
      <input type="hidden" name="intent" value="decide" />
      <fieldset className="champion-score">
        <legend className="field__label">{t("champions.decision.choice")}</legend>
        <label className="champion-score__level">
          <input type="radio" name="decision" value="approve" defaultChecked={decideFailure?.values.decision === "approve"} /> {t("champions.decision.approve")}
        </label>
        <label className="champion-score__level">
          <input type="radio" name="decision" value="decline" defaultChecked={decideFailure?.values.decision === "decline"} /> {t("champions.decision.decline")}
        </label>
        {decideFailure?.errors.decision ? (
          <p className="field__error" role="alert">
            {decideFailure.errors.decision}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField label={t("champions.decision.reasonLabel")} name="reason" rows={4} maxLength={LIMITS.reasonMax} hint={t("champions.decision.reasonHint")} defaultValue={decideFailure?.values.reason} error={decideFailure?.errors.reason} />
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("champions.decision.submit")}
        </button>
      </div>
    </Form>
  );
}
