import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/form";
import { getCatalog } from "~/content/catalog.server";
import { db } from "~/db.server";
import { groupFormSchema, withJoinedTopics } from "~/groups/forms.server";
import { createGroupAsStaff, proposeGroup } from "~/groups/groups.server";
import { CAPACITY_LIMITS, DEFAULT_CAPACITY } from "~/groups/model";
import { getTranslator, resolveLocale } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { isStaff, LEVELS } from "~/users/roles";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, formValues, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "New study group · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user.locale);
  return {
    staff: isStaff(user.role),
    topics: Object.entries(getCatalog().topics).map(([id, labels]) => ({ id, label: labels[locale] })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request, user.locale);
  const formData = withJoinedTopics(await readFormData(request));
  const form = parseForm(formData, groupFormSchema(), t);
  if (!form.ok) return formFailure({ errors: form.errors, values: form.values, formError: t("error.form") }, 400);
  const { leaderEmail, ...input } = form.data;

  if (!isStaff(user.role)) {
    const group = await proposeGroup(user, input);
    return redirectWithToast(`/groups/${group.id}`, { type: "success", key: "groups.proposed" });
  }
  let leader: { id: string; accountId: string | null } | undefined;
  if (leaderEmail) {
    const found = await db.user.findUnique({ where: { email: leaderEmail }, select: { id: true, accountId: true, role: true } });
    if (!found || found.role !== "member") {
      return formFailure({ errors: { leaderEmail: t("groups.error.noSuchMember") }, values: formValues(formData), formError: t("error.form") }, 400);
    }
    leader = found;
  }
  const group = await createGroupAsStaff(user, input, leader);
  return redirectWithToast(`/groups/${group.id}`, { type: "success", key: "groups.created" });
}

export default function NewGroup() {
  const { staff, topics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const values = actionData?.values ?? {};
  const errors = actionData?.errors ?? {};
  const chosenTopics = new Set((values.topics ?? "").split(",").filter(Boolean));
  return (
    <div className="narrow">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/groups">{t("nav.groups")}</Link>
      </nav>
      <h1>{staff ? t("groups.create") : t("groups.propose")}</h1>
      <p className="lead">{staff ? t("groups.createLead") : t("groups.proposeLead")}</p>
      <FormError message={actionData?.formError} />
      <Form method="post" className="card stack" noValidate>
        <TextField label={t("groups.field.name")} name="name" maxLength={80} required defaultValue={values.name} error={errors.name} />
        <TextField label={t("groups.field.challenge")} name="challenge" maxLength={160} required hint={t("groups.field.challengeHint")} defaultValue={values.challenge} error={errors.challenge} />
        <TextAreaField label={t("groups.field.description")} name="description" maxLength={5000} required hint={t("groups.field.markdownHint")} defaultValue={values.description} error={errors.description} />
        <div className="grid-2">
          <SelectField label={t("learn.filter.tier")} name="level" defaultValue={values.level ?? "beginner"} options={LEVELS.map((l) => ({ value: l, label: t(`tier.${l}`) }))} error={errors.level} />
          <SelectField
            label={t("groups.field.visibility")}
            name="visibility"
            defaultValue={values.visibility ?? "open"}
            options={[
              { value: "open", label: t("groups.visibility.open") },
              { value: "request", label: t("groups.visibility.request") },
            ]}
            error={errors.visibility}
          />
          <TextField label={t("groups.field.capacityPeople")} name="capacityPeople" type="number" min={1} max={CAPACITY_LIMITS.people} defaultValue={values.capacityPeople ?? DEFAULT_CAPACITY.people} error={errors.capacityPeople} />
          <TextField label={t("groups.field.capacityCompanies")} name="capacityCompanies" type="number" min={1} max={CAPACITY_LIMITS.companies} hint={t("groups.field.capacityCompaniesHint")} defaultValue={values.capacityCompanies ?? DEFAULT_CAPACITY.companies} error={errors.capacityCompanies} />
        </div>
        <fieldset className={errors.topics ? "field field--invalid" : "field"} aria-describedby={errors.topics ? "topics-error" : undefined}>
          <legend className="field__label">{t("groups.field.topics")}</legend>
          <div className="checkbox-grid">
            {topics.map((topic) => (
              <label key={topic.id} className="checkbox">
                <input type="checkbox" name="topics" value={topic.id} defaultChecked={chosenTopics.has(topic.id)} /> {topic.label}
              </label>
            ))}
          </div>
          {errors.topics ? (
            <p id="topics-error" className="field__error" role="alert">
              {errors.topics}
            </p>
          ) : null}
        </fieldset>
        {staff ? <TextField label={`${t("groups.field.leaderEmail")} (${t("common.optional")})`} name="leaderEmail" type="email" defaultValue={values.leaderEmail} error={errors.leaderEmail} /> : null}
        <div>
          <button type="submit" className="button button--primary button--large" disabled={busy}>
            {staff ? t("groups.create") : t("groups.submitProposal")}
          </button>
        </div>
      </Form>
    </div>
  );
}
