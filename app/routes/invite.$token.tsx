import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { acceptInvitation, findUsableInvitation } from "~/auth/auth.server";
import { acceptInvitationSchema } from "~/auth/forms.server";
import { startSession } from "~/auth/session.server";
import { NameField, NewPasswordField } from "~/components/auth-fields";
import { FormError, TextField } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Invitation · Kizuna" }];

// Public on purpose: the unguessable token in the link is the credential.
export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findUsableInvitation(params.token ?? "");
  if (!invitation) return data({ invitation: null }, { status: 410 });
  return {
    invitation: {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role as "member" | "cs" | "admin",
      accountName: invitation.account?.name ?? null,
      inviterName: invitation.invitedBy?.name ?? "Kizuna",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { t } = await getTranslator(request);
  const form = parseForm(await readFormData(request), acceptInvitationSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values: form.values }, 400);
  const result = await acceptInvitation({ token: params.token ?? "", ...form.data });
  if (result.status === "invalid") {
    return formFailure({ errors: {}, formError: t("auth.invite.invalid"), values: { name: form.data.name } }, 410);
  }
  if (result.status === "exists") {
    return formFailure({ errors: {}, formError: t("auth.invite.exists"), values: { name: form.data.name } }, 409);
  }
  return redirectWithToast(
    "/",
    { type: "success", key: "auth.invite.done" },
    { headers: { "Set-Cookie": await startSession(result.userId) } },
  );
}

export default function InvitationPage() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  if (!invitation) {
    return (
      <div className="auth-card">
        <div className="alert alert--error" role="alert">
          {t("auth.invite.invalid")}
        </div>
        <p className="auth-card__links">
          <Link to="/login">{t("nav.signIn")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="auth-card">
      <h1>
        {invitation.accountName
          ? t("auth.invite.title", { account: invitation.accountName })
          : t("auth.invite.titleStaff", { role: t(`role.${invitation.role as "member" | "cs" | "admin"}`) })}
      </h1>
      <p className="lead">{t("auth.invite.lead", { inviter: invitation.inviterName })}</p>
      <FormError message={actionData?.formError} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="locale" value={locale} />
        <TextField label={t("field.email")} name="email-display" value={invitation.email} readOnly disabled />
        <NameField defaultValue={actionData?.values.name ?? invitation.name} error={actionData?.errors.name} />
        <NewPasswordField error={actionData?.errors.password} />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {t("auth.invite.submit")}
        </button>
      </Form>
    </div>
  );
}
