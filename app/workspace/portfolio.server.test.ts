import { db } from "~/db.server";
import { upsertAccount, upsertUser } from "../../tests/factories";
import { portfolioFiltersFromUrl, portfolioSearch, sortLink, type PortfolioFilters } from "./portfolio";
import { exportPortfolio, listPortfolio, ownsAccounts } from "./portfolio.server";

const NOW = new Date("2026-06-15T03:00:00Z");
const DAY = 86_400_000;
const today = Date.UTC(2026, 5, 15);
const inDays = (n: number) => new Date(today + n * DAY);

const filters = (url = "", owner: "mine" | "all" = "all") => portfolioFiltersFromUrl(new URL(`http://x/workspace${url}`), owner);

let misaki: { id: string };
let daniel: { id: string };
const ids: Record<string, string> = {};

async function event(actorId: string, accountId: string, daysAgo: number, type = "content.viewed") {
  await db.engagementEvent.create({
    data: {
      type,
      actorId,
      accountId,
      subjectType: "article",
      subjectId: "ja/first-30-days",
      occurredAt: new Date(NOW.getTime() - daysAgo * DAY),
      idempotencyKey: `${type}:${actorId}:${accountId}:${daysAgo}:${Math.random()}`,
    },
  });
}

beforeAll(async () => {
  misaki = await upsertUser({ email: "misaki@vendor.test", name: "佐藤 美咲", role: "cs" });
  daniel = await upsertUser({ email: "daniel@vendor.test", name: "Daniel Park", role: "cs" });
  const spec = [
    { key: "sakura", name: "株式会社さくらコマース", domain: "sakura.test", plan: "enterprise", seats: 60, arr: 14_000_000, renewal: 45, stage: "L07", owner: misaki.id },
    { key: "hokuto", name: "北斗ロジスティクス株式会社", domain: "hokuto.test", plan: "growth", seats: 25, arr: 4_800_000, renewal: 120, stage: "L05", owner: misaki.id },
    { key: "shinonome", name: "東雲フーズ株式会社", domain: "shinonome.test", plan: "starter", seats: 8, arr: 1_400_000, renewal: 20, stage: "L02", owner: misaki.id },
    { key: "yamabiko", name: "株式会社やまびこ不動産", domain: "yamabiko.test", plan: "growth", seats: 12, arr: 2_400_000, renewal: 90, stage: "L07", owner: misaki.id },
    { key: "northwind", name: "Northwind Analytics", domain: "northwind.test", plan: "enterprise", seats: 80, arr: 19_000_000, renewal: 91, stage: "L07", owner: daniel.id },
    { key: "lapsed", name: "Lapsed 100% Corp", domain: "lapsed_co.test", plan: "starter", seats: 5, arr: 900_000, renewal: -3, stage: "L07", owner: null },
    { key: "undated", name: "Zeta Undated", domain: "zeta.test", plan: "growth", seats: 10, arr: 1_000_000, renewal: null, stage: "L01", owner: null },
  ] as const;
  for (const s of spec) {
    const account = await upsertAccount({
      name: s.name,
      domains: [s.domain],
      plan: s.plan,
      seatsLicensed: s.seats,
      arr: s.arr,
      renewalDate: s.renewal === null ? null : inDays(s.renewal),
      lifecycleStage: s.stage,
      ownerId: s.owner,
    });
    ids[s.key] = account.id;
  }
  // さくら: 4 members, 3 active in 30 days (one only through an old event, one twice), 2 champions.
  const sakura = await Promise.all(
    ["haruka", "kenji", "aya", "hiroshi"].map((local) => upsertUser({ email: `${local}@sakura.test`, name: local, accountId: ids.sakura })),
  );
  await event(sakura[0]!.id, ids.sakura!, 1);
  await event(sakura[0]!.id, ids.sakura!, 2);
  await event(sakura[1]!.id, ids.sakura!, 29);
  await event(sakura[2]!.id, ids.sakura!, 31); // too old to count
  await event(misaki.id, ids.sakura!, 1, "cs.recommended"); // a staff touch is not customer activity
  const year = 2026;
  await db.championTerm.create({ data: { userId: sakura[0]!.id, cohort: year, startsAt: new Date(Date.UTC(year, 0, 1)), endsAt: new Date(Date.UTC(year + 1, 0, 1)) } });
  await db.championTerm.create({ data: { userId: sakura[1]!.id, cohort: year, startsAt: new Date(Date.UTC(year, 0, 1)), endsAt: new Date(Date.UTC(year + 1, 0, 1)) } });
  // Not current: revoked, expired, and not yet started.
  await db.championTerm.create({ data: { userId: sakura[2]!.id, cohort: year, startsAt: new Date(Date.UTC(year, 0, 1)), endsAt: new Date(Date.UTC(year + 1, 0, 1)), revokedAt: new Date(Date.UTC(year, 2, 1)) } });
  await db.championTerm.create({ data: { userId: sakura[3]!.id, cohort: year - 1, startsAt: new Date(Date.UTC(year - 1, 0, 1)), endsAt: new Date(Date.UTC(year, 0, 1)) } });
  await db.championTerm.create({ data: { userId: sakura[3]!.id, cohort: year + 1, startsAt: new Date(Date.UTC(year + 1, 0, 1)), endsAt: new Date(Date.UTC(year + 2, 0, 1)) } });
  // 北斗: 2 members, both active: 2/25 seats. Northwind: 1 member active: 1/80 seats.
  const hokuto = await Promise.all(["takuya", "mai"].map((local) => upsertUser({ email: `${local}@hokuto.test`, name: local, accountId: ids.hokuto })));
  for (const member of hokuto) await event(member.id, ids.hokuto!, 3);
  const emma = await upsertUser({ email: "emma@northwind.test", name: "Emma", accountId: ids.northwind });
  await event(emma.id, ids.northwind!, 5);
});

