import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { stageLabel } from "~/accounts/lifecycle";
import { getAccountOverview } from "~/accounts/portfolio.server";
import { inviteUser } from "~/auth/auth.server";
import { accountChampions } from "~/champions/account.server";
import { AccountChampions } from "~/champions/ui";
import { inviteMemberSchema } from "~/auth/forms.server";
import { requireRole } from "~/auth/session.server";
import { FormError, TextField } from "~/components/form";
import { db } from "~/db.server";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate, formatNumber, formatYen } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { appBaseUrl } from "~/utils/url.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";
import { LifecyclePanel } from "~/lifecycle/ui";
import { handleAccountScoringAction, isScoringIntent, loadAccountScoring } from "~/scoring/account-page.server";
import { AlertList, HealthPanel, LevelBadge } from "~/scoring/ui";
import scoringStyles from "~/styles/scoring.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scoringStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.account.name ?? ""} · Kizuna` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "cs");
  const account = await getAccountOverview(params.accountId ?? "");
  if (!account) throw new Response("Account not found", { status: 404 });
  const [champions, scoring] = await Promise.all([
    accountChampions(account.id),
    loadAccountScoring({ id: account.id, lifecycleStage: account.lifecycleStage, memberIds: account.members.map((m) => m.id) }),
  ]);
  return { account, champions, scoring, timeZone: staff.timeZone };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireRole(request, "cs");
  const { t, locale } = await getTranslator(request, staff.locale);
  const account = await db.account.findUnique({ where: { id: params.accountId ?? "" }, select: { id: true } });
  if (!account) throw new Response("Account not found", { status: 404 });
  const formData = await readFormData(request);
  if (isScoringIntent(formData.get("intent"))) return handleAccountScoringAction(formData, { staff, accountId: account.id, t, locale });
  const form = parseForm(formData, inviteMemberSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values: form.values }, 400);
  const result = await inviteUser({
    email: form.data.email,
    name: form.data.name,
    role: "member",
    accountId: account.id,
    invitedById: staff.id,
    baseUrl: appBaseUrl(request),
  });
  if (result === "exists") {
    return formFailure({ errors: { email: t("account.invite.exists", { email: form.data.email }) }, values: form.data }, 409);
  }
  return redirectWithToast(`/workspace/accounts/${account.id}`, {
    type: "success",
    key: "account.invite.sent",
    params: { email: form.data.email },
  });
}

export default function AccountPage() {
  const { account, champions, scoring, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p className="breadcrumb">
        <Link to="/workspace">{t("workspace.title")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{account.name}</h1>
          <p className="muted">
            {t("account.domains")}: {account.domains.map((d) => d.domain).join(", ") || t("common.none")}
          </p>
        </div>
        <span className="badge badge--large">{stageLabel(account.lifecycleStage, locale)}</span>
      </div>
      <dl className="stats">
        <div className="stat">
          <dt>{t("workspace.col.plan")}</dt>
          <dd>{t(`plan.${account.plan as "starter" | "growth" | "enterprise"}`)}</dd>
        </div>
        <div className="stat">
          <dt>{t("workspace.col.seats")}</dt>
          <dd>{formatNumber(account.seatsLicensed, locale)}</dd>
        </div>
        <div className="stat">
          <dt>{t("workspace.col.members")}</dt>
          <dd>{formatNumber(account.members.length, locale)}</dd>
        </div>
        <div className="stat">
          <dt>{t("workspace.col.arr")}</dt>
          <dd>{formatYen(account.arr, locale)}</dd>
        </div>
        <div className="stat">
          <dt>{t("workspace.col.renewal")}</dt>
          <dd>{account.renewalDate ? formatDate(account.renewalDate, locale) : t("common.none")}</dd>
        </div>
        <div className="stat">
          <dt>{t("workspace.col.owner")}</dt>
          <dd>{account.owner?.name ?? t("field.noOwner")}</dd>
        </div>
      </dl>

      <HealthPanel health={scoring.health} />
      <AlertList unresolved={scoring.alerts.unresolved} resolved={scoring.alerts.resolved} errors={actionData?.errors} busy={busy} />
      <LifecyclePanel data={scoring.lifecycle} errors={actionData?.errors} values={actionData?.values} busy={busy} />

      <section aria-labelledby="members-title" className="section">
        <h2 id="members-title">{t("account.members")}</h2>
        {account.members.length === 0 ? (
          <p className="empty">{t("account.noMembers")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("field.name")}</th>
                  <th scope="col">{t("field.title")}</th>
                  <th scope="col">{t("field.persona")}</th>
                  <th scope="col">{t("field.level")}</th>
                  <th scope="col">{t("field.email")}</th>
                  <th scope="col" className="num">{t("scoring.member.engagement")}</th>
                  <th scope="col">{t("scoring.member.level")}</th>
                </tr>
              </thead>
              <tbody>
                {account.members.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">{member.name}</th>
                    <td>{member.title || t("common.none")}</td>
                    <td>{t(`persona.${member.persona as "practitioner" | "manager" | "executive"}`)}</td>
                    <td>{t(`level.${member.level as "beginner" | "intermediate" | "advanced"}`)}</td>
                    <td>{member.email}</td>
                    <td className="num">{formatNumber(scoring.engagement[member.id]?.score ?? 0, locale)}</td>
                    <td>
                      <LevelBadge level={scoring.engagement[member.id]?.level ?? "explorer"} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <AccountChampions data={champions} timeZone={timeZone} />

      <section aria-labelledby="invite-title" className="section card">
        <h2 id="invite-title">{t("account.invite.title")}</h2>
        <p className="muted">{t("account.invite.lead")}</p>
        <FormError message={actionData?.formError} />
        <Form method="post" className="inline-fields" noValidate>
          <TextField label={t("field.email")} name="email" type="email" required maxLength={254} defaultValue={actionData?.values.email} error={actionData?.errors.email} />
          <TextField label={`${t("field.name")} (${t("common.optional")})`} name="name" maxLength={80} defaultValue={actionData?.values.name} error={actionData?.errors.name} />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("account.invite.submit")}
          </button>
        </Form>
        {account.invitations.length > 0 ? (
          <>
            <h3>{t("account.invite.pending")}</h3>
            <ul className="plain-list">
              {account.invitations.map((invitation) => (
                <li key={invitation.id}>
                  {invitation.email} <span className="muted">({t("account.invite.expires", { date: formatDate(invitation.expiresAt, locale) })})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
