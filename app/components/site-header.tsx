import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useState } from "react";
import { HeaderSearch } from "~/components/search-box";
import { useTranslation } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/messages";
import type { loader as rootLoader } from "~/root";
import { isStaff } from "~/users/roles";

type NavItem = { to: string; label: MessageKey; staffOnly?: boolean; adminOnly?: boolean };

// Feature areas add their entry here as they ship.
const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "nav.home" },
  { to: "/learn", label: "nav.learn" },
  { to: "/groups", label: "nav.groups" },
  { to: "/questions", label: "nav.questions" },
  { to: "/champions", label: "nav.champions" },
  { to: "/workspace", label: "nav.workspace", staffOnly: true },
  { to: "/admin", label: "nav.admin", adminOnly: true },
];

export function SiteHeader() {
  const rootData = useRouteLoaderData<typeof rootLoader>("root");
  const user = rootData?.user ?? null;
  const { t, locale } = useTranslation();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = NAV_ITEMS.filter(
    (item) => (!item.staffOnly || (user && isStaff(user.role))) && (!item.adminOnly || user?.role === "admin"),
  );
  const here = location.pathname + location.search;

  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="site-header__inner">
        <Link to="/" className="brand" aria-label="Kizuna">
          <span className="brand__mark" aria-hidden="true">
            絆
          </span>
          <span className="brand__name">Kizuna</span>
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="primary-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t("nav.menu")}
        </button>
        <nav id="primary-nav" aria-label={t("nav.main")} className={menuOpen ? "nav nav--open" : "nav"}>
          <ul className="nav__list">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"} className="nav__link" onClick={() => setMenuOpen(false)}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
          <div className="nav__aside">
            <HeaderSearch />
            <Form method="post" action="/locale" className="inline-form">
              <input type="hidden" name="locale" value={locale === "ja" ? "en" : "ja"} />
              <input type="hidden" name="redirectTo" value={here} />
              <button type="submit" className="button button--ghost button--small" aria-label={t("locale.switchLabel")} lang={locale === "ja" ? "en" : "ja"}>
                {t("locale.switchTo")}
              </button>
            </Form>
            {user ? (
              <>
                <NotificationBell unread={rootData?.unreadNotifications ?? 0} />
                <NavLink to="/profile" className="nav__link nav__user">
                  {user.name}
                </NavLink>
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="button button--ghost button--small">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <Link to="/login" className="nav__link">
                  {t("nav.signIn")}
                </Link>
                <Link to="/signup" className="button button--primary button--small">
                  {t("nav.signUp")}
                </Link>
              </>
            )}
          </div>
        </nav>
      </div>
    </header>
  );
}

/** The header's link to /notifications; its name carries the unread count for screen readers. */
function NotificationBell({ unread }: { unread: number }) {
  const { t } = useTranslation();
  return (
    <NavLink
      to="/notifications"
      className="nav__link notification-bell"
      aria-label={unread > 0 ? t("notification.bellUnread", { count: unread }) : t("notification.bell")}
      title={t("notification.bell")}
    >
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" style={{ verticalAlign: "-3px" }}>
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? " " : null}
      {unread > 0 ? (
        <span className="badge notification-bell__count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
