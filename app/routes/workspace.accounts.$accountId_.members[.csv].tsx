// The account's people as CSV, with the columns of the members table on the account page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { getTranslator } from "~/i18n/i18n.server";
import { requireWorkspaceStaff } from "~/workspace/access.server";
import { membersWithActivity } from "~/workspace/account.server";
import { csvResponse } from "~/workspace/csv";
import { safeTimeZone } from "~/utils/zone-clock";

/** A calendar day in the viewer's zone, YYYY-MM-DD (what a spreadsheet reads as a date). */
function dayIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireWorkspaceStaff(request);
  const account = await db.account.findUnique({ where: { id: params.accountId ?? "" }, select: { id: true, name: true } });
  if (!account) throw new Response("Account not found", { status: 404 });
  const { t } = await getTranslator(request, staff.locale);
  const timeZone = safeTimeZone(staff.timeZone);
  const members = await membersWithActivity(account.id);
  const table = [
    [
      t("field.name"),
      t("field.title"),
      t("field.persona"),
      t("field.level"),
      t("workspace.members.lastActive"),
      t("workspace.members.events90"),
      t("workspace.members.champion"),
      t("field.email"),
    ],
    ...members.map((m) => [
      m.name,
      m.title,
      t(`persona.${m.persona as "practitioner" | "manager" | "executive"}`),
      t(`level.${m.level as "beginner" | "intermediate" | "advanced"}`),
      m.lastActiveAt ? dayIn(m.lastActiveAt, timeZone) : "",
      m.events90,
      m.champion ? t("workspace.members.yes") : t("workspace.members.no"),
      m.email,
    ]),
  ];
  return csvResponse(table, `${account.name}-members-${new Date().toISOString().slice(0, 10)}.csv`);
}
