import { describe, expect, it } from "vitest";
import { articleFrontMatterSchema, describeIssues, pathSchema, topicsSchema } from "./front-matter";

const TOPICS = ["onboarding-basics", "health-scores"] as const;
const schema = articleFrontMatterSchema(TOPICS);

const VALID = {
  slug: "first-steps",
  title: "First steps",
  summary: "How to get a new account going.",
  tier: "beginner",
  kind: "how-to",
  topics: ["onboarding-basics"],
  phase: "onboarding",
  locale: "ja",
  translationKey: "first-steps",
  minutes: 5,
  visibility: "public",
  published: "2026-04-10",
  video: { url: "/content-media/intro.webm", seconds: 90 },
};

type Input = Record<string, unknown>;

function withField(field: string, value: unknown): Input {
  if (field.startsWith("video.")) return { ...VALID, video: { ...VALID.video, [field.slice("video.".length)]: value } };
  return { ...VALID, [field]: value };
}

function without(field: string): Input {
  if (field.startsWith("video.")) {
    const video: Input = { ...VALID.video };
    delete video[field.slice("video.".length)];
    return { ...VALID, video };
  }
  const copy: Input = { ...VALID };
  delete copy[field];
  return copy;
}

/** The messages an author would see for `input`; [] when it parses. */
function problems(input: unknown, s: { safeParse: typeof schema.safeParse } = schema): string[] {
  const parsed = s.safeParse(input);
  return parsed.success ? [] : describeIssues(parsed.error, input);
}

