import { searchHref, searchPageFromUrl } from "./url";

const read = (query: string) => searchPageFromUrl(new URL(`http://localhost/search?${query}`));

describe("search page URL", () => {
  it("reads the query, tab, filters and page", () => {
    expect(read("q=%E5%88%86%E7%A7%91%E4%BC%9A&type=question&lang=ja&tier=beginner&state=answered&tag=lead-scoring&page=3")).toEqual({
      query: "分科会",
      filters: { type: "question", locale: "ja", tier: "beginner", state: "answered", tag: "lead-scoring" },
      page: 3,
    });
  });

  it("ignores what it does not know instead of failing", () => {
    expect(read("type=people&lang=fr&tier=expert&state=hidden&page=-2&tag=" + "x".repeat(61))).toEqual({
      query: "",
      filters: { type: null, locale: null, tier: null, state: null, tag: null },
      page: 1,
    });
    expect(read("page=1.5").page).toBe(1);
    expect(read("page=101").page).toBe(1);
    expect(read(`q=${"a".repeat(2000)}`).query).toHaveLength(200);
  });

  it("builds links that change one thing and start again at page 1", () => {
    const current = read("q=lead&type=question&tag=x&page=4");
    expect(searchHref(current, { type: null })).toBe("/search?q=lead&tag=x");
    expect(searchHref(current, { tag: null })).toBe("/search?q=lead&type=question");
    expect(searchHref(current, { page: 2 })).toBe("/search?q=lead&type=question&tag=x&page=2");
  });
});
