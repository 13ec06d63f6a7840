import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { FormError, TextField } from "~/components/form";
import { MarkdownHtml } from "~/components/markdown-html";
import { requireGroup } from "~/groups/access.server";
import { overviewActionSchema } from "~/groups/forms.server";
import { loadOverview, runOverviewAction } from "~/groups/overview.server";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { notifyGroupRecommended } from "~/notifications/group-notices.server";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, formValues, parseForm, readFormData } from "~/utils/validation.server";
import { appBaseUrl } from "~/utils/url.server";
import type { GroupLayoutData } from "./groups.$groupId";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const loaded = await requireGroup(request, params.groupId);
  return loadOverview(loaded, loaded.user);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const loaded = await requireGroup(request, params.groupId);
  const { t } = await getTranslator(request, user.locale);
  const formData = await readFormData(request);
  const form = parseForm(formData, overviewActionSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, values: form.values, formError: t("error.form") }, 400);
  const result = await runOverviewAction({ ...loaded, user }, form.data);
  if (!result.ok) return data({ errors: {} as Record<string, string>, values: formValues(formData), formError: t(result.key) }, { status: result.status });
  if (form.data.intent === "recommend") await notifyGroupRecommended(loaded.group.id, form.data.email, user, appBaseUrl(request));
  return redirectWithToast(`/groups/${loaded.group.id}`, { type: "success", key: result.key });
}

