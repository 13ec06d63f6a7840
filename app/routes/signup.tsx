import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { EmailTakenError, signUp } from "~/auth/auth.server";
import { signUpSchema } from "~/auth/forms.server";
import { requireAnonymous, startSession } from "~/auth/session.server";
import { EmailField, NameField, NewPasswordField } from "~/components/auth-fields";
import { FormError } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { consumeRateLimits, RATE_LIMITS } from "~/security/rate-limit.server";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Sign up · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const { t } = await getTranslator(request);
  const form = parseForm(await readFormData(request), signUpSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values: form.values }, 400);

  const values = { name: form.data.name, email: form.data.email };
  const limit = await consumeRateLimits([[RATE_LIMITS.signupPerIp, context.clientIp ?? "unknown"]]);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return formFailure({ errors: {}, formError: t("error.rateLimited", { minutes }), values }, 429);
  }
  try {
    const user = await signUp(form.data);
    const cookie = await startSession(user.id);
    return redirectWithToast(
      "/",
      user.account
        ? { type: "success", key: "auth.signUp.welcomeMatched", params: { account: user.account.name } }
        : { type: "success", key: "auth.signUp.welcome" },
      { headers: { "Set-Cookie": cookie } },
    );
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return formFailure({ errors: { email: t("auth.signUp.emailTaken") }, formError: t("error.form"), values }, 409);
    }
    throw error;
  }
}

export default function SignUpPage() {
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="auth-card">
      <h1>{t("auth.signUp.title")}</h1>
      <p className="lead">{t("auth.signUp.lead")}</p>
      <FormError message={actionData?.formError} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="locale" value={locale} />
        <NameField defaultValue={actionData?.values.name} error={actionData?.errors.name} />
        <EmailField defaultValue={actionData?.values.email} error={actionData?.errors.email} />
        <NewPasswordField error={actionData?.errors.password} />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {t("auth.signUp.submit")}
        </button>
      </Form>
      <p className="auth-card__links">
        <span>
          {t("auth.signUp.haveAccount")} <Link to="/login">{t("nav.signIn")}</Link>
        </span>
      </p>
    </div>
  );
}
