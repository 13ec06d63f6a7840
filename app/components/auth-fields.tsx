// The fields every sign-in style form shares, so their limits and hints stay identical.
import { useTranslation } from "~/i18n/use-translation";
import { TextField } from "./form";

export function EmailField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t("field.email")}
      name="email"
      type="email"
      autoComplete="email"
      required
      maxLength={254}
      defaultValue={defaultValue}
      error={error}
    />
  );
}

export function NameField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  const { t } = useTranslation();
  return <TextField label={t("field.name")} name="name" autoComplete="name" required maxLength={80} defaultValue={defaultValue} error={error} />;
}

/** A password being chosen (sign-up, reset, invitation): min length and the hint. */
export function NewPasswordField({ label, error }: { label?: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label ?? t("field.password")}
      name="password"
      type="password"
      autoComplete="new-password"
      required
      minLength={10}
      hint={t("field.passwordHint")}
      error={error}
    />
  );
}
