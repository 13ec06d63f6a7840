// The "only champion inactive" alert against a real database: it reads the champion program's
// watch (AccountChampionWatch), so the alert and the watch must always say the same thing.
import { db } from "~/db.server";
import { openChampionWatches, refreshChampionWatch } from "~/champions/watch.server";
import { recomputeAccounts, recomputeAll } from "~/scoring/recompute.server";
import { DAY_MS } from "~/scoring/time";
import { championTerm, daysAgo, event, memberOf, NOW, scoringAccount, staffMember, TEST_CONTENT } from "../../tests/scoring-factories";
import { accountsWithOnlyChampionInactive } from "./champion.server";

const run = (now = NOW) => recomputeAll({ now, content: TEST_CONTENT });
const termStart = new Date(Date.UTC(2026, 0, 1));

async function championAlerts(accountId?: string) {
  return db.healthAlert.findMany({ where: { rule: "champion_inactive", ...(accountId ? { accountId } : {}) }, orderBy: { createdAt: "asc" } });
}

describe("only champion inactive", () => {
  test("the account's only champion without activity for 30 days: condition, watch row and alert", async () => {
    const owner = await staffMember();
    const account = await scoringAccount({ ownerId: owner.id });
    const champion = await memberOf(account.id, "practitioner", "Haru");
    await championTerm(champion.id);
    await event(champion, "qa.answered", daysAgo(45));
    const conditions = await accountsWithOnlyChampionInactive(NOW, [account.id]);
    expect(conditions).toEqual([
      { accountId: account.id, accountName: account.name, championId: champion.id, name: "Haru", reason: "inactive", leftReason: null, lastEventAt: daysAgo(45), since: daysAgo(15) },
    ]);
    expect(await openChampionWatches(account.id)).toMatchObject([{ condition: "champion_inactive", championId: champion.id }]);

    await run();
    const [alert] = await championAlerts(account.id);
    expect(alert).toMatchObject({ ownerId: owner.id, status: "open", conditionKey: `champion_inactive:${account.id}:${champion.id}` });
    expect(JSON.parse(alert!.evidence)).toEqual({ key: "alerts.evidence.championInactive", params: { name: "Haru", days: 45 } });
    expect(JSON.parse(alert!.nextAction)).toEqual({ key: "alerts.next.championInactive", params: { name: "Haru", account: account.name } });
  });

  test("a champion never active since the term began: days counted from the term start", async () => {
    const account = await scoringAccount({ ownerId: (await staffMember()).id });
    const champion = await memberOf(account.id, "practitioner", "Sora");
    await championTerm(champion.id);
    await run();
    const [alert] = await championAlerts(account.id);
    const days = Math.floor((NOW.getTime() - termStart.getTime()) / DAY_MS);
    expect(JSON.parse(alert!.evidence)).toEqual({ key: "alerts.evidence.championNeverActive", params: { name: "Sora", days } });
  });

  test("an active champion, or a second champion, means no alert", async () => {
    const account = await scoringAccount();
    const active = await memberOf(account.id);
    await championTerm(active.id);
    await event(active, "qa.answered", daysAgo(2));
    expect(await accountsWithOnlyChampionInactive(NOW, [account.id])).toEqual([]);

    const other = await scoringAccount();
    const quietOne = await memberOf(other.id);
    const quietTwo = await memberOf(other.id);
    await championTerm(quietOne.id);
    await championTerm(quietTwo.id);
    expect(await accountsWithOnlyChampionInactive(NOW, [other.id])).toEqual([]);
  });

  test("events the champion only received (votes) do not make them active", async () => {
    const account = await scoringAccount();
    const champion = await memberOf(account.id, "practitioner", "Rin");
    await championTerm(champion.id);
    await event(champion, "qa.answered", daysAgo(40));
    await event(champion, "qa.vote_received", daysAgo(1));
    expect((await accountsWithOnlyChampionInactive(NOW, [account.id])).map((c) => [c.reason, c.lastEventAt])).toEqual([["inactive", daysAgo(40)]]);
  });

  test("a champion who moved to another company: the account they left is reported", async () => {
    const account = await scoringAccount();
    const elsewhere = await scoringAccount();
    const champion = await memberOf(account.id, "practitioner", "Mio");
    await championTerm(champion.id);
    await event(champion, "qa.answered", daysAgo(5));
    // The watch sees them at the account (an approval records this when the term is created).
    expect(await accountsWithOnlyChampionInactive(NOW, [account.id])).toEqual([]);
    await db.user.update({ where: { id: champion.id }, data: { accountId: elsewhere.id } });
    const conditions = await accountsWithOnlyChampionInactive(NOW, [account.id, elsewhere.id]);
    expect(conditions.map((c) => [c.accountId, c.reason, c.leftReason, c.name])).toEqual([[account.id, "left", "moved", "Mio"]]);
  });

  test("a revoked term leaves the account without a champion; with a second champion it does not", async () => {
    const account = await scoringAccount({ ownerId: (await staffMember()).id });
    const former = await memberOf(account.id, "practitioner", "Aoi");
    const term = await championTerm(former.id);
    await event(former, "qa.answered", daysAgo(3));
    await db.championTerm.update({ where: { id: term.id }, data: { revokedAt: daysAgo(1) } });
    await run();
    const [alert] = await championAlerts(account.id);
    expect(JSON.parse(alert!.evidence)).toEqual({ key: "alerts.evidence.championTermEnded", params: { name: "Aoi", date: `date:${daysAgo(1).toISOString().slice(0, 10)}` } });
    expect(JSON.parse(alert!.nextAction)).toEqual({ key: "alerts.next.championNone", params: { account: account.name } });

    const covered = await scoringAccount();
    const gone = await memberOf(covered.id);
    const stays = await memberOf(covered.id);
    const goneTerm = await championTerm(gone.id);
    await championTerm(stays.id);
    await event(stays, "qa.answered", daysAgo(2));
    await db.championTerm.update({ where: { id: goneTerm.id }, data: { revokedAt: daysAgo(1) } });
    expect(await accountsWithOnlyChampionInactive(NOW, [covered.id])).toEqual([]);
  });

  test("a long list of accounts is refreshed in one batch and reads back what one account at a time would", async () => {
    const accounts = [];
    for (let i = 0; i < 24; i++) {
      const account = await scoringAccount();
      const champion = await memberOf(account.id, "practitioner", `Quiet ${i}`);
      await championTerm(champion.id);
      // Every third one stays active.
      await event(champion, "qa.answered", daysAgo(i % 3 === 0 ? 2 : 40));
      accounts.push(account);
    }
    const ids = accounts.map((a) => a.id);
    const batch = await accountsWithOnlyChampionInactive(NOW, ids);
    expect(batch).toHaveLength(16);
    const oneByOne = [];
    for (const id of ids) oneByOne.push(...(await accountsWithOnlyChampionInactive(NOW, [id])));
    const key = (c: { accountId: string }) => c.accountId;
    expect([...batch].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...oneByOne].sort((a, b) => key(a).localeCompare(key(b))));
    // The rows stayed put: refreshing again opens and resolves nothing.
    expect(await db.accountChampionWatch.count({ where: { accountId: { in: ids }, resolvedAt: { not: null } } })).toBe(0);
  });

  test("accounts that never had a champion are skipped: nothing attributed, no watch row", async () => {
    const plain = await scoringAccount();
    await memberOf(plain.id);
    expect(await accountsWithOnlyChampionInactive(NOW, [plain.id])).toEqual([]);
    expect(await db.championTermAccount.count({ where: { accountId: plain.id } })).toBe(0);
    expect(await db.accountChampionWatch.count({ where: { accountId: plain.id } })).toBe(0);
  });
});

