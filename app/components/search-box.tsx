import { Form } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "~/i18n/use-translation";

/** A GET search form that keeps other filters (hidden fields) and resets paging. */
export function SearchBox({
  defaultValue,
  placeholder,
  hidden = {},
  children,
}: {
  defaultValue: string;
  placeholder: string;
  hidden?: Record<string, string>;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Form method="get" className="search-form" role="search">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="visually-hidden" htmlFor={id}>
        {placeholder}
      </label>
      <input id={id} type="search" name="q" defaultValue={defaultValue} placeholder={placeholder} className="field__input" maxLength={100} />
      {children}
      <button type="submit" className="button button--secondary">
        {t("common.search")}
      </button>
    </Form>
  );
}
