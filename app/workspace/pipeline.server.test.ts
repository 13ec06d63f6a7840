// The champion pipeline widget's numbers against a real (per-file) database.
import { company, member, staffer } from "../../tests/champion-factories";
import { db } from "~/db.server";
import { championPipeline, PIPELINE_WATCH_LIMIT } from "./pipeline.server";

const NOW = new Date("2026-06-15T00:00:00Z");

async function nomination(nomineeId: string, accountId: string, state: string, cohort: number) {
  return db.championNomination.create({ data: { nomineeId, accountId, state, cohort, snapshot: "{}" } });
}

describe("championPipeline", () => {
  it("counts open nominations of any cohort, decisions of this cohort only, and lists open watches", async () => {
    const cs = await staffer("cs");
    const acme = await company();
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => member(acme.id, `候補 ${i}`)));
    await nomination(people[0]!.id, acme.id, "submitted", 2026);
    await nomination(people[1]!.id, acme.id, "submitted", 2025);
    await nomination(people[2]!.id, acme.id, "in_review", 2026);
    await nomination(people[3]!.id, acme.id, "approved", 2026);
    await nomination(people[4]!.id, acme.id, "approved", 2025);
    await nomination(people[5]!.id, acme.id, "declined", 2026);
    await nomination(people[6]!.id, acme.id, "declined", 2024);

    const quiet = await company("静か株式会社");
    const quietChampion = await member(quiet.id, "静か さん");
    await db.accountChampionWatch.create({ data: { accountId: quiet.id, condition: "champion_inactive", championId: quietChampion.id, since: new Date("2026-06-01T00:00:00Z") } });
    // Resolved watches are not news.
    await db.accountChampionWatch.create({ data: { accountId: acme.id, condition: "champion_left", since: new Date("2026-05-01T00:00:00Z"), resolvedAt: new Date("2026-05-10T00:00:00Z") } });

    const pipeline = await championPipeline(cs, NOW);
    expect(pipeline.cohortYear).toBe(2026);
    expect(pipeline.counts).toEqual([
      { state: "submitted", count: 2, href: "/champions/nominations?state=submitted" },
      { state: "in_review", count: 1, href: "/champions/nominations?state=in_review" },
      { state: "approved", count: 1, href: "/champions/nominations?state=approved&cohort=2026" },
      { state: "declined", count: 1, href: "/champions/nominations?state=declined&cohort=2026" },
    ]);
    expect(pipeline.watchTotal).toBe(1);
    expect(pipeline.watches).toEqual([
      { id: expect.any(String), accountId: quiet.id, accountName: quiet.name, condition: "champion_inactive", championId: quietChampion.id, championName: "静か さん", since: new Date("2026-06-01T00:00:00Z") },
    ]);
  });

  it("lists a few watches and counts the rest", async () => {
    const admin = await staffer("admin");
    for (let i = 0; i < PIPELINE_WATCH_LIMIT + 2; i++) {
      const account = await company(`見守り${i}`);
      await db.accountChampionWatch.create({ data: { accountId: account.id, condition: "champion_left", since: new Date(Date.UTC(2026, 4, 1 + i)) } });
    }
    const pipeline = await championPipeline(admin, NOW);
    expect(pipeline.watches).toHaveLength(PIPELINE_WATCH_LIMIT);
    expect(pipeline.watchTotal).toBe(PIPELINE_WATCH_LIMIT + 3);
    // Newest first (the first test's watch, from June, leads).
    const since = pipeline.watches.map((w) => w.since.getTime());
    expect(since).toEqual([...since].sort((a, b) => b - a));
    expect(pipeline.watches[1]!.since).toEqual(new Date(Date.UTC(2026, 4, PIPELINE_WATCH_LIMIT + 2)));
  });

  it("is refused to members", async () => {
    const acme = await company();
    const person = await member(acme.id);
    await expect(championPipeline(person, NOW)).rejects.toMatchObject({ status: 403 });
  });
});
