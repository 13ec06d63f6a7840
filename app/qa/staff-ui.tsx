// Pieces of the staff Q&A pages: the links between the queue and the reports page (also shown
// in the CS workspace).
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export function StaffQaLinks({ current }: { current?: "queue" | "reports" }) {
  const { t } = useTranslation();
  return (
    <nav className="toolbar qa-staff-links" aria-label={t("qaStaff.nav")}>
      <Link to="/questions/queue" className="button button--secondary button--small" aria-current={current === "queue" ? "page" : undefined}>
        {t("qaStaff.queue.title")}
      </Link>
      <Link to="/questions/reports" className="button button--secondary button--small" aria-current={current === "reports" ? "page" : undefined}>
        {t("qaStaff.reports.title")}
      </Link>
    </nav>
  );
}
