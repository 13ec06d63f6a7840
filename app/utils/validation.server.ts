// One way to validate every form: a zod schema, with failures turned into per-field messages in
import { data } from "@remix-run/node";
// the requester's language. The submitted values come back too, so the form keeps the input.
import { z } from "zod";
import type { Translate } from "~/i18n/messages";
import { isMessageKey } from "~/i18n/messages";
import { isValidTimeZone } from "./zone-clock";

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

const SECRET_FIELDS = new Set(["password", "newPassword"]);

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !SECRET_FIELDS.has(key)) values[key] = value.slice(0, 2000);
  }
  return values;
}

function issueMessage(issue: z.ZodIssue, t: Translate): string {
  // A schema that names its own message key (refine, regex…) has the most specific message.
  if (isMessageKey(issue.message)) return t(issue.message);
  switch (issue.code) {
    case "too_small":
      if (issue.type === "string" && issue.minimum === 1) return t("error.required");
      return t("error.tooShort", { min: Number(issue.minimum) });
    case "too_big":
      return t("error.tooLong", { max: Number(issue.maximum) });
    case "invalid_string":
      return issue.validation === "email" ? t("error.email") : t("error.form");
    case "invalid_enum_value":
    case "invalid_literal":
      return t("error.invalidChoice");
    case "invalid_type":
      return issue.received === "undefined" ? t("error.required") : t("error.form");
    default:
      return t("error.form");
  }
}

/** `arrays` names fields that may repeat (checkboxes); they reach the schema as arrays. */
export function parseForm<S extends z.ZodTypeAny>(
  formData: FormData,
  schema: S,
  t: Translate,
  options: { arrays?: readonly string[] } = {},
): FormResult<z.infer<S>> {
  const raw: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const [key, value] of formData) raw[key] = value;
  for (const key of options.arrays ?? []) raw[key] = formData.getAll(key);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issueMessage(issue, t);
  }
  return { ok: false, errors, values: formValues(formData) };
}

/** Reads a form body, answering 400/413 instead of throwing on a malformed or huge request. */
export async function readFormData(request: Request, maxBytes = 100_000): Promise<FormData> {
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > maxBytes) throw new Response("Request body too large", { status: 413 });
  try {
    return await request.formData();
  } catch {
    throw new Response("The form could not be read", { status: 400 });
  }
}

// Reusable field schemas. Messages that are not zod's own codes are message keys.
export const fields = {
  email: z.string().trim().min(1).max(254).email().transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(80),
  title: z.string().trim().max(80).default(""),
  newPassword: z.string().min(10).max(128),
  timeZone: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine(isValidTimeZone, "error.timeZone"),
};

/** What an action returns when a form cannot be accepted; one shape for every form. */
export type FormFailure = { errors: FieldErrors; formError: string | null; values: Record<string, string> };

export function formFailure(failure: Partial<FormFailure>, status = 400, headers?: HeadersInit) {
  return data<FormFailure>({ errors: {}, formError: null, values: {}, ...failure }, { status, headers });
}
