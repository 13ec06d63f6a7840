import { describe, expect, it } from "vitest";
import type { Locale } from "~/i18n/locales";
import { filterArticles, filtersFromUrl, pathProgress, positionInPath, recommendNext, type LibraryFilters } from "./library";
import type { ArticleMeta, LearningPath, Tier, Visibility } from "./model";
import { canOpen, type Viewer } from "./visibility";
import { articleMeta } from "../../tests/content-factories";

const article = articleMeta;

function path(slug: string, items: string[], overrides: Partial<LearningPath> = {}): LearningPath {
  const locale = overrides.locale ?? "en";
  return { id: `${locale}/${slug}`, slug, locale, title: slug, description: slug, tier: "beginner", translationKey: null, items, ...overrides };
}

const VISITOR: Viewer = null;
const MEMBER: Viewer = { role: "member", isChampion: false };
const CHAMPION: Viewer = { role: "member", isChampion: true };
const CS: Viewer = { role: "cs", isChampion: false };
const ADMIN: Viewer = { role: "admin", isChampion: false };

const NO_FILTERS: LibraryFilters = { tier: null, kind: null, topic: null, phase: null, locale: null };
const ids = (articles: ArticleMeta[]) => articles.map((a) => a.id);

describe("canOpen", () => {
  const matrix: Array<[name: string, viewer: Viewer, expected: Record<Visibility, boolean>]> = [
    ["visitor", VISITOR, { public: true, members: false, champions: false }],
    ["member", MEMBER, { public: true, members: true, champions: false }],
    ["champion member", CHAMPION, { public: true, members: true, champions: true }],
    ["cs staff", CS, { public: true, members: true, champions: true }],
    ["admin", ADMIN, { public: true, members: true, champions: true }],
  ];

  it.each(matrix)("%s", (_name, viewer, expected) => {
    for (const visibility of ["public", "members", "champions"] as const) {
      expect(canOpen(visibility, viewer), visibility).toBe(expected[visibility]);
    }
  });

  it("does not treat an unknown role as staff", () => {
    expect(canOpen("champions", { role: "owner", isChampion: false })).toBe(false);
    expect(canOpen("members", { role: "owner", isChampion: false })).toBe(true);
  });
});

describe("filtersFromUrl", () => {
  const topics = ["onboarding-basics", "health-scores"];
  const from = (query: string, defaultLocale: Locale = "ja") => filtersFromUrl(new URL(`https://kizuna.test/learn${query}`), topics, defaultLocale);

  it("reads every known filter", () => {
    expect(from("?tier=advanced&kind=case-study&topic=health-scores&phase=expansion&lang=en")).toEqual({
      tier: "advanced",
      kind: "case-study",
      topic: "health-scores",
      phase: "expansion",
      locale: "en",
    });
  });

  it("has no filters but the default language when the URL has none", () => {
    expect(from("")).toEqual({ ...NO_FILTERS, locale: "ja" });
    expect(from("", "en")).toEqual({ ...NO_FILTERS, locale: "en" });
  });

  it("ignores unknown values instead of failing", () => {
    expect(from("?tier=expert&kind=tutorial&topic=churn&phase=retention&lang=fr")).toEqual({ ...NO_FILTERS, locale: "ja" });
    expect(from("?tier=Beginner&tier=&topic=")).toEqual({ ...NO_FILTERS, locale: "ja" });
  });

  it("takes lang=all as every language", () => {
    expect(from("?lang=all").locale).toBeNull();
    expect(from("?lang=all", "en").locale).toBeNull();
    expect(from("?lang=ja", "en").locale).toBe("ja");
  });
});

