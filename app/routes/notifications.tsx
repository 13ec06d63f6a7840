import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { listNotifications, markAllRead, markRead, notificationActionSchema } from "~/notifications/notifications.server";
import { isNotificationType } from "~/notifications/types";
import { pageFrom } from "~/qa/questions.server";
import qaStyles from "~/styles/qa.css";
import { formatAge } from "~/utils/format";
import type { loader as rootLoader } from "~/root";
import { redirectWithToast } from "~/utils/toast.server";
import { parseForm, readFormData } from "~/utils/validation.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: qaStyles }];

export const meta: MetaFunction = () => [{ title: "Notifications · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = pageFrom(new URL(request.url));
  return { ...(await listNotifications(user.id, page)), page, now: new Date().toISOString() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request, user.locale);
  const form = parseForm(await readFormData(request), notificationActionSchema, t);
  if (!form.ok) throw new Response(t("error.form"), { status: 400 });
  if (form.data.intent === "read-all") {
    await markAllRead(user.id);
    return redirectWithToast("/notifications", { type: "success", key: "notification.allRead" });
  }
  const opened = await markRead(user.id, form.data.notificationId);
  if (!opened) throw new Response(t("notification.notFound"), { status: 404 });
  return redirect(opened.link);
}

export default function NotificationsPage() {
  const { notifications, page, pages, now } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state !== "idle";
  // Unread ones may sit on other pages too: the header's count covers them all.
  const unread = (useRouteLoaderData<typeof rootLoader>("root")?.unreadNotifications ?? 0) > 0;
  return (
    <div className="narrow">
      <div className="page-header">
        <div>
          <h1>{t("notification.title")}</h1>
          <p className="lead">{t("notification.lead")}</p>
        </div>
        {unread ? (
          <Form method="post">
            <button type="submit" name="intent" value="read-all" className="button button--secondary button--small" disabled={busy}>
              {t("notification.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      {notifications.length === 0 ? (
        <p className="empty">{t("notification.empty")}</p>
      ) : (
        <ul className="plain-list notification-list">
          {notifications.map((n) => (
            <li key={n.id} className={n.readAt ? "notification" : "notification notification--unread"}>
              <Form method="post">
                <input type="hidden" name="notificationId" value={n.id} />
                <button type="submit" name="intent" value="open" className="notification__open">
                  {n.readAt ? null : <span className="badge notification__unread">{t("notification.unread")}</span>}
                  <span className="notification__text">{t(isNotificationType(n.type) ? `notification.${n.type}` : "notification.unknown", n.params)}</span>
                  <time className="notification__time muted" dateTime={n.createdAt.toISOString()}>
                    {formatAge(n.createdAt, now, locale)}
                  </time>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
