import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { getAuth } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SiteHeader } from "~/components/site-header";
import { ToastMessage } from "~/components/toast";
import { resolveLocale } from "~/i18n/i18n.server";
import { DEFAULT_LOCALE } from "~/i18n/locales";
import { countUnread } from "~/notifications/notifications.server";
import { readToast } from "~/utils/toast.server";
import styles from "~/styles/app.css";
import searchStyles from "~/styles/search.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: searchStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  const locale = await resolveLocale(request, auth.user?.locale);
  const { toast, setCookie: toastCookie } = await readToast(request);
  const headers = new Headers();
  if (auth.setCookie) headers.append("Set-Cookie", auth.setCookie);
  if (toastCookie) headers.append("Set-Cookie", toastCookie);
  const user = auth.user ? { id: auth.user.id, name: auth.user.name, role: auth.user.role } : null;
  // For the header bell: one indexed count, and none at all for visitors.
  const unreadNotifications = auth.user ? await countUnread(auth.user.id) : 0;
  return data({ user, locale, toast, unreadNotifications }, { headers });
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang={rootData?.locale ?? DEFAULT_LOCALE}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader />
        <main id="main" className="page">
          {children}
        </main>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  // Browser tests wait for this before touching forms: React re-applies select defaults while
  // hydrating, which would undo a choice made a moment too early.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <>
      <ToastMessage />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