const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name);

describe("portfolio filters in the URL", () => {
  it("defaults to the viewer's accounts by name, page 1", () => {
    const f = portfolioFiltersFromUrl(new URL("http://x/workspace"));
    expect(f).toEqual({ owner: "mine", band: null, stage: null, plan: null, renewalWithin: null, q: "", sort: "name", dir: "asc", page: 1 });
    expect(portfolioFiltersFromUrl(new URL("http://x/workspace"), "all").owner).toBe("all");
  });

  it("reads every filter and ignores values outside the whitelists", () => {
    const f = filters("?owner=none&stage=L07&plan=growth&renewal=90&band=yellow&q=%20さくら%20&sort=renewal&dir=desc&page=3");
    expect(f).toEqual({ owner: "none", band: "yellow", stage: "L07", plan: "growth", renewalWithin: 90, q: "さくら", sort: "renewal", dir: "desc", page: 3 });
    const odd = filters("?owner=x'%20OR%201=1&stage=L11&plan=free&renewal=-5&sort=name;DROP%20TABLE%20Account&dir=sideways&page=abc");
    expect(odd).toMatchObject({ owner: "all", stage: null, plan: null, renewalWithin: null, sort: "name", dir: "asc", page: 1 });
    expect(filters("?renewal=731").renewalWithin).toBeNull();
    expect(filters("?renewal=2.5").renewalWithin).toBeNull();
    expect(filters("?owner=clx123abc").owner).toEqual({ id: "clx123abc" });
  });

  it("uses each column's natural direction unless the URL says otherwise", () => {
    expect(filters("?sort=members").dir).toBe("desc");
    expect(filters("?sort=renewal").dir).toBe("asc");
    expect(filters("?sort=members&dir=asc").dir).toBe("asc");
  });

  it("writes the filters back without defaults, and header links flip the direction", () => {
    const f = filters("?owner=mine&stage=L07&renewal=90&page=4");
    expect(portfolioSearch(f)).toBe("?owner=mine&stage=L07&renewal=90");
    expect(portfolioSearch(f, {}, true)).toBe("?owner=mine&stage=L07&renewal=90&page=4");
    expect(sortLink(f, "renewal")).toBe("?owner=mine&stage=L07&renewal=90&sort=renewal&dir=asc");
    expect(sortLink({ ...f, sort: "renewal", dir: "asc" }, "renewal")).toContain("sort=renewal&dir=desc");
    expect(sortLink({ ...f, sort: "members", dir: "desc" }, "name")).toBe("?owner=mine&stage=L07&renewal=90");
    const roundTrip = filters(portfolioSearch({ ...f, sort: "arr", dir: "asc", q: "100%" }));
    expect(roundTrip).toMatchObject({ owner: "mine", stage: "L07", renewalWithin: 90, sort: "arr", dir: "asc", q: "100%" });
  });
});

