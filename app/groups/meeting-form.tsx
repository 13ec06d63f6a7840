// The fields of the schedule and edit meeting forms (one set, so both check and say the same).
// Start and end are wall times in the manager's own zone; the server converts them to UTC.
import { TextAreaField, TextField } from "~/components/form";
import { useTranslation } from "~/i18n/use-translation";

export type MeetingFieldValues = Partial<Record<"title" | "startsAt" | "endsAt" | "location" | "onlineUrl" | "agenda", string>>;

export function MeetingFields({ values, errors }: { values: MeetingFieldValues; errors?: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t("meetings.field.title")} name="title" required maxLength={120} defaultValue={values.title} error={errors?.title} />
      <div className="grid-2">
        <TextField label={t("meetings.field.startsAt")} name="startsAt" type="datetime-local" required defaultValue={values.startsAt} error={errors?.startsAt} />
        <TextField label={t("meetings.field.endsAt")} name="endsAt" type="datetime-local" required defaultValue={values.endsAt} error={errors?.endsAt} />
      </div>
      <div className="grid-2">
        <TextField
          label={`${t("meetings.field.location")} (${t("common.optional")})`}
          name="location"
          maxLength={200}
          hint={t("meetings.field.locationHint")}
          defaultValue={values.location}
          error={errors?.location}
        />
        <TextField
          label={`${t("meetings.field.onlineUrl")} (${t("common.optional")})`}
          name="onlineUrl"
          type="url"
          inputMode="url"
          placeholder="https://"
          maxLength={500}
          hint={t("meetings.field.onlineUrlHint")}
          defaultValue={values.onlineUrl}
          error={errors?.onlineUrl}
        />
      </div>
      <TextAreaField
        label={`${t("meetings.field.agenda")} (${t("common.optional")})`}
        name="agenda"
        hint={t("meetings.field.agendaHint")}
        defaultValue={values.agenda}
        error={errors?.agenda}
      />
    </>
  );
}
