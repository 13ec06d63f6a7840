// The stored champion watch against a real (per-file) database: conditions open, stay put while
// true, resolve when they clear, and every account is covered by a refresh without an id.
import { company, member, staffer, term } from "../../tests/champion-factories";
import { db } from "~/db.server";
import { recordEngagement } from "~/engagement/record.server";
import { accountChampions } from "./account.server";
import { revokeTerm } from "./terms.server";
import { openChampionWatches, refreshChampionWatch } from "./watch.server";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-06-15T00:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

async function act(user: { id: string; accountId: string | null }, at: Date, type: "qa.answered" | "qa.vote_received" = "qa.answered") {
  await recordEngagement({ type, actor: user, subjectType: "question", subjectId: "q", idempotencyKey: `${type}:${user.id}:${at.toISOString()}`, occurredAt: at });
}

describe("refreshChampionWatch", () => {
  it("opens champion_inactive when the only champion has been quiet for 30 days, keeps it, and resolves it on new activity", async () => {
    const acme = await company();
    const champion = await member(acme.id, "静か さん");
    await term(champion.id, 2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    await act(champion, ago(45));
    // Receiving votes is not the champion being active.
    await act(champion, ago(3), "qa.vote_received");

    expect(await refreshChampionWatch(acme.id, NOW)).toEqual({ accounts: 1, opened: 1, resolved: 0, open: 1 });
    const [watch] = await openChampionWatches(acme.id);
    expect(watch).toMatchObject({ accountId: acme.id, accountName: acme.name, condition: "champion_inactive", championId: champion.id, championName: "静か さん", since: ago(15) });

    // Running again changes nothing.
    expect(await refreshChampionWatch(acme.id, NOW)).toEqual({ accounts: 1, opened: 0, resolved: 0, open: 1 });
    expect(await db.accountChampionWatch.count({ where: { accountId: acme.id } })).toBe(1);

    await act(champion, ago(1));
    expect(await refreshChampionWatch(acme.id, NOW)).toEqual({ accounts: 1, opened: 0, resolved: 1, open: 0 });
    expect(await openChampionWatches(acme.id)).toEqual([]);
    expect((await db.accountChampionWatch.findFirstOrThrow({ where: { accountId: acme.id } })).resolvedAt).toEqual(NOW);
  });

  it("opens champion_left when the only champion's term is revoked, ends, or they move to another company", async () => {
    const admin = await staffer("admin");
    const acme = await company();
    const champion = await member(acme.id, "去る さん");
    const running = await term(champion.id, 2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    await act(champion, ago(1));
    await refreshChampionWatch(acme.id, NOW);
    expect(await openChampionWatches(acme.id)).toEqual([]);

    expect(await revokeTerm(admin, running.id, "本人の希望", ago(5))).toBe("ok");
    const [left] = await openChampionWatches(acme.id);
    expect(left).toMatchObject({ condition: "champion_left", championId: champion.id, detail: "revoked" });

    // Someone else from the company becomes champion: the condition clears.
    const next = await member(acme.id, "次 さん");
    await term(next.id, 2026, "2026-02-01T00:00:00Z", "2027-02-01T00:00:00Z");
    await act(next, ago(2));
    await refreshChampionWatch(acme.id, NOW);
    expect(await openChampionWatches(acme.id)).toEqual([]);

    // They move to another company; their term stays counted for the one they represented.
    const other = await company();
    await db.user.update({ where: { id: next.id }, data: { accountId: other.id } });
    await refreshChampionWatch(undefined, NOW);
    expect(await openChampionWatches(acme.id)).toMatchObject([{ condition: "champion_left", championId: next.id, detail: "moved" }]);
    expect(await openChampionWatches(other.id)).toEqual([]);

    const expiredCo = await company();
    const former = await member(expiredCo.id);
    await term(former.id, 2025, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    await refreshChampionWatch(undefined, NOW);
    expect(await openChampionWatches(expiredCo.id)).toMatchObject([{ condition: "champion_left", championId: former.id, detail: "expired", since: new Date("2026-01-01T00:00:00Z") }]);
  });

  it("leaves accounts with two champions, or none ever, alone", async () => {
    const acme = await company();
    const [a, b] = [await member(acme.id), await member(acme.id)];
    await term(a.id, 2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    await term(b.id, 2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    const quiet = await company();
    await member(quiet.id);
    await refreshChampionWatch(undefined, NOW);
    expect(await openChampionWatches(acme.id)).toEqual([]);
    expect(await openChampionWatches(quiet.id)).toEqual([]);
  });
});

describe("accountChampions", () => {
  it("lists the account's current and former champions with the open watch", async () => {
    const acme = await company();
    const current = await member(acme.id, "現役 さん");
    const former = await member(acme.id, "卒業 さん");
    const now = new Date();
    const year = now.getUTCFullYear();
    await term(current.id, year - 1, `${year - 1}-01-01T00:00:00Z`, `${year}-01-01T00:00:00Z`);
    await term(current.id, year, `${year}-01-01T00:00:00Z`, `${year + 1}-01-01T00:00:00Z`);
    await term(former.id, year - 1, `${year - 1}-01-01T00:00:00Z`, `${year}-01-01T00:00:00Z`);
    await refreshChampionWatch(acme.id, now);
    const view = await accountChampions(acme.id, now);
    expect(view.current).toMatchObject([{ userId: current.id, name: "現役 さん", cohort: year, times: 2, current: true }]);
    expect(view.former).toMatchObject([{ userId: former.id, status: "expired", times: 1, inAccount: true }]);
    expect(view.watch).toMatchObject({ condition: "champion_inactive", championId: current.id });
    expect(view.upcoming).toEqual([]);

    // Renewed for next year after a gap: not current, not former, but coming.
    await term(former.id, year + 1, `${year + 1}-01-01T00:00:00Z`, `${year + 2}-01-01T00:00:00Z`);
    const later = await accountChampions(acme.id, now);
    expect(later.upcoming).toMatchObject([{ userId: former.id, startsAt: new Date(`${year + 1}-01-01T00:00:00Z`) }]);
    expect(later.former).toEqual([]);
  });
});