describe("the alert and the champion watch agree", () => {
  test("after full and per-account runs the open alerts are exactly the open watch rows, and both clear together", async () => {
    const owner = await staffMember();
    const accounts = await Promise.all([1, 2, 3, 4, 5].map(() => scoringAccount({ ownerId: owner.id })));
    const [quiet, neverActive, moved, active, two] = accounts as [(typeof accounts)[number], (typeof accounts)[number], (typeof accounts)[number], (typeof accounts)[number], (typeof accounts)[number]];
    const quietChampion = await memberOf(quiet.id);
    await championTerm(quietChampion.id);
    await event(quietChampion, "qa.answered", daysAgo(60));
    await championTerm((await memberOf(neverActive.id)).id);
    const mover = await memberOf(moved.id);
    await championTerm(mover.id);
    await event(mover, "qa.answered", daysAgo(3));
    const busy = await memberOf(active.id);
    await championTerm(busy.id);
    await event(busy, "qa.answered", daysAgo(1));
    for (const id of [(await memberOf(two.id)).id, (await memberOf(two.id)).id]) await championTerm(id);

    // The champion program's own daily job saw everyone where they were; then one champion moved.
    await refreshChampionWatch(undefined, daysAgo(1));
    await db.user.update({ where: { id: mover.id }, data: { accountId: active.id } });

    // The file's database also holds the other tests' accounts: every open row must agree, and
    // these five accounts are checked by name.
    const agree = async () => {
      const watches = (await openChampionWatches()).map((w) => `champion_inactive:${w.accountId}:${w.championId}`).sort();
      const alerts = (await db.healthAlert.findMany({ where: { rule: "champion_inactive", status: { in: ["open", "acknowledged"] } } })).map((a) => a.conditionKey).sort();
      expect(alerts).toEqual(watches);
      const mine = new Set(accounts.map((a) => a.id));
      return new Set((await openChampionWatches()).filter((w) => mine.has(w.accountId)).map((w) => w.accountId));
    };
    await run();
    expect(await agree()).toEqual(new Set([quiet.id, neverActive.id, moved.id]));
    expect((await openChampionWatches(moved.id))[0]).toMatchObject({ condition: "champion_left", championId: mover.id, detail: "moved" });

    // The quiet champion is back: a per-account run refreshes the watch and closes the alert with it.
    await event(quietChampion, "qa.answered", NOW);
    await recomputeAccounts([quiet.id], { now: NOW, content: TEST_CONTENT });
    expect(await openChampionWatches(quiet.id)).toEqual([]);
    expect((await championAlerts(quiet.id)).map((a) => a.status)).toEqual(["resolved"]);
    expect(await agree()).toEqual(new Set([neverActive.id, moved.id]));
  });
});
