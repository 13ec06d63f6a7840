import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { LIFECYCLE_STAGES, PLANS, stageLabel } from "~/accounts/lifecycle";
import { Sparkline } from "~/charts/sparkline";
import { Pagination } from "~/components/pagination";
import { BandBadge } from "~/scoring/ui";
import scoringStyles from "~/styles/scoring.css";
import { useTranslation } from "~/i18n/use-translation";
import { StaffChampionLinks } from "~/champions/ui";
import type { MessageKey } from "~/i18n/messages";
import { StaffQaLinks } from "~/qa/staff-ui";
import { formatDate, formatNumber, formatYen } from "~/utils/format";
import { requireWorkspaceStaff } from "~/workspace/access.server";
import { BAND_FILTERS, ownerParam, portfolioFiltersFromUrl, portfolioSearch, RENEWAL_WINDOWS, sortLink, type SortKey } from "~/workspace/portfolio";
import { listPortfolio, ownsAccounts, staffOptions, type PortfolioRow } from "~/workspace/portfolio.server";
import { championPipeline } from "~/workspace/pipeline.server";
import { ChampionPipeline } from "~/workspace/ui";

export const meta: MetaFunction = () => [{ title: "CS workspace · Kizuna" }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scoringStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireWorkspaceStaff(request);
  const url = new URL(request.url);
  const defaultOwner = url.searchParams.has("owner") || (await ownsAccounts(staff.id)) ? "mine" : "all";
  const filters = portfolioFiltersFromUrl(url, defaultOwner);
  const [result, staffList, pipeline] = await Promise.all([listPortfolio(filters, staff.id), staffOptions(), championPipeline(staff)]);
  return { ...result, filters: { ...filters, page: result.page }, staff: staffList, admin: staff.role === "admin", pipeline };
}

type Column = { key: SortKey; label: MessageKey; numeric?: boolean; sortable?: boolean; hint?: MessageKey; cell: (row: PortfolioRow) => ReactNode };