describe("filterArticles", () => {
  const articles = [
    article({ slug: "a-beginner-old", tier: "beginner", published: "2025-06-01" }),
    article({ slug: "b-advanced", tier: "advanced", kind: "strategy", phase: "expansion", published: "2026-03-01" }),
    article({ slug: "c-intermediate", tier: "intermediate", kind: "concept", topics: ["health-scores"], phase: "adoption", published: "2026-02-01" }),
    article({ slug: "d-beginner-new", tier: "beginner", published: "2026-04-01", topics: ["health-scores", "onboarding-basics"] }),
    article({ slug: "e-members", tier: "beginner", visibility: "members", published: "2026-01-15" }),
    article({ slug: "f-champions", tier: "intermediate", visibility: "champions", published: "2026-01-15" }),
    article({ slug: "g-ja", locale: "ja", tier: "beginner", published: "2026-05-01" }),
  ];

  it("sorts beginner to advanced, then newest first", () => {
    expect(ids(filterArticles(articles, NO_FILTERS, ADMIN))).toEqual([
      "ja/g-ja",
      "en/d-beginner-new",
      "en/e-members",
      "en/a-beginner-old",
      "en/c-intermediate",
      "en/f-champions",
      "en/b-advanced",
    ]);
  });

  it("breaks ties of tier and date by id", () => {
    const tied = [article({ slug: "zeta" }), article({ slug: "alpha" }), article({ slug: "mid" })];
    expect(ids(filterArticles(tied, NO_FILTERS, null))).toEqual(["en/alpha", "en/mid", "en/zeta"]);
  });

  it("hides what the viewer may not open", () => {
    expect(ids(filterArticles(articles, NO_FILTERS, VISITOR))).not.toContain("en/e-members");
    expect(ids(filterArticles(articles, NO_FILTERS, VISITOR))).not.toContain("en/f-champions");
    expect(ids(filterArticles(articles, NO_FILTERS, MEMBER))).toContain("en/e-members");
    expect(ids(filterArticles(articles, NO_FILTERS, MEMBER))).not.toContain("en/f-champions");
    expect(ids(filterArticles(articles, NO_FILTERS, CHAMPION))).toContain("en/f-champions");
    expect(ids(filterArticles(articles, NO_FILTERS, CS))).toContain("en/f-champions");
    expect(filterArticles(articles, NO_FILTERS, VISITOR)).toHaveLength(5);
  });

  it("applies each filter", () => {
    expect(ids(filterArticles(articles, { ...NO_FILTERS, tier: "intermediate" }, ADMIN))).toEqual(["en/c-intermediate", "en/f-champions"]);
    expect(ids(filterArticles(articles, { ...NO_FILTERS, kind: "strategy" }, ADMIN))).toEqual(["en/b-advanced"]);
    expect(ids(filterArticles(articles, { ...NO_FILTERS, topic: "health-scores" }, ADMIN))).toEqual(["en/d-beginner-new", "en/c-intermediate"]);
    expect(ids(filterArticles(articles, { ...NO_FILTERS, phase: "adoption" }, ADMIN))).toEqual(["en/c-intermediate"]);
    expect(ids(filterArticles(articles, { ...NO_FILTERS, locale: "ja" }, ADMIN))).toEqual(["ja/g-ja"]);
    expect(filterArticles(articles, { ...NO_FILTERS, locale: "en" }, ADMIN)).toHaveLength(6);
  });

  it("combines filters and visibility", () => {
    const filters: LibraryFilters = { ...NO_FILTERS, tier: "beginner", locale: "en" };
    expect(ids(filterArticles(articles, filters, VISITOR))).toEqual(["en/d-beginner-new", "en/a-beginner-old"]);
    expect(ids(filterArticles(articles, { ...filters, kind: "concept" }, ADMIN))).toEqual([]);
  });

  it("does not reorder the caller's array", () => {
    const copy = [...articles];
    filterArticles(copy, NO_FILTERS, ADMIN);
    expect(copy).toEqual(articles);
  });
});

describe("pathProgress", () => {
  const p = path("basics", ["en/one", "en/two", "en/three"]);

  it("has nothing done at first", () => {
    expect(pathProgress(p, new Set())).toEqual({ done: 0, total: 3, percent: 0, nextId: "en/one", complete: false });
  });

  it("counts what is done, floors the percent and points at the first unread item", () => {
    expect(pathProgress(p, new Set(["en/one"]))).toEqual({ done: 1, total: 3, percent: 33, nextId: "en/two", complete: false });
    expect(pathProgress(p, new Set(["en/one", "en/two"]))).toEqual({ done: 2, total: 3, percent: 66, nextId: "en/three", complete: false });
    // Out of order: the next item is the first gap in reading order.
    expect(pathProgress(p, new Set(["en/two", "en/three"]))).toMatchObject({ done: 2, nextId: "en/one", complete: false });
  });

  it("ignores completions outside the path", () => {
    expect(pathProgress(p, new Set(["en/other", "ja/one"]))).toMatchObject({ done: 0, percent: 0, nextId: "en/one" });
  });

  it("is complete with no next item when all are done", () => {
    expect(pathProgress(p, new Set(["en/one", "en/two", "en/three", "en/extra"]))).toEqual({
      done: 3,
      total: 3,
      percent: 100,
      nextId: null,
      complete: true,
    });
  });

  it("treats an empty path as not started and not complete", () => {
    expect(pathProgress(path("empty", []), new Set(["en/one"]))).toEqual({ done: 0, total: 0, percent: 0, nextId: null, complete: false });
  });
});

