import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { verifyLogin } from "~/auth/auth.server";
import { signInSchema } from "~/auth/forms.server";
import { requireAnonymous, startSession } from "~/auth/session.server";
import { EmailField } from "~/components/auth-fields";
import { FormError, TextField } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { consumeRateLimits, RATE_LIMITS } from "~/security/rate-limit.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const { t } = await getTranslator(request);
  const form = parseForm(await readFormData(request), signInSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values: form.values }, 400);

  const { email, password, redirectTo } = form.data;
  const limit = await consumeRateLimits([
    [RATE_LIMITS.loginPerEmail, email],
    [RATE_LIMITS.loginPerIp, context.clientIp ?? "unknown"],
  ]);
  const values = { email };
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return formFailure({ formError: t("error.rateLimited", { minutes }), values }, 429, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }
  const userId = await verifyLogin(email, password);
  if (!userId) return formFailure({ errors: {}, formError: t("auth.signIn.invalid"), values }, 401);

  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": await startSession(userId) } });
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="auth-card">
      <h1>{t("auth.signIn.title")}</h1>
      <FormError message={actionData?.formError} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <EmailField defaultValue={actionData?.values.email} error={actionData?.errors.email} />
        <TextField
          label={t("field.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={actionData?.errors.password}
        />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {t("auth.signIn.submit")}
        </button>
      </Form>
      <p className="auth-card__links">
        <Link to="/forgot-password">{t("auth.signIn.forgot")}</Link>
        <span>
          {t("auth.signIn.noAccount")} <Link to="/signup">{t("nav.signUp")}</Link>
        </span>
      </p>
    </div>
  );
}
