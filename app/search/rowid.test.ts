import { fieldOf, filterSql, matchesFilters, rowidFor, rowidRange, typeOf, type RowFacts } from "./rowid";

const facts: RowFacts = { type: "question", audience: 0, boost: 3, locale: "en", tier: "beginner", state: "answered" };

describe("row ids", () => {
  it("round-trips every field and the sequence, as exact numbers", () => {
    const rowid = rowidFor(facts, 123_456);
    expect(Number.isSafeInteger(rowid)).toBe(true);
    expect(typeOf(rowid)).toBe("question");
    expect([fieldOf(rowid, "audience"), fieldOf(rowid, "boost"), fieldOf(rowid, "locale"), fieldOf(rowid, "tier"), fieldOf(rowid, "state")]).toEqual([0, 3, 1, 1, 2]);
    expect(rowid % 2 ** 32).toBe(123_456);
    const article = rowidFor({ type: "article", audience: 2, boost: 0, locale: "ja", tier: null, state: null }, 2 ** 32 - 1);
    expect([typeOf(article), fieldOf(article, "audience"), fieldOf(article, "tier"), fieldOf(article, "state")]).toEqual(["article", 2, 0, 0]);
  });

  it("puts each type and audience prefix in one contiguous range", () => {
    const [lo, hi] = rowidRange("article", 1);
    const inside = (audience: number) => {
      const id = rowidFor({ ...facts, type: "article", audience, boost: 3, tier: "advanced", state: "locked" }, 2 ** 32 - 1);
      return id >= lo && id <= hi;
    };
    expect([inside(0), inside(1), inside(2)]).toEqual([true, true, false]);
    const question = rowidFor(facts, 1);
    expect(question >= lo && question <= hi).toBe(false);
    expect(rowidFor({ ...facts, type: "article", audience: 0, boost: 0, locale: "ja", tier: null, state: null }, 0)).toBe(lo);
  });

  it("filters by language, level and state, in SQL and in JavaScript alike", () => {
    const rowid = rowidFor(facts, 7);
    expect(matchesFilters(rowid, { locale: "en", tier: "beginner", state: "answered" })).toBe(true);
    expect(matchesFilters(rowid, { locale: "ja", tier: null, state: null })).toBe(false);
    expect(matchesFilters(rowid, { locale: null, tier: "advanced", state: null })).toBe(false);
    expect(matchesFilters(rowid, { locale: null, tier: null, state: "open" })).toBe(false);
    expect(filterSql("r", { locale: "en", tier: null, state: "answered" })).toBe(" AND ((r >> 36) & 1) = 1 AND ((r >> 32) & 3) = 2");
  });
});
