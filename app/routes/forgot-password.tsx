import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { requestPasswordReset } from "~/auth/auth.server";
import { forgotPasswordSchema } from "~/auth/forms.server";
import { requireAnonymous } from "~/auth/session.server";
import { EmailField } from "~/components/auth-fields";
import { FormError } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { consumeRateLimits, RATE_LIMITS } from "~/security/rate-limit.server";
import { appBaseUrl } from "~/utils/url.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Reset password · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const { t } = await getTranslator(request);
  const form = parseForm(await readFormData(request), forgotPasswordSchema, t);
  if (!form.ok) {
    return formFailure({ errors: form.errors, formError: t("error.form"), values: form.values });
  }
  const { email } = form.data;
  const limit = await consumeRateLimits([
    [RATE_LIMITS.resetPerEmail, email],
    [RATE_LIMITS.resetPerIp, context.clientIp ?? "unknown"],
  ]);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return formFailure({ formError: t("error.rateLimited", { minutes }), values: { email } }, 429, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }
  await requestPasswordReset(email, appBaseUrl(request));
  return { sent: true as const };
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="auth-card">
      <h1>{t("auth.forgot.title")}</h1>
      {actionData && "sent" in actionData ? (
        <div className="alert alert--success" role="status">
          {t("auth.forgot.sent")}
        </div>
      ) : (
        <>
          <p className="lead">{t("auth.forgot.lead")}</p>
          <FormError message={actionData?.formError} />
          <Form method="post" className="stack" noValidate>
            <EmailField defaultValue={actionData?.values.email} error={actionData?.errors.email} />
            <button type="submit" className="button button--primary button--block" disabled={busy}>
              {t("auth.forgot.submit")}
            </button>
          </Form>
        </>
      )}
      <p className="auth-card__links">
        <Link to="/login">{t("nav.signIn")}</Link>
      </p>
    </div>
  );
}
