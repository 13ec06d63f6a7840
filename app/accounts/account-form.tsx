import { Form, useNavigation } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form";
import { useTranslation } from "~/i18n/use-translation";
import { LIFECYCLE_STAGES, PLANS } from "./lifecycle";

type Values = Partial<Record<string, string>>;

/** The create/edit form for a customer account (admin). */
export function AccountForm({
  values,
  errors,
  staff,
  submitLabel,
}: {
  values: Values;
  errors?: Record<string, string>;
  staff: Array<{ id: string; name: string }>;
  submitLabel: string;
}) {
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" className="card stack" noValidate>
      <TextField label={t("field.accountName")} name="name" required maxLength={120} defaultValue={values.name} error={errors?.name} />
      <TextField label={t("field.domains")} name="domains" maxLength={1000} hint={t("field.domainsHint")} defaultValue={values.domains} error={errors?.domains} />
      <div className="grid-2">
        <SelectField label={t("field.plan")} name="plan" defaultValue={values.plan ?? "growth"} options={PLANS.map((p) => ({ value: p, label: t(`plan.${p}`) }))} error={errors?.plan} />
        <TextField label={t("field.seats")} name="seatsLicensed" inputMode="numeric" required defaultValue={values.seatsLicensed ?? "10"} error={errors?.seatsLicensed} />
        <TextField label={t("field.arr")} name="arr" inputMode="numeric" required defaultValue={values.arr ?? "0"} error={errors?.arr} />
        <TextField label={t("field.renewalDate")} name="renewalDate" type="date" defaultValue={values.renewalDate} error={errors?.renewalDate} />
        <SelectField
          label={t("field.stage")}
          name="lifecycleStage"
          defaultValue={values.lifecycleStage ?? "L01"}
          options={LIFECYCLE_STAGES.map((s) => ({ value: s.code, label: `${s.code} ${s[locale]}` }))}
          error={errors?.lifecycleStage}
        />
        <SelectField
          label={t("field.owner")}
          name="ownerId"
          defaultValue={values.ownerId ?? ""}
          options={[{ value: "", label: t("field.noOwner") }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
          error={errors?.ownerId}
        />
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
