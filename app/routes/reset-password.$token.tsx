import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { findUsableResetToken, resetPassword } from "~/auth/auth.server";
import { resetPasswordSchema } from "~/auth/forms.server";
import { startSession } from "~/auth/session.server";
import { NewPasswordField } from "~/components/auth-fields";
import { FormError } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Kizuna" }];

// The token page is public on purpose: whoever holds a valid link may set the password.
export async function loader({ params }: LoaderFunctionArgs) {
  const usable = await findUsableResetToken(params.token ?? "");
  return data({ valid: Boolean(usable) }, { status: usable ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { t } = await getTranslator(request);
  const form = parseForm(await readFormData(request), resetPasswordSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form") }, 400);
  const userId = await resetPassword(params.token ?? "", form.data.password);
  if (!userId) return formFailure({ errors: {}, formError: t("auth.reset.invalid") }, 410);
  return redirectWithToast(
    "/",
    { type: "success", key: "auth.reset.done" },
    { headers: { "Set-Cookie": await startSession(userId) } },
  );
}

export default function ResetPasswordPage() {
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="auth-card">
      <h1>{t("auth.reset.title")}</h1>
      {valid ? (
        <>
          <FormError message={actionData?.formError} />
          <Form method="post" className="stack" noValidate>
            <NewPasswordField label={t("field.newPassword")} error={actionData?.errors.password} />
            <button type="submit" className="button button--primary button--block" disabled={busy}>
              {t("auth.reset.submit")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <div className="alert alert--error" role="alert">
            {t("auth.reset.invalid")}
          </div>
          <p className="auth-card__links">
            <Link to="/forgot-password">{t("auth.reset.requestNew")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