/** The 7-day change as an arrow, with the change in words for screen readers and on hover. */
function ChangeArrow({ change }: { change: number | null }) {
  const { t, locale } = useTranslation();
  const text =
    change === null
      ? t("workspace.change.none")
      : change > 0
        ? t("workspace.change.up", { delta: formatNumber(change, locale) })
        : change < 0
          ? t("workspace.change.down", { delta: formatNumber(-change, locale) })
          : t("workspace.change.flat");
  const arrow = change === null ? "" : change > 0 ? "▲" : change < 0 ? "▼" : "–";
  const tone = change === null || change === 0 ? "flat" : change > 0 ? "up" : "down";
  return (
    <span className={`change change--${tone}`} title={text} data-testid="change7">
      <span aria-hidden="true">
        {arrow}
        {change ? formatNumber(Math.abs(change), locale) : ""}
      </span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

export default function WorkspacePage() {
  const { accounts, total, pages, page, filters, staff, admin, pipeline } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const owner = ownerParam(filters.owner);

  const columns: Column[] = [
    {
      key: "score",
      label: "workspace.col.score",
      cell: (row) =>
        row.band && row.score !== null ? (
          <span className="portfolio-health">
            <BandBadge band={row.band} score={row.score} />
            <ChangeArrow change={row.change7} />
          </span>
        ) : (
          <span className="muted">{t("workspace.noScore")}</span>
        ),
    },
    {
      key: "score",
      label: "workspace.col.trend",
      sortable: false,
      cell: (row) =>
        row.sparkline.length > 0 ? (
          <Sparkline
            values={row.sparkline}
            label={t("workspace.sparkline", { first: row.sparkline[0]!, last: row.sparkline[row.sparkline.length - 1]! })}
            tone={row.band === "red" ? "danger" : row.band === "green" ? "success" : "primary"}
          />
        ) : null,
    },
    {
      key: "alerts",
      label: "workspace.col.alerts",
      numeric: true,
      cell: (row) => (row.openAlerts > 0 ? <Link to={`/workspace/accounts/${row.id}#alerts`}>{formatNumber(row.openAlerts, locale)}</Link> : "0"),
    },
    { key: "plan", label: "workspace.col.plan", cell: (row) => t(`plan.${row.plan as "starter" | "growth" | "enterprise"}`) },
    { key: "stage", label: "workspace.col.stage", cell: (row) => <span className="badge">{stageLabel(row.lifecycleStage, locale)}</span> },
    { key: "renewal", label: "workspace.col.renewal", cell: (row) => (row.renewalDate ? formatDate(row.renewalDate, locale) : t("common.none")) },
    {
      key: "utilisation",
      label: "workspace.col.active",
      hint: "workspace.col.activeHint",
      numeric: true,
      cell: (row) => (
        <span className="utilisation">
          {t("workspace.activeOfSeats", { active: formatNumber(row.activeUsers, locale), seats: formatNumber(row.seatsLicensed, locale) })}
          <span className="utilisation__ratio">{Math.round((row.activeUsers / Math.max(1, row.seatsLicensed)) * 100)}%</span>
        </span>
      ),
    },
    { key: "champions", label: "workspace.col.champions", numeric: true, cell: (row) => formatNumber(row.champions, locale) },
    { key: "members", label: "workspace.col.members", numeric: true, cell: (row) => formatNumber(row.memberCount, locale) },
    { key: "arr", label: "workspace.col.arr", numeric: true, cell: (row) => formatYen(row.arr, locale) },
    { key: "owner", label: "workspace.col.owner", cell: (row) => row.ownerName ?? t("field.noOwner") },
  ];

  const header = (key: SortKey, label: MessageKey, numeric = false, hint?: MessageKey) => {
    const active = filters.sort === key;
    return (
      <th key={label} scope="col" className={numeric ? "num" : undefined} aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined} title={hint ? t(hint) : undefined}>
        <Link to={sortLink(filters, key)} className="sort-link" aria-current={active ? "true" : undefined} aria-label={t("workspace.sortBy", { column: t(label) })}>
          {t(label)}
          {active ? <span aria-hidden="true">{filters.dir === "asc" ? "▲" : "▼"}</span> : null}
        </Link>
      </th>
    );
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("workspace.title")}</h1>
          <p className="lead">{t("workspace.lead")}</p>
        </div>
        <div className="stack">
          <nav className="inline-links" aria-label={t("workspace.title")}>
            <Link to="/workspace/alerts" className="button button--secondary button--small">{t("workspace.nav.alerts")}</Link>
            <Link to="/workspace/outcomes" className="button button--secondary button--small">{t("workspace.nav.outcomes")}</Link>
          </nav>
          <StaffQaLinks />
          <StaffChampionLinks admin={admin} />
        </div>
      </div>

      <ChampionPipeline pipeline={pipeline} admin={admin} />

      <Form method="get" className="portfolio-filters card" aria-label={t("workspace.filters")}>
        <div className="field">
          <label className="field__label" htmlFor="f-owner">{t("workspace.filter.owner")}</label>
          <select id="f-owner" name="owner" defaultValue={owner} className="field__input">
            <option value="mine">{t("workspace.filter.ownerMine")}</option>
            <option value="all">{t("workspace.filter.ownerAll")}</option>
            <option value="none">{t("workspace.filter.ownerNone")}</option>
            {staff.map((person) => (
              <option key={person.id} value={person.id}>{person.name}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="f-band">{t("workspace.filter.band")}</label>
          <select id="f-band" name="band" defaultValue={filters.band ?? ""} className="field__input">
            <option value="">{t("workspace.filter.anyBand")}</option>
            {BAND_FILTERS.map((band) => (
              <option key={band} value={band}>{t(`scoring.band.${band}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="f-stage">{t("workspace.filter.stage")}</label>
          <select id="f-stage" name="stage" defaultValue={filters.stage ?? ""} className="field__input">
            <option value="">{t("workspace.filter.anyStage")}</option>
            {LIFECYCLE_STAGES.map((stage) => (
              <option key={stage.code} value={stage.code}>{stageLabel(stage.code, locale)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="f-renewal">{t("workspace.filter.renewal")}</label>
          <select id="f-renewal" name="renewal" defaultValue={filters.renewalWithin ? String(filters.renewalWithin) : ""} className="field__input">
            <option value="">{t("workspace.filter.anyRenewal")}</option>
            {[...new Set([...RENEWAL_WINDOWS, ...(filters.renewalWithin ? [filters.renewalWithin] : [])])]
              .sort((a, b) => a - b)
              .map((days) => (
                <option key={days} value={days}>{t("workspace.filter.renewalWithin", { days })}</option>
              ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="f-plan">{t("workspace.filter.plan")}</label>
          <select id="f-plan" name="plan" defaultValue={filters.plan ?? ""} className="field__input">
            <option value="">{t("workspace.filter.anyPlan")}</option>
            {PLANS.map((plan) => (
              <option key={plan} value={plan}>{t(`plan.${plan}`)}</option>
            ))}
          </select>
        </div>
        <div className="field field--wide">
          <label className="field__label" htmlFor="f-q">{t("workspace.filter.search")}</label>
          <input id="f-q" type="search" name="q" defaultValue={filters.q} maxLength={100} className="field__input" placeholder={t("workspace.searchPlaceholder")} />
        </div>
        {filters.sort !== "name" || filters.dir !== "asc" ? (
          <>
            <input type="hidden" name="sort" value={filters.sort} />
            <input type="hidden" name="dir" value={filters.dir} />
          </>
        ) : null}
        <div className="portfolio-filters__actions">
          <button type="submit" className="button button--primary">{t("workspace.filter.apply")}</button>
          <Link to="?owner=mine" className="button button--ghost">{t("workspace.filter.reset")}</Link>
        </div>
      </Form>

      <div className="toolbar">
        <span className="muted">{t("common.results", { count: formatNumber(total, locale) })}</span>
        <a href={`/workspace/portfolio.csv${portfolioSearch(filters)}`} className="button button--secondary button--small" download>
          {t("workspace.exportCsv")}
        </a>
      </div>

      {accounts.length === 0 ? (
        <p className="empty">{t("workspace.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="portfolio">
            <caption className="visually-hidden">{t("workspace.portfolioCaption", { count: total })}</caption>
            <thead>
              <tr>
                {header("name", "workspace.col.account")}
                {columns.map((column) =>
                  column.sortable === false ? (
                    <th key={column.label} scope="col">
                      {t(column.label)}
                    </th>
                  ) : (
                    header(column.key, column.label, column.numeric, column.hint)
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {accounts.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={`/workspace/accounts/${row.id}`}>{row.name}</Link>
                  </th>
                  {columns.map((column) => (
                    <td key={column.label} className={column.numeric ? "num" : undefined}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}