describe("articleFrontMatterSchema", () => {
  it("accepts a valid article and keeps its values", () => {
    const parsed = schema.safeParse(VALID);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(VALID);
  });

  it("accepts an article without the optional translationKey and video", () => {
    const input = without("video");
    delete input.translationKey;
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.video).toBeUndefined();
    expect(parsed.data?.translationKey).toBeUndefined();
  });

  // One or more bad values per field, with the message the author sees.
  const BAD: Array<[field: string, value: unknown, message: string | RegExp]> = [
    ["slug", "First Steps", 'slug: use lowercase letters, digits and single hyphens, got "First Steps"'],
    ["slug", "first--steps", /^slug: use lowercase letters/],
    ["slug", "-first", /^slug: use lowercase letters/],
    ["slug", 42, "slug: expected string, got number"],
    ["title", "   ", "title: must not be empty"],
    ["title", "x".repeat(121), "title: at most 120 characters"],
    ["summary", "", "summary: must not be empty"],
    ["summary", "x".repeat(301), "summary: at most 300 characters"],
    ["tier", "expert", 'tier: expected one of beginner | intermediate | advanced, got "expert"'],
    ["kind", "tutorial", 'kind: expected one of how-to | concept | strategy | case-study, got "tutorial"'],
    ["topics", [], "topics: needs at least 1 item(s)"],
    ["topics", ["onboarding-basics", "health-scores", "onboarding-basics", "health-scores", "onboarding-basics"], "topics: at most 4 item(s)"],
    ["topics", "onboarding-basics", "topics: expected array, got string"],
    ["phase", "retention", 'phase: expected one of onboarding | adoption | expansion | advocacy, got "retention"'],
    ["locale", "fr", 'locale: expected one of ja | en, got "fr"'],
    ["translationKey", "First_Steps", /^translationKey: use lowercase letters/],
    ["minutes", 0, "minutes: must be at least 1"],
    ["minutes", 121, "minutes: must be at most 120"],
    ["minutes", 2.5, "minutes: expected integer, got float"],
    ["minutes", "5", "minutes: expected number, got string"],
    ["visibility", "private", 'visibility: expected one of public | members | champions, got "private"'],
    ["published", "2026-02-30", 'published: not a real date, got "2026-02-30"'],
    ["published", "10/04/2026", 'published: use YYYY-MM-DD, got "10/04/2026"'],
    ["published", 20260410, "published: expected string, got number"],
    ["video.url", "javascript:alert(1)", /^video\.url: use \/content-media\/<file>\.webm\|\.mp4 or an https URL/],
    ["video.url", "http://x/v.mp4", /^video\.url: use \/content-media/],
    ["video.seconds", 0, "video.seconds: must be at least 1"],
    ["video.seconds", 4 * 60 * 60 + 1, "video.seconds: must be at most 14400"],
    ["video.seconds", 1.5, "video.seconds: expected integer, got float"],
  ];

  it.each(BAD)("rejects %s = %j", (field, value, message) => {
    const messages = problems(withField(field, value));
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m.startsWith(`${field}: `), m).toBe(true);
    if (typeof message === "string") expect(messages[0]).toBe(message);
    else expect(messages[0]).toMatch(message);
  });

  it("reports a badly formatted date once, and an impossible one as not real", () => {
    expect(problems({ ...VALID, published: "10/04/2026" })).toEqual(['published: use YYYY-MM-DD, got "10/04/2026"']);
    expect(problems({ ...VALID, published: "2026-02-30" })).toEqual(['published: not a real date, got "2026-02-30"']);
  });

  it("has at least one rejected value for every field", () => {
    const covered = new Set(BAD.map(([field]) => field));
    const fields = [...Object.keys(VALID).filter((k) => k !== "video"), ...Object.keys(VALID.video).map((k) => `video.${k}`)];
    expect(fields).toHaveLength(14);
    for (const field of fields) expect(covered, field).toContain(field);
  });

  const REQUIRED = ["slug", "title", "summary", "tier", "kind", "topics", "phase", "locale", "minutes", "visibility", "published", "video.url", "video.seconds"];

  it.each(REQUIRED)("says %s is required when it is missing", (field) => {
    expect(problems(without(field))).toEqual([`${field}: is required`]);
  });

  it("reports every problem of a file, not just the first", () => {
    const messages = problems({ ...without("title"), tier: "expert", minutes: 0 });
    expect(messages).toHaveLength(3);
    expect(messages).toEqual(
      expect.arrayContaining(["title: is required", 'tier: expected one of beginner | intermediate | advanced, got "expert"', "minutes: must be at least 1"]),
    );
  });

  it("rejects unknown fields at the top level and inside video", () => {
    expect(problems({ ...VALID, author: "sato" })).toEqual(["(front matter): unknown field(s) author"]);
    expect(problems({ ...VALID, video: { ...VALID.video, poster: "/content-media/p.png" } })).toEqual(["video: unknown field(s) poster"]);
  });

  it("rejects a topic missing from topics.yml and says where to add it", () => {
    const messages = problems({ ...VALID, topics: ["onboarding-basics", "churn"] });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^topics\.1: unknown topic "churn"/);
    expect(messages[0]).toContain("topics.yml");
  });

  it("checks topics against the ids it was built with", () => {
    expect(problems({ ...VALID, topics: ["churn"] }, articleFrontMatterSchema(["churn"]))).toEqual([]);
    expect(problems({ ...VALID, topics: ["onboarding-basics"] }, articleFrontMatterSchema([]))).toHaveLength(1);
  });

  it("accepts published as a YYYY-MM-DD string or a Date from YAML, and yields the string", () => {
    expect(schema.parse({ ...VALID, published: "2026-04-10" }).published).toBe("2026-04-10");
    expect(schema.parse({ ...VALID, published: new Date("2026-04-10T00:00:00Z") }).published).toBe("2026-04-10");
    expect(schema.parse({ ...VALID, published: "2024-02-29" }).published).toBe("2024-02-29");
  });

  it("rejects dates that do not exist", () => {
    for (const date of ["2026-02-30", "2025-02-29", "2026-13-01", "2026-04-31", "2026-00-10"]) {
      expect(problems({ ...VALID, published: date }), date).toEqual([`published: not a real date, got "${date}"`]);
    }
  });

  it.each(["/content-media/x.webm", "/content-media/intro-2.mp4", "https://cdn.example.com/v.mp4", "https://cdn.example.com/a/b.webm?sig=abc&t=1"])(
    "accepts video url %s",
    (url) => {
      expect(problems(withField("video.url", url))).toEqual([]);
    },
  );

  it.each([
    "javascript:alert(1)",
    "http://x/v.mp4",
    "https://cdn.example.com/v.mov",
    "https://cdn.example.com/v.mp4 onerror=x",
    "/content-media/sub/x.webm",
    "/other/x.webm",
    "//cdn.example.com/v.mp4",
    "",
  ])("rejects video url %j", (url) => {
    const messages = problems(withField("video.url", url));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^video\.url: /);
  });
});