export default function GroupOverview() {
  const overview = useLoaderData<typeof loader>();
  const layout = useRouteLoaderData<GroupLayoutData>("routes/groups.$groupId")!;
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { group, membership, permissions, viewer } = layout;
  const busy = useNavigation().state !== "idle";
  const status = membership?.status ?? null;

  return (
    <div className="group-overview">
      <div className="group-overview__main stack">
        <FormError message={actionData?.formError} />
        {group.state === "declined" && group.declineReason ? (
          <p className="alert alert--error">{t("groups.declinedBecause", { reason: group.declineReason })}</p>
        ) : null}
        {group.state === "proposed" ? <p className="alert alert--info">{t("groups.proposedNotice")}</p> : null}
        <section className="card" aria-labelledby="about-title">
          <h2 id="about-title">{t("groups.about")}</h2>
          <MarkdownHtml html={overview.descriptionHtml} />
        </section>

        <section className="card" aria-labelledby="members-title">
          <h2 id="members-title">{t("groups.members", { count: overview.members.length })}</h2>
          <ul className="people-list">
            {overview.members.map((m) => (
              <li key={m.id} className="people-list__item">
                <PersonName person={m} />
                {m.role === "leader" ? <span className="badge badge--leader">{t("groups.leader")}</span> : null}
                {permissions.canManage && m.role !== "leader" && group.state === "active" ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={m.id} />
                    <input type="hidden" name="stepDown" value={permissions.isLeader ? "yes" : "no"} />
                    <button type="submit" name="intent" value="make-leader" className="button button--ghost button--small" disabled={busy}>
                      {permissions.isLeader ? t("groups.handOver") : t("groups.makeLeader")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {overview.waitlistCount > 0 ? <p className="muted">{t("groups.waitlistCount", { count: overview.waitlistCount })}</p> : null}
        </section>

        {permissions.canManage && overview.requests.length ? (
          <section className="card" aria-labelledby="requests-title">
            <h2 id="requests-title">{t("groups.requests")}</h2>
            <ul className="people-list">
              {overview.requests.map((m) => (
                <li key={m.id} className="people-list__item">
                  <PersonName person={m} />
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={m.id} />
                    <button type="submit" name="intent" value="approve-request" className="button button--primary button--small" disabled={busy}>
                      {t("groups.request.approve")}
                    </button>
                    <button type="submit" name="intent" value="reject-request" className="button button--ghost button--small" disabled={busy}>
                      {t("groups.request.reject")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {permissions.canManage && overview.waitlist.length ? (
          <section className="card" aria-labelledby="waitlist-title">
            <h2 id="waitlist-title">{t("groups.waitlist")}</h2>
            <ol className="people-list">
              {overview.waitlist.map((m) => (
                <li key={m.id} className="people-list__item">
                  <PersonName person={m} />
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>

      <aside className="group-overview__side stack">
        <section className="card" aria-labelledby="you-title">
          <h2 id="you-title">{t("groups.you")}</h2>
          {!viewer ? (
            <p>
              <a href={`/login?redirectTo=/groups/${group.id}`}>{t("groups.signInToJoin")}</a>
            </p>
          ) : permissions.staff ? (
            <p className="muted">{t("groups.youAreStaff")}</p>
          ) : status === "active" ? (
            <>
              <p>{membership?.role === "leader" ? t("groups.youLead") : t("groups.youAreMember")}</p>
              <Form method="post">
                <button type="submit" name="intent" value="leave" className="button button--ghost" disabled={busy}>
                  {t("groups.leave")}
                </button>
              </Form>
            </>
          ) : status === "waitlisted" ? (
            <>
              <p>{t("groups.youWait", { position: overview.myWaitlistPosition ?? 1 })}</p>
              <Form method="post">
                <button type="submit" name="intent" value="leave" className="button button--ghost" disabled={busy}>
                  {t("groups.leaveWaitlist")}
                </button>
              </Form>
            </>
          ) : status === "requested" ? (
            <>
              <p>{t("groups.youRequested")}</p>
              <Form method="post">
                <button type="submit" name="intent" value="leave" className="button button--ghost" disabled={busy}>
                  {t("groups.withdraw")}
                </button>
              </Form>
            </>
          ) : group.state === "active" ? (
            <Form method="post">
              <button type="submit" name="intent" value="join" className="button button--primary button--large" disabled={busy}>
                {group.visibility === "request" ? t("groups.requestToJoin") : t("groups.join")}
              </button>
            </Form>
          ) : (
            <p className="muted">{t("groups.notOpen")}</p>
          )}
        </section>

        {permissions.staff ? <StaffPanel /> : null}
      </aside>
    </div>
  );
}

function PersonName({ person }: { person: { name: string; company: string | null } }) {
  return (
    <span>
      <strong>{person.name}</strong> {person.company ? <span className="muted">· {person.company}</span> : null}
    </span>
  );
}

function StaffPanel() {
  const layout = useRouteLoaderData<GroupLayoutData>("routes/groups.$groupId")!;
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const { group } = layout;
  return (
    <section className="card stack" aria-labelledby="staff-title">
      <h2 id="staff-title">{t("groups.staffPanel")}</h2>
      {group.state === "proposed" ? (
        <>
          <Form method="post">
            <button type="submit" name="intent" value="approve-group" className="button button--primary" disabled={busy}>
              {t("groups.approve")}
            </button>
          </Form>
          <Form method="post" className="stack">
            <TextField label={t("groups.declineReason")} name="reason" maxLength={500} error={actionData?.errors.reason} />
            <button type="submit" name="intent" value="decline-group" className="button button--ghost" disabled={busy}>
              {t("groups.decline")}
            </button>
          </Form>
        </>
      ) : null}
      {group.state === "active" ? (
        <>
          <Form method="post" className="stack">
            <TextField label={t("groups.recommendTo")} name="email" type="email" error={actionData?.errors.email} />
            <TextField label={`${t("groups.recommendNote")} (${t("common.optional")})`} name="note" maxLength={300} />
            <button type="submit" name="intent" value="recommend" className="button button--secondary" disabled={busy}>
              {t("groups.recommend")}
            </button>
          </Form>
          <Form method="post">
            <button type="submit" name="intent" value="archive" className="button button--ghost" disabled={busy}>
              {t("groups.archive")}
            </button>
          </Form>
        </>
      ) : null}
      {group.state === "archived" ? (
        <Form method="post">
          <button type="submit" name="intent" value="reopen" className="button button--secondary" disabled={busy}>
            {t("groups.reopen")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
