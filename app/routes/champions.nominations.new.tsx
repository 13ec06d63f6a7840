// Nominating a member: choose the nominee (search, or one click from the candidates list), write
// evidence for every criterion; the nominee's record is attached automatically.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { takeEvidenceSnapshot } from "~/champions/evidence.server";
import { evidenceField, linksField } from "~/champions/fields";
import { endorseExistingSchema, nominationSchema } from "~/champions/forms.server";
import { LIMITS, localizeCriterion, nominationHref } from "~/champions/model";
import { endorse, endorsementState, nominate, nominationBlocker, nomineeSummary, searchNominees, type NominateError } from "~/champions/nominations.server";
import { getProgram, listCriteria, mayNominate } from "~/champions/program.server";
import { SnapshotFacts } from "~/champions/ui";
import { FormError, TextAreaField } from "~/components/form";
import { SearchBox } from "~/components/search-box";
import { getTranslator, resolveLocale } from "~/i18n/i18n.server";
import type { Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { isStaff } from "~/users/roles";
import { redirectWithToast } from "~/utils/toast.server";
import { formValues, parseForm, readFormData, type FieldErrors } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Nominate a champion · Kizuna" }];

async function requireNominator(request: Request) {
  const user = await requireUser(request);
  const program = await getProgram();
  if (!mayNominate(user.role, program)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return { user, program };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, program } = await requireNominator(request);
  const locale = await resolveLocale(request, user.locale);
  const url = new URL(request.url);
  const nomineeId = (url.searchParams.get("nominee") ?? "").slice(0, 40);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const criteria = (await listCriteria()).map((c) => localizeCriterion(c, locale));
  const nominee = nomineeId ? await nomineeSummary(nomineeId) : null;
  const blocker: NominateError | null = nomineeId ? (nominee ? await nominationBlocker(user, nominee.id) : { error: "nominee-not-found" }) : program.nominationsOpen ? null : { error: "closed" };
  // The record is for staff eyes; a peer nominator only learns that it will be attached.
  const snapshot = nominee && !blocker && isStaff(user.role) ? await takeEvidenceSnapshot(nominee.id) : null;
  // A refused duplicate offers to back the existing nomination instead.
  const existing = blocker?.error === "duplicate" ? { id: blocker.existing.id, endorsement: await endorsementState(user.id, blocker.existing.id) } : null;
  return {
    program,
    criteria,
    q,
    results: !nomineeId && q ? await searchNominees(q) : [],
    nominee: nominee ? { id: nominee.id, name: nominee.name, title: nominee.title, company: nominee.account?.name ?? null } : null,
    blocker,
    existing,
    snapshot,
    staff: isStaff(user.role),
  };
}

type ActionFailure = { errors: FieldErrors; formError: string | null; values: Record<string, string>; existingId: string | null };

function failure(status: number, fields: Partial<ActionFailure>) {
  return data<ActionFailure>({ errors: {}, formError: null, values: {}, existingId: null, ...fields }, { status });
}

function blockerMessage(t: Translate, blocker: NominateError): string {
  switch (blocker.error) {
    case "forbidden":
      return t("error.forbidden.title");
    case "closed":
      return t("champions.error.closed");
    case "nominee-not-found":
      return t("champions.error.nomineeNotFound");
    case "nominee-staff":
      return t("champions.error.nomineeStaff");
    case "self":
      return t("champions.error.self");
    case "missing-criteria":
      return t("error.form");
    case "duplicate":
      return blocker.existing.state === "declined"
        ? t("champions.error.declinedThisCohort", { year: blocker.existing.cohort })
        : blocker.existing.state === "approved"
          ? t("champions.error.alreadyChampion", { year: blocker.existing.cohort })
          : t("champions.error.duplicate", { year: blocker.existing.cohort });
    case "already-champion":
      return t("champions.error.alreadyChampion", { year: blocker.cohort });
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireNominator(request);
  const { t } = await getTranslator(request, user.locale);
  const formData = await readFormData(request);
  const values = formValues(formData);
  if (formData.get("intent") === "endorse") {
    const form = parseForm(formData, endorseExistingSchema, t);
    if (!form.ok) return failure(400, { errors: form.errors, values, formError: t("error.form") });
    const result = await endorse(user, form.data.nominationId, form.data.comment);
    if (result === "forbidden") throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
    if (result === "not-found") throw new Response("Nomination not found", { status: 404, statusText: "Not Found" });
    if (result !== "ok") return failure(409, { values, formError: t(result === "already" ? "champions.error.alreadyEndorsed" : result === "own" ? "champions.error.ownNomination" : "champions.error.decided") });
    return redirectWithToast(isStaff(user.role) ? nominationHref(form.data.nominationId) : "/champions/nominations", { type: "success", key: "champions.toast.endorsed" });
  }
  const criteria = await listCriteria();
  const form = parseForm(formData, nominationSchema(criteria.map((c) => c.id)), t);
  if (!form.ok) return failure(400, { errors: form.errors, values, formError: t("champions.error.nominationForm") });
  const result = await nominate(user, form.data);
  if (result.ok) return redirectWithToast(nominationHref(result.nominationId), { type: "success", key: "champions.toast.nominated" });
  if (result.error === "forbidden") throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  if (result.error === "missing-criteria") {
    // The criteria changed while the form was open: ask for the evidence that is now missing.
    return failure(400, { values, formError: t("champions.error.nominationForm"), errors: Object.fromEntries(result.criterionIds.map((id) => [evidenceField(id), t("champions.error.evidenceRequired")])) });
  }
  const status = result.error === "duplicate" || result.error === "already-champion" || result.error === "closed" ? 409 : 400;
  return failure(status, { values, formError: blockerMessage(t, result), existingId: result.error === "duplicate" ? result.existing.id : null });
}

export default function NewNominationPage() {
  const { program, nominee, blocker, q, results, staff } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const blocked = blocker ? <BlockerNotice blocker={blocker} /> : null;
  return (
    <div className="narrow champion-nominate">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/champions/nominations">{t("champions.nominations.title")}</Link>
      </nav>
      <h1>{t("champions.nominate.title")}</h1>
      <p className="lead">{t("champions.nominate.lead", { year: program.cohortYear })}</p>
      {nominee ? (
        <section className="card stack" aria-labelledby="nominee-title">
          <h2 id="nominee-title">{t("champions.nominate.nominee")}</h2>
          <p className="champion-nominee">
            <strong>{nominee.name}</strong>
            <span className="muted">{[nominee.title, nominee.company].filter(Boolean).join(" · ")}</span>
            <Link to="/champions/nominations/new" className="button button--ghost button--small">
              {t("champions.nominate.change")}
            </Link>
          </p>
          {blocked}
          {!blocker ? <NominationForm /> : null}
        </section>
      ) : (
        <section className="card stack" aria-labelledby="choose-title">
          <h2 id="choose-title">{t("champions.nominate.choose")}</h2>
          {blocked}
          <SearchBox defaultValue={q} placeholder={t("champions.nominate.searchPlaceholder")} />
          {q && results.length === 0 ? <p className="empty">{t("champions.nominate.noResults")}</p> : null}
          {results.length ? (
            <ul className="plain-list stack">
              {results.map((person) => (
                <li key={person.id} className="champion-nominee">
                  <strong>{person.name}</strong>
                  <span className="muted">{[person.title, person.account?.name].filter(Boolean).join(" · ")}</span>
                  <Link to={`?nominee=${person.id}`} className="button button--secondary button--small">
                    {t("champions.nominate.pick")}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {staff ? (
            <p className="muted">
              {t("champions.nominate.orCandidates")} <Link to="/champions/candidates">{t("champions.candidates.title")}</Link>
            </p>
          ) : null}
        </section>
      )}
    </div>
  );
}

function BlockerNotice({ blocker }: { blocker: NominateError }) {
  const { existing, staff } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <div className="alert alert--error" role="alert">
        <p>{blockerMessage(t, blocker)}</p>
        {blocker.error === "duplicate" && staff ? (
          <p>
            <Link to={nominationHref(blocker.existing.id)}>{t("champions.nominate.openExisting")}</Link>
          </p>
        ) : null}
      </div>
      {existing?.endorsement === "endorsed" ? <p className="muted">{t("champions.endorse.done")}</p> : null}
      {existing?.endorsement === "can-endorse" ? (
        <Form method="post" className="card stack" aria-labelledby="endorse-existing-title" noValidate>
          <h3 id="endorse-existing-title">{t("champions.endorse.existingTitle")}</h3>
          <FormError message={failure?.values.intent === "endorse" ? failure.formError : null} />
          <input type="hidden" name="intent" value="endorse" />
          <input type="hidden" name="nominationId" value={existing.id} />
          <TextAreaField label={t("champions.endorse.comment")} name="comment" rows={3} maxLength={LIMITS.endorsementMax} defaultValue={failure?.values.comment} />
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("champions.endorse.submit")}
            </button>
          </div>
        </Form>
      ) : null}
    </>
  );
}

function NominationForm() {
  const { nominee, criteria, snapshot, staff } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  if (!nominee) return null;
  return (
    <Form method="post" className="stack" noValidate>
      <FormError message={failure?.formError} />
      {failure?.existingId && staff ? (
        <p>
          <Link to={nominationHref(failure.existingId)}>{t("champions.nominate.openExisting")}</Link>
        </p>
      ) : null}
      <input type="hidden" name="nomineeId" value={nominee.id} />
      <h3>{t("champions.nominate.evidence")}</h3>
      <p className="muted">{t("champions.nominate.evidenceLead")}</p>
      {criteria.map((criterion) => (
        <fieldset key={criterion.id} className="card stack champion-criterion">
          <legend className="champion-criterion__name">{criterion.name}</legend>
          <p className="muted">{criterion.description}</p>
          <TextAreaField
            label={t("champions.nominate.evidenceFor", { name: criterion.name })}
            name={evidenceField(criterion.id)}
            rows={4}
            required
            maxLength={LIMITS.evidenceMax}
            defaultValue={failure?.values[evidenceField(criterion.id)]}
            error={failure?.errors[evidenceField(criterion.id)]}
          />
          <TextAreaField
            label={t("champions.nominate.linksFor", { name: criterion.name })}
            name={linksField(criterion.id)}
            rows={2}
            hint={t("champions.nominate.linksHint", { max: LIMITS.linksMax })}
            defaultValue={failure?.values[linksField(criterion.id)]}
            error={failure?.errors[linksField(criterion.id)]}
          />
        </fieldset>
      ))}
      <section className="stack" aria-labelledby="snapshot-title">
        <h3 id="snapshot-title">{t("champions.snapshot.title")}</h3>
        <p className="muted">{t("champions.snapshot.lead")}</p>
        {snapshot ? <SnapshotFacts snapshot={snapshot} /> : null}
      </section>
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("champions.nominate.submit")}
        </button>
      </div>
    </Form>
  );
}
