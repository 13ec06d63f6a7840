// The portfolio's health columns: the band filter and the score / open-alert sorts read each
// account's latest snapshot inside the portfolio query; the page rows carry the 7-day change,
// the 90-day sparkline and the open alert count.
import { db } from "~/db.server";
import { DAY_MS, startOfUtcDay } from "~/scoring/time";
import { NOW, scoringAccount, staffMember } from "../../tests/scoring-factories";
import { portfolioFiltersFromUrl, portfolioSearch } from "./portfolio";
import { exportPortfolio, listPortfolio } from "./portfolio.server";

const today = startOfUtcDay(NOW);
const day = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY_MS);
const filters = (query = "") => portfolioFiltersFromUrl(new URL(`http://x/workspace?owner=all${query}`), "all");

async function snapshot(accountId: string, daysAgo: number, overall: number, band: "green" | "yellow" | "red") {
  await db.healthSnapshot.create({
    data: { accountId, day: day(daysAgo), overall, band, weights: "{}", segment: "default", facts: "{}", modelVersion: 1, computedAt: day(daysAgo) },
  });
}

async function alert(accountId: string, rule: string, status = "open") {
  await db.healthAlert.create({
    data: {
      accountId,
      rule,
      conditionKey: `${rule}:${accountId}`,
      openKey: status === "resolved" ? null : `${rule}:${accountId}`,
      severity: "high",
      evidence: JSON.stringify({ key: "alerts.evidence.no_activity", params: {} }),
      nextAction: JSON.stringify({ key: "alerts.next.no_activity", params: {} }),
      status,
    },
  });
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  const owner = await staffMember("Health Owner");
  for (const name of ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]) {
    ids[name] = (await scoringAccount({ name: `${name} KK`, ownerId: owner.id })).id;
  }
  // Alpha: red now (was yellow 7 days ago, green before that window's start: only the latest counts).
  await snapshot(ids.Alpha!, 30, 80, "green");
  await snapshot(ids.Alpha!, 7, 52, "yellow");
  await snapshot(ids.Alpha!, 0, 31, "red");
  // Bravo: red, lower still, but its latest snapshot is from yesterday.
  await snapshot(ids.Bravo!, 1, 22, "red");
  // Charlie: green and rising.
  await snapshot(ids.Charlie!, 7, 70, "green");
  await snapshot(ids.Charlie!, 0, 76, "green");
  // Delta: was red 100 days ago (outside the window), nothing since: no score.
  await snapshot(ids.Delta!, 100, 20, "red");
  // Echo: no snapshot at all. Open alerts: Alpha 2 (one acknowledged), Bravo 1, Echo 1 resolved.
  await alert(ids.Alpha!, "band_dropped");
  await alert(ids.Alpha!, "no_activity", "acknowledged");
  await alert(ids.Bravo!, "no_activity");
  await alert(ids.Echo!, "no_activity", "resolved");
});

describe("portfolio health", () => {
  test("band filter keeps accounts whose latest snapshot is in the band, and the URL keeps it", async () => {
    const red = await listPortfolio(filters("&band=red"), "nobody", NOW);
    expect(red.accounts.map((a) => a.name).sort()).toEqual(["Alpha KK", "Bravo KK"]);
    expect(red.total).toBe(2);
    const green = await listPortfolio(filters("&band=green"), "nobody", NOW);
    expect(green.accounts.map((a) => a.name)).toEqual(["Charlie KK"]);
    expect(filters("&band=red").band).toBe("red");
    expect(filters("&band=purple").band).toBeNull();
    expect(portfolioSearch(filters("&band=red&sort=score"))).toContain("band=red");
  });

  test("sort by score puts the lowest first and accounts without a score last, either direction", async () => {
    const asc = await listPortfolio(filters("&sort=score"), "nobody", NOW);
    expect(asc.accounts.map((a) => a.name)).toEqual(["Bravo KK", "Alpha KK", "Charlie KK", "Delta KK", "Echo KK"]);
    const desc = await listPortfolio(filters("&sort=score&dir=desc"), "nobody", NOW);
    expect(desc.accounts.map((a) => a.name)).toEqual(["Charlie KK", "Alpha KK", "Bravo KK", "Delta KK", "Echo KK"]);
  });

  test("sort by open alerts counts open and acknowledged, not resolved", async () => {
    const page = await listPortfolio(filters("&sort=alerts"), "nobody", NOW);
    expect(page.accounts.map((a) => [a.name, a.openAlerts])).toEqual([
      ["Alpha KK", 2],
      ["Bravo KK", 1],
      ["Charlie KK", 0],
      ["Delta KK", 0],
      ["Echo KK", 0],
    ]);
  });

  test("rows carry score, band, 7-day change and the 90-day sparkline", async () => {
    const page = await listPortfolio(filters("&sort=score"), "nobody", NOW);
    const byName = new Map(page.accounts.map((a) => [a.name, a]));
    expect(byName.get("Alpha KK")).toMatchObject({ score: 31, band: "red", change7: -21, sparkline: [80, 52, 31] });
    expect(byName.get("Charlie KK")).toMatchObject({ score: 76, band: "green", change7: 6, sparkline: [70, 76] });
    expect(byName.get("Bravo KK")).toMatchObject({ score: 22, band: "red", change7: null, sparkline: [22] });
    expect(byName.get("Delta KK")).toMatchObject({ score: null, band: null, sparkline: [] });
  });

  test("the CSV export respects the band filter and carries the health columns", async () => {
    const rows = await exportPortfolio(filters("&band=red&sort=score"), "nobody", NOW);
    expect(rows.map((r) => [r.name, r.score, r.band, r.openAlerts])).toEqual([
      ["Bravo KK", 22, "red", 1],
      ["Alpha KK", 31, "red", 2],
    ]);
  });
});
