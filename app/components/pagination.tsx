import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** Previous/next links that keep every other filter in the URL. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? <Link to={hrefFor(page - 1)} rel="prev">{t("common.previous")}</Link> : <span />}
      <span>{t("common.pageOf", { page, pages })}</span>
      {page < pages ? <Link to={hrefFor(page + 1)} rel="next">{t("common.next")}</Link> : <span />}
    </nav>
  );
}
