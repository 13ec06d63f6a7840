// Directory filters and suggestions against a real database (the catalog read for topic labels
// is built into a temporary cache by the test).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { buildContent } from "~/content/build.server";
import { recordArticleView } from "~/content/learning.server";
import { getCatalog } from "~/content/catalog.server";
import { createGroupAsStaff, type GroupInput } from "./groups.server";
import { directoryFiltersFromUrl, listDirectory, suggestGroups } from "./directory.server";
import { joinGroup } from "./membership.server";

const BASE: GroupInput = {
  name: "",
  challenge: "課題",
  description: "説明",
  level: "beginner",
  topics: ["onboarding"],
  capacityPeople: 5,
  capacityCompanies: 3,
  visibility: "open",
};

let cache: string;
beforeAll(async () => {
  cache = fs.mkdtempSync(path.join(os.tmpdir(), "kizuna-groups-"));
  process.env.CONTENT_CACHE_DIR = cache;
  await buildContent({ contentDir: path.resolve("content"), outDir: cache });
}, 60_000);
afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

async function member(level: "beginner" | "intermediate" | "advanced") {
  const account = await upsertAccount({ name: "テスト社", domains: [`dir-${Date.now()}-${Math.random().toString(36).slice(2)}.example`] });
  const user = await upsertUser({ email: uniqueEmail(), name: "メンバー", accountId: account.id, level });
  return { ...user, level, accountId: account.id };
}

describe("directory", () => {
  it("reads filters from the URL and ignores unknown values", () => {
    const topics = ["lead-scoring"];
    expect(directoryFiltersFromUrl(new URL("http://x/groups?level=advanced&topic=lead-scoring&seats=1"), topics)).toEqual({ level: "advanced", topic: "lead-scoring", hasSeats: true });
    expect(directoryFiltersFromUrl(new URL("http://x/groups?level=guru&topic=nope&seats=yes"), topics)).toEqual({ level: null, topic: null, hasSeats: false });
  });

  it("filters by level, topic and free seats", async () => {
    const staff = await upsertUser({ email: uniqueEmail(), name: "CS", role: "cs" });
    const tag = Date.now().toString(36);
    const open = await createGroupAsStaff(staff, { ...BASE, name: `開放 ${tag}`, topics: ["email"] });
    const full = await createGroupAsStaff(staff, { ...BASE, name: `満席 ${tag}`, topics: ["email"], capacityPeople: 1 });
    await createGroupAsStaff(staff, { ...BASE, name: `上級 ${tag}`, level: "advanced", topics: ["email"] });
    await joinGroup(full.id, await member("beginner"));

    const names = async (filters: Parameters<typeof listDirectory>[0]) =>
      (await listDirectory(filters, "ja")).map((g) => g.name).filter((n) => n.endsWith(tag)).sort();
    expect(await names({ level: "beginner", topic: "email", hasSeats: false })).toEqual([`満席 ${tag}`, `開放 ${tag}`]);
    expect(await names({ level: "beginner", topic: "email", hasSeats: true })).toEqual([`開放 ${tag}`]);
    expect(await names({ level: null, topic: "email", hasSeats: false })).toHaveLength(3);
    expect((await listDirectory({ level: null, topic: "email", hasSeats: false }, "ja")).find((g) => g.id === open.id)?.topics).toEqual(["メール施策"]);
  });
});

describe("suggestions", () => {
  it("prefers the member's level and the topics they read about, and never sends beginners to advanced groups", async () => {
    const staff = await upsertUser({ email: uniqueEmail(), name: "CS", role: "cs" });
    const tag = Date.now().toString(36);
    const scoring = await createGroupAsStaff(staff, { ...BASE, name: `スコア ${tag}`, topics: ["lead-scoring"] });
    const email = await createGroupAsStaff(staff, { ...BASE, name: `メール ${tag}`, topics: ["email"] });
    const advanced = await createGroupAsStaff(staff, { ...BASE, name: `上級 ${tag}`, level: "advanced", topics: ["lead-scoring"] });
    const reader = await member("beginner");
    const article = getCatalog().byId.get("ja/lead-scoring-basics")!;
    await recordArticleView({ ...reader, role: "member" }, article);

    const ids = (await suggestGroups(reader, "ja")).map((g) => g.id);
    expect(ids).not.toContain(advanced.id);
    expect(ids.indexOf(scoring.id)).toBeGreaterThanOrEqual(0);
    if (ids.includes(email.id)) expect(ids.indexOf(scoring.id)).toBeLessThan(ids.indexOf(email.id));

    await joinGroup(scoring.id, reader);
    expect((await suggestGroups(reader, "ja")).map((g) => g.id)).not.toContain(scoring.id);
  });
});
