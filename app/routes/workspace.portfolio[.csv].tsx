// The portfolio as CSV: every account matching the filters in the URL, in the same order as on
// screen, with the same columns (seats and active people as two numbers).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { stageLabel } from "~/accounts/lifecycle";
import { getTranslator } from "~/i18n/i18n.server";
import { requireWorkspaceStaff } from "~/workspace/access.server";
import { csvResponse } from "~/workspace/csv";
import { portfolioFiltersFromUrl } from "~/workspace/portfolio";
import { exportPortfolio, ownsAccounts } from "~/workspace/portfolio.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireWorkspaceStaff(request);
  const { t, locale } = await getTranslator(request, staff.locale);
  const url = new URL(request.url);
  const defaultOwner = url.searchParams.has("owner") || (await ownsAccounts(staff.id)) ? "mine" : "all";
  const rows = await exportPortfolio(portfolioFiltersFromUrl(url, defaultOwner), staff.id);
  const table = [
    [
      t("workspace.col.account"),
      t("workspace.csv.score"),
      t("workspace.csv.band"),
      t("workspace.csv.change7"),
      t("workspace.csv.alerts"),
      t("workspace.col.plan"),
      t("workspace.col.stage"),
      t("workspace.col.renewal"),
      t("workspace.col.seats"),
      t("workspace.stat.active"),
      t("workspace.col.champions"),
      t("workspace.col.members"),
      t("workspace.col.arr"),
      t("workspace.col.owner"),
    ],
    ...rows.map((row) => [
      row.name,
      row.score,
      row.band ? t(`scoring.band.${row.band}`) : null,
      row.change7,
      row.openAlerts,
      t(`plan.${row.plan as "starter" | "growth" | "enterprise"}`),
      stageLabel(row.lifecycleStage, locale),
      row.renewalDate,
      row.seatsLicensed,
      row.activeUsers,
      row.champions,
      row.memberCount,
      row.arr,
      row.ownerName ?? t("field.noOwner"),
    ]),
  ];
  return csvResponse(table, `kizuna-portfolio-${new Date().toISOString().slice(0, 10)}.csv`);
}