describe("listPortfolio", () => {
  const list = (f: PortfolioFilters, viewer = misaki.id) => listPortfolio(f, viewer, NOW);

  it("shows my accounts, everyone's, the unassigned or one owner's", async () => {
    // Names sort by code point, as SQLite compares text.
    expect(names((await list(filters("", "mine"))).accounts)).toEqual(["北斗ロジスティクス株式会社", "東雲フーズ株式会社", "株式会社さくらコマース", "株式会社やまびこ不動産"]);
    expect((await list(filters("?owner=all"))).total).toBe(7);
    expect(names((await list(filters("?owner=none"))).accounts)).toEqual(["Lapsed 100% Corp", "Zeta Undated"]);
    expect(names((await list(filters(`?owner=${daniel.id}`))).accounts)).toEqual(["Northwind Analytics"]);
    expect(names((await list(filters("", "mine"), daniel.id)).accounts)).toEqual(["Northwind Analytics"]);
    expect((await list(filters("?owner=nobody123"))).total).toBe(0);
  });

  it("filters by stage and by renewal within N days, counting today through day N", async () => {
    expect(names((await list(filters("?owner=all&stage=L07&renewal=90"))).accounts)).toEqual(["株式会社さくらコマース", "株式会社やまびこ不動産"]);
    // Day 91 is outside 90 days but inside 180; a renewal that already passed is never "within".
    expect(names((await list(filters("?owner=all&stage=L07&renewal=180"))).accounts)).toEqual(["Northwind Analytics", "株式会社さくらコマース", "株式会社やまびこ不動産"]);
    expect(names((await list(filters("?owner=all&renewal=30"))).accounts)).toEqual(["東雲フーズ株式会社"]);
  });

  it("filters by plan and searches names (Japanese too) and domains, with wildcards taken literally", async () => {
    expect(names((await list(filters("?owner=all&plan=enterprise"))).accounts)).toEqual(["Northwind Analytics", "株式会社さくらコマース"]);
    expect(names((await list(filters("?owner=all&q=さくら"))).accounts)).toEqual(["株式会社さくらコマース"]);
    expect(names((await list(filters("?owner=all&q=NORTHWIND.TEST"))).accounts)).toEqual(["Northwind Analytics"]);
    expect(names((await list(filters("?owner=all&q=100%25"))).accounts)).toEqual(["Lapsed 100% Corp"]);
    expect(names((await list(filters("?owner=all&q=_co"))).accounts)).toEqual(["Lapsed 100% Corp"]);
    expect((await list(filters("?owner=all&q=%25"))).total).toBe(1);
  });

  it("counts members, members active in the last 30 days and current champions", async () => {
    const rows = (await list(filters("?owner=all"))).accounts;
    const sakura = rows.find((r) => r.id === ids.sakura)!;
    expect(sakura).toMatchObject({ memberCount: 4, activeUsers: 2, champions: 2, seatsLicensed: 60, plan: "enterprise", lifecycleStage: "L07", ownerName: "佐藤 美咲" });
    expect(sakura.renewalDate).toBe("2026-07-30");
    expect(rows.find((r) => r.id === ids.hokuto)).toMatchObject({ memberCount: 2, activeUsers: 2, champions: 0 });
    expect(rows.find((r) => r.id === ids.undated)).toMatchObject({ memberCount: 0, activeUsers: 0, champions: 0, renewalDate: null, ownerName: null });
  });

  it("sorts by every column, both ways, with ties broken by name", async () => {
    const order = async (query: string) => names((await list(filters(`?owner=all&${query}`))).accounts);
    expect(await order("sort=name&dir=desc")).toEqual(["株式会社やまびこ不動産", "株式会社さくらコマース", "東雲フーズ株式会社", "北斗ロジスティクス株式会社", "Zeta Undated", "Northwind Analytics", "Lapsed 100% Corp"]);
    expect((await order("sort=renewal&dir=asc"))).toEqual(["Lapsed 100% Corp", "東雲フーズ株式会社", "株式会社さくらコマース", "株式会社やまびこ不動産", "Northwind Analytics", "北斗ロジスティクス株式会社", "Zeta Undated"]);
    expect((await order("sort=renewal&dir=desc")).at(-1)).toBe("Zeta Undated");
    expect((await order("sort=plan&dir=asc")).slice(0, 2)).toEqual(["Lapsed 100% Corp", "東雲フーズ株式会社"]);
    expect((await order("sort=stage&dir=desc")).slice(0, 4)).toEqual(["Lapsed 100% Corp", "Northwind Analytics", "株式会社さくらコマース", "株式会社やまびこ不動産"]);
    expect((await order("sort=arr&dir=desc"))[0]).toBe("Northwind Analytics");
    expect((await order("sort=members"))[0]).toBe("株式会社さくらコマース");
    expect((await order("sort=champions"))[0]).toBe("株式会社さくらコマース");
    // 2/25 active beats 2/60 and 1/80.
    expect((await order("sort=utilisation")).slice(0, 3)).toEqual(["北斗ロジスティクス株式会社", "株式会社さくらコマース", "Northwind Analytics"]);
    expect((await order("sort=owner&dir=asc")).slice(0, 1)).toEqual(["Northwind Analytics"]);
    expect((await order("sort=owner&dir=asc")).slice(-2)).toEqual(["Lapsed 100% Corp", "Zeta Undated"]);
  });

  it("exports every matching row in the chosen order", async () => {
    const rows = await exportPortfolio(filters("?owner=all&stage=L07&sort=renewal"), misaki.id, NOW);
    expect(names(rows)).toEqual(["Lapsed 100% Corp", "株式会社さくらコマース", "株式会社やまびこ不動産", "Northwind Analytics"]);
  });

  it("knows who owns accounts", async () => {
    expect(await ownsAccounts(misaki.id)).toBe(true);
    const admin = await upsertUser({ email: "admin@vendor.test", name: "Admin", role: "admin" });
    expect(await ownsAccounts(admin.id)).toBe(false);
  });
});

describe("pagination", () => {
  it("pages through many accounts 25 at a time and clamps past the end", async () => {
    const owner = await upsertUser({ email: "pager@vendor.test", name: "Pager", role: "cs" });
    for (let i = 0; i < 30; i++) {
      await upsertAccount({ name: `Paged ${String(i).padStart(2, "0")}`, domains: [`paged-${i}.test`], ownerId: owner.id });
    }
    const first = await listPortfolio(filters("", "mine"), owner.id, NOW);
    expect(first).toMatchObject({ total: 30, pages: 2, page: 1 });
    expect(first.accounts).toHaveLength(25);
    expect(first.accounts[0]!.name).toBe("Paged 00");
    const second = await listPortfolio(filters("?page=2", "mine"), owner.id, NOW);
    expect(names(second.accounts)).toEqual(["Paged 25", "Paged 26", "Paged 27", "Paged 28", "Paged 29"]);
    const beyond = await listPortfolio(filters("?page=9", "mine"), owner.id, NOW);
    expect(beyond.page).toBe(2);
    expect(beyond.accounts).toHaveLength(5);
  });
});
