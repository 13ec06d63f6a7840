import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/**
 * Previous/next links that keep every other filter in the URL. A page with two paged lists gives
 * one of them its own `param` (and a `hash` to land back on that list).
 */
export function Pagination({ page, pages, param = "page", hash = "", label = "Pagination" }: { page: number; pages: number; param?: string; hash?: string; label?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set(param, String(target));
    return `${location.pathname}?${params}${hash}`;
  };
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? <Link to={hrefFor(page - 1)} rel="prev">{t("common.previous")}</Link> : <span />}
      <span>{t("common.pageOf", { page, pages })}</span>
      {page < pages ? <Link to={hrefFor(page + 1)} rel="next">{t("common.next")}</Link> : <span />}
    </nav>
  );
}