describe("pathSchema", () => {
  const PATH = {
    slug: "getting-started",
    title: "Getting started",
    description: "The first three things to read.",
    tier: "beginner",
    items: ["first-steps", "health-scores-101"],
  };
  const pathProblems = (input: unknown) => {
    const parsed = pathSchema.safeParse(input);
    return parsed.success ? [] : describeIssues(parsed.error, input);
  };

  it("accepts a valid path, with or without a translationKey", () => {
    expect(pathProblems(PATH)).toEqual([]);
    expect(pathProblems({ ...PATH, translationKey: "getting-started" })).toEqual([]);
  });

  it("needs at least two items", () => {
    expect(pathProblems({ ...PATH, items: ["first-steps"] })).toEqual(["items: needs at least 2 item(s)"]);
    expect(pathProblems({ ...PATH, items: [] })).toEqual(["items: needs at least 2 item(s)"]);
  });

  it("accepts at most 30 items", () => {
    const items = Array.from({ length: 31 }, (_, i) => `article-${i}`);
    expect(pathProblems({ ...PATH, items: items.slice(0, 30) })).toEqual([]);
    expect(pathProblems({ ...PATH, items })).toEqual(["items: at most 30 item(s)"]);
  });

  it("needs valid slugs as items", () => {
    const messages = pathProblems({ ...PATH, items: ["first-steps", "ja/health-scores"] });
    expect(messages).toEqual(['items.1: use lowercase letters, digits and single hyphens, got "ja/health-scores"']);
  });

  it("rejects unknown fields and reports missing ones", () => {
    expect(pathProblems({ ...PATH, articles: [] })).toEqual(["(front matter): unknown field(s) articles"]);
    const { description: _description, ...noDescription } = PATH;
    expect(pathProblems(noDescription)).toEqual(["description: is required"]);
    expect(pathProblems({ ...PATH, tier: "expert" })).toEqual(['tier: expected one of beginner | intermediate | advanced, got "expert"']);
  });
});

describe("topicsSchema", () => {
  const topicProblems = (input: unknown) => {
    const parsed = topicsSchema.safeParse(input);
    return parsed.success ? [] : describeIssues(parsed.error, input);
  };

  it("accepts slug ids with a Japanese and an English label", () => {
    expect(topicProblems({ "health-scores": { ja: "ヘルススコア", en: "Health scores" } })).toEqual([]);
  });

  it("rejects a bad id, a missing label, an empty label and unknown keys", () => {
    expect(topicProblems({ "Health Scores": { ja: "ヘルススコア", en: "Health scores" } })).toEqual([
      'Health Scores: use lowercase letters, digits and single hyphens, got {"ja":"ヘルススコア","en":"Health scores"}',
    ]);
    expect(topicProblems({ "health-scores": { ja: "ヘルススコア" } })).toEqual(["health-scores.en: is required"]);
    expect(topicProblems({ "health-scores": { ja: " ", en: "Health scores" } })).toEqual(["health-scores.ja: must not be empty"]);
    expect(topicProblems({ "health-scores": { ja: "ヘルススコア", en: "Health scores", fr: "Santé" } })).toEqual([
      "health-scores: unknown field(s) fr",
    ]);
  });
});
