// The event checkboxes of the endpoint forms (add and edit).
import { useTranslation } from "~/i18n/use-translation";
import { WEBHOOK_EVENT_TYPES } from "./events";

export function EventChoices({ chosen, error }: { chosen: string[]; error?: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend className="field__label">{t("webhooks.events")}</legend>
      <div className="stack stack--tight">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type}>
            <input type="checkbox" name="events" value={type} defaultChecked={chosen.includes(type)} /> {t(`webhooks.event.${type}`)}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