describe("positionInPath", () => {
  const p = path("basics", ["en/one", "en/two", "en/three"]);

  it("gives the neighbours of the first, a middle and the last item", () => {
    expect(positionInPath(p, "en/one")).toEqual({ index: 0, previousId: null, nextId: "en/two" });
    expect(positionInPath(p, "en/two")).toEqual({ index: 1, previousId: "en/one", nextId: "en/three" });
    expect(positionInPath(p, "en/three")).toEqual({ index: 2, previousId: "en/two", nextId: null });
  });

  it("is null for an article outside the path", () => {
    expect(positionInPath(p, "en/four")).toBeNull();
    expect(positionInPath(p, "ja/one")).toBeNull();
  });
});

describe("recommendNext", () => {
  const base = (overrides: Partial<Parameters<typeof recommendNext>[0]> = {}) => ({
    articles: [] as ArticleMeta[],
    paths: [] as LearningPath[],
    completed: new Set<string>(),
    level: "beginner" as Tier,
    locale: "en" as Locale,
    viewer: MEMBER,
    ...overrides,
  });

  it("puts the next item of a started, unfinished path first, whatever its tier", () => {
    const articles = [
      article({ slug: "b1", phase: "onboarding" }),
      article({ slug: "p1", tier: "advanced" }),
      article({ slug: "p2", tier: "advanced", phase: "advocacy" }),
      article({ slug: "p3", tier: "advanced" }),
    ];
    const paths = [path("deep-dive", ["en/p1", "en/p2", "en/p3"], { tier: "advanced" })];
    expect(ids(recommendNext(base({ articles, paths, completed: new Set(["en/p1"]) })))).toEqual(["en/p2", "en/b1"]);
  });

  it("skips paths not started yet, finished ones and ones in another language", () => {
    const articles = [
      article({ slug: "x1", tier: "advanced" }),
      article({ slug: "x2", tier: "advanced" }),
      article({ slug: "y1", tier: "advanced" }),
      article({ slug: "y2", tier: "advanced" }),
      article({ slug: "z1", tier: "advanced", locale: "ja" }),
      article({ slug: "z2", tier: "advanced", locale: "ja" }),
      article({ slug: "b1" }),
    ];
    const paths = [
      path("not-started", ["en/x1", "en/x2"]),
      path("finished", ["en/y1", "en/y2"]),
      path("japanese", ["ja/z1", "ja/z2"], { locale: "ja" }),
    ];
    const completed = new Set(["en/y1", "en/y2", "ja/z1"]);
    expect(ids(recommendNext(base({ articles, paths, completed })))).toEqual(["en/b1"]);
  });

  it("gives one item per started path, in path order, without duplicates", () => {
    const articles = [article({ slug: "s1" }), article({ slug: "s2" }), article({ slug: "s3" }), article({ slug: "t1" })];
    const paths = [path("first", ["en/s1", "en/s2", "en/s3"]), path("second", ["en/t1", "en/s2"])];
    // Both paths lead to s2; the second path falls through to nothing new, then level articles follow.
    const result = ids(recommendNext(base({ articles, paths, completed: new Set(["en/s1", "en/t1"]) })));
    expect(result[0]).toBe("en/s2");
    expect(result).toEqual(["en/s2", "en/s3"]);
    expect(new Set(result).size).toBe(result.length);
  });

  it("never recommends completed or excluded articles", () => {
    const articles = [article({ slug: "one" }), article({ slug: "two" }), article({ slug: "three" }), article({ slug: "four" })];
    const paths = [path("basics", ["en/one", "en/two", "en/three"])];
    const result = ids(recommendNext(base({ articles, paths, completed: new Set(["en/one"]), exclude: new Set(["en/two"]) })));
    expect(result).not.toContain("en/one");
    expect(result).not.toContain("en/two");
    // The path's next item skips the excluded one.
    expect(result).toEqual(["en/three", "en/four"]);
  });

  it("only recommends articles in the viewer's language", () => {
    const articles = [article({ slug: "en-one" }), article({ slug: "ja-one", locale: "ja" }), article({ slug: "ja-two", locale: "ja" })];
    expect(ids(recommendNext(base({ articles })))).toEqual(["en/en-one"]);
    expect(ids(recommendNext(base({ articles, locale: "ja" })))).toEqual(["ja/ja-one", "ja/ja-two"]);
  });

  it("stays at the viewer's level while less than 75% of it is done", () => {
    const articles = [
      article({ slug: "b1" }),
      article({ slug: "b2" }),
      article({ slug: "b3" }),
      article({ slug: "b4" }),
      article({ slug: "i1", tier: "intermediate" }),
      article({ slug: "a1", tier: "advanced" }),
    ];
    expect(ids(recommendNext(base({ articles, completed: new Set(["en/b1", "en/b2"]) })))).toEqual(["en/b3", "en/b4"]);
    expect(ids(recommendNext(base({ articles, level: "intermediate" })))).toEqual(["en/i1"]);
  });

  it("adds the next tier up once 75% of the level is done, lower tier first", () => {
    const articles = [
      article({ slug: "b1" }),
      article({ slug: "b2" }),
      article({ slug: "b3" }),
      article({ slug: "b4" }),
      article({ slug: "i1", tier: "intermediate", phase: "onboarding" }),
      article({ slug: "a1", tier: "advanced" }),
    ];
    expect(ids(recommendNext(base({ articles, completed: new Set(["en/b1", "en/b2", "en/b3"]) })))).toEqual(["en/b4", "en/i1"]);
    expect(ids(recommendNext(base({ articles, completed: new Set(["en/b1", "en/b2", "en/b3", "en/b4"]) })))).toEqual(["en/i1"]);
  });

  it("counts the 75% within the viewer's language only", () => {
    const articles = [
      article({ slug: "b1" }),
      article({ slug: "b2" }),
      article({ slug: "j1", locale: "ja" }),
      article({ slug: "j2", locale: "ja" }),
      article({ slug: "j3", locale: "ja" }),
      article({ slug: "j4", locale: "ja" }),
      article({ slug: "i1", tier: "intermediate" }),
    ];
    // 1 of 2 English beginner articles done: 50%, however many Japanese ones are listed.
    expect(ids(recommendNext(base({ articles, completed: new Set(["en/b1"]) })))).toEqual(["en/b2"]);
    // Both English ones done: 100%.
    expect(ids(recommendNext(base({ articles, completed: new Set(["en/b1", "en/b2"]) })))).toEqual(["en/i1"]);
  });

  it("has nothing above advanced", () => {
    const articles = [article({ slug: "a1", tier: "advanced" }), article({ slug: "a2", tier: "advanced" }), article({ slug: "i1", tier: "intermediate" })];
    expect(ids(recommendNext(base({ articles, level: "advanced", completed: new Set(["en/a1"]) })))).toEqual(["en/a2"]);
    expect(ids(recommendNext(base({ articles, level: "advanced", completed: new Set(["en/a1", "en/a2"]) })))).toEqual([]);
  });

  it("orders level articles by lifecycle phase, then newest", () => {
    const articles = [
      article({ slug: "advocacy", phase: "advocacy", published: "2026-05-01" }),
      article({ slug: "adoption-old", phase: "adoption", published: "2025-01-01" }),
      article({ slug: "adoption-new", phase: "adoption", published: "2026-01-01" }),
      article({ slug: "onboarding", phase: "onboarding", published: "2024-01-01" }),
    ];
    expect(ids(recommendNext(base({ articles })))).toEqual(["en/onboarding", "en/adoption-new", "en/adoption-old", "en/advocacy"]);
  });

  it("never recommends an article the viewer cannot open, not even as a path's next item", () => {
    const articles = [
      article({ slug: "p1" }),
      article({ slug: "p2-champions", visibility: "champions" }),
      article({ slug: "p3" }),
      article({ slug: "members-only", visibility: "members" }),
      article({ slug: "open" }),
    ];
    const paths = [path("mixed", ["en/p1", "en/p2-champions", "en/p3"])];
    const completed = new Set(["en/p1"]);
    expect(ids(recommendNext(base({ articles, paths, completed, viewer: MEMBER })))).toEqual(["en/p3", "en/members-only", "en/open"]);
    expect(ids(recommendNext(base({ articles, paths, completed, viewer: VISITOR })))).toEqual(["en/p3", "en/open"]);
    expect(ids(recommendNext(base({ articles, paths, completed, viewer: CHAMPION })))).toEqual(["en/p2-champions", "en/members-only", "en/open", "en/p3"]);
  });

  it("returns at most `limit` articles, 4 by default", () => {
    const articles = Array.from({ length: 10 }, (_, i) => article({ slug: `b${i}`, published: `2026-01-${String(10 + i)}` }));
    expect(recommendNext(base({ articles }))).toHaveLength(4);
    expect(ids(recommendNext(base({ articles, limit: 2 })))).toEqual(["en/b9", "en/b8"]);
    expect(recommendNext(base({ articles, limit: 0 }))).toEqual([]);
    expect(recommendNext(base({ articles, limit: 20 }))).toHaveLength(10);
  });

  it("keeps path items ahead of level articles when the limit cuts the list", () => {
    const articles = [article({ slug: "b1" }), article({ slug: "b2" }), article({ slug: "q1", tier: "advanced" }), article({ slug: "q2", tier: "advanced" })];
    const paths = [path("advanced-path", ["en/q1", "en/q2"])];
    expect(ids(recommendNext(base({ articles, paths, completed: new Set(["en/q1"]), limit: 1 })))).toEqual(["en/q2"]);
  });
});
