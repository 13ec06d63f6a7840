// The public side and the candidates list against a real (per-file) database: who is listed,
// the filters, who may see a profile, and how candidates are ranked and explained.
import { company, member, staffer, term } from "../../tests/champion-factories";
import { db } from "~/db.server";
import { recordEngagement } from "~/engagement/record.server";
import type { EventType } from "~/engagement/events";
import { candidateReasons, rankCandidates } from "./candidates.server";
import { directoryFiltersFromUrl, listDirectory, loadChampionProfile, saveChampionProfile } from "./directory.server";

const NOW = new Date("2026-06-15T00:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

let seq = 0;
async function events(user: { id: string; accountId: string | null }, type: EventType, count: number, daysAgo = 10) {
  for (let i = 0; i < count; i++) {
    seq += 1;
    await recordEngagement({ type, actor: user, subjectType: "test", subjectId: `s${seq}`, idempotencyKey: `test:${seq}`, occurredAt: new Date(NOW.getTime() - (daysAgo + i) * DAY) });
  }
}

describe("champion directory", () => {
  it("lists only champions who opted in, filtered by year, topic and language", async () => {
    const acme = await company();
    const [listed, hidden, alumnus, english] = [await member(acme.id, "掲載 さん"), await member(acme.id, "非掲載 さん"), await member(acme.id, "卒業 さん"), await member(acme.id, "Emma")];
    await term(listed.id, 2025, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    await term(listed.id, 2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    await term(hidden.id, 2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    await term(alumnus.id, 2025, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    await term(english.id, 2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    expect(await saveChampionProfile(listed.id, { listed: true, bio: "スコアリングなら任せて", topics: ["lead-scoring", "email"], languages: ["ja"] })).toBe("ok");
    await saveChampionProfile(hidden.id, { listed: false, bio: "", topics: ["lead-scoring"], languages: ["ja"] });
    await saveChampionProfile(alumnus.id, { listed: true, bio: "", topics: [], languages: ["ja"] });
    await saveChampionProfile(english.id, { listed: true, bio: "", topics: ["email"], languages: ["en", "ja"] });

    const names = async (filters: Parameters<typeof listDirectory>[0]) => (await listDirectory(filters, NOW)).map((c) => c.name);
    const none = { year: null, topic: null, language: null };
    expect(await names(none)).toEqual(["掲載 さん", "Emma"]);
    expect((await listDirectory(none, NOW))[0]).toMatchObject({ times: 2, cohorts: [2025, 2026], topics: ["email", "lead-scoring"], bio: "スコアリングなら任せて", active: true });
    expect(await names({ ...none, year: 2025 })).toEqual(["掲載 さん", "卒業 さん"]);
    expect(await names({ ...none, topic: "lead-scoring" })).toEqual(["掲載 さん"]);
    expect(await names({ ...none, language: "en" })).toEqual(["Emma"]);
    expect(await names({ ...none, topic: "email", language: "ja" })).toEqual(["掲載 さん", "Emma"]);
  });

  it("reads filters defensively from the URL", () => {
    const url = (q: string) => new URL(`http://x/champions?${q}`);
    expect(directoryFiltersFromUrl(url("year=2026&topic=email&language=en"), ["email"])).toEqual({ year: 2026, topic: "email", language: "en" });
    expect(directoryFiltersFromUrl(url("year=abc&topic=nope&language=fr"), ["email"])).toEqual({ year: null, topic: null, language: null });
  });

  it("shows an unlisted champion's profile only to them and to staff, and lets only champions save one", async () => {
    const acme = await company();
    const champion = await member(acme.id);
    await term(champion.id, 2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    const stranger = await member(acme.id);
    expect(await loadChampionProfile(champion.id, null, NOW)).toBeNull();
    expect(await loadChampionProfile(champion.id, stranger, NOW)).toBeNull();
    expect(await loadChampionProfile(champion.id, champion, NOW)).toMatchObject({ canEdit: true, listed: false, active: true, times: 1 });
    expect(await loadChampionProfile(champion.id, await staffer(), NOW)).toMatchObject({ canEdit: false, revocableTermId: null });
    expect((await loadChampionProfile(champion.id, await staffer("admin"), NOW))?.revocableTermId).toBeTruthy();
    await saveChampionProfile(champion.id, { listed: true, bio: "", topics: [], languages: ["ja"] });
    expect(await loadChampionProfile(champion.id, null, NOW)).toMatchObject({ listed: true, canEdit: false });
    expect(await loadChampionProfile(stranger.id, stranger, NOW)).toBeNull();
    expect(await saveChampionProfile(stranger.id, { listed: true, bio: "", topics: [], languages: ["ja"] })).toBe("not-champion");
    expect(await db.championProfile.count({ where: { userId: stranger.id } })).toBe(0);
  });
});

describe("candidates", () => {
  it("ranks members who are not champions by their contributions, with the reasons", async () => {
    const acme = await company();
    const helper = await member(acme.id, "回答 さん");
    const learner = await member(acme.id, "学習 さん");
    const champion = await member(acme.id, "現役 さん");
    const cs = await staffer();
    await events(helper, "qa.answered", 4);
    await events(helper, "qa.answer_accepted", 2);
    await events(learner, "content.completed", 3);
    await events(champion, "qa.answered", 20);
    await term(champion.id, 2026, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    await events({ id: cs.id, accountId: null }, "qa.answered", 30);
    // A year and more ago does not count.
    await events(learner, "group.meeting_led", 5, 400);
    // Looking at a page is not a contribution.
    await events(learner, "content.viewed", 50);

    const ranked = await rankCandidates(NOW);
    expect(ranked.map((c) => c.name)).toEqual(["回答 さん", "学習 さん"]);
    expect(ranked[0]).toMatchObject({ score: 28, account: { id: acme.id }, nomination: null });
    expect(ranked[0]!.reasons.map((r) => [r.signal, r.count])).toEqual([
      ["qa.answered", 4],
      ["qa.answer_accepted", 2],
    ]);
    expect(ranked[1]!.reasons.map((r) => [r.signal, r.count])).toEqual([["content.completed", 3]]);
  });

  it("puts the strongest signals first and keeps three", () => {
    const reasons = candidateReasons([
      { signal: "content.completed", count: 10, weight: 30 },
      { signal: "qa.answered", count: 2, weight: 8 },
      { signal: "group.meeting_led", count: 1, weight: 8 },
      { signal: "qa.vote_received", count: 40, weight: 40 },
      { signal: "group.posted", count: 0, weight: 0 },
    ]);
    expect(reasons.map((r) => r.signal)).toEqual(["qa.vote_received", "content.completed", "qa.answered"]);
  });
});
