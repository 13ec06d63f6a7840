import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useTranslation } from "~/i18n/use-translation";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return null;
}

export default function AdminLayout() {
  const { t } = useTranslation();
  return (
    <div className="with-sidebar">
      <nav className="sidebar" aria-label={t("admin.title")}>
        <p className="sidebar__title">{t("admin.title")}</p>
        <NavLink to="/admin/accounts" className="sidebar__link">
          {t("admin.accounts")}
        </NavLink>
        <NavLink to="/admin/users" className="sidebar__link">
          {t("admin.users")}
        </NavLink>
        <NavLink to="/admin/champions" className="sidebar__link">
          {t("champions.admin.nav")}
        </NavLink>
        <NavLink to="/admin/outbox" className="sidebar__link">
          {t("admin.outbox")}
        </NavLink>
        <NavLink to="/admin/health-model" className="sidebar__link">
          {t("admin.healthModel")}
        </NavLink>
        <NavLink to="/admin/lifecycle" className="sidebar__link">
          {t("admin.lifecycle")}
        </NavLink>
        <NavLink to="/admin/api-tokens" className="sidebar__link">
          {t("api.tokens.title")}
        </NavLink>
        <NavLink to="/admin/webhooks" className="sidebar__link">
          {t("webhooks.title")}
        </NavLink>
        <NavLink to="/admin/imports" className="sidebar__link">
          {t("imports.title")}
        </NavLink>
        <NavLink to="/admin/merge" className="sidebar__link">
          {t("merge.title")}
        </NavLink>
      </nav>
      <div className="with-sidebar__content">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
