// The content build on small throwaway libraries: what it produces, what it refuses, and that a
// re-run only compiles what changed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildContent, ContentBuildError } from "~/content/build.server";

let root: string;
const contentDir = () => path.join(root, "content");
const outDir = () => path.join(root, "cache");

function write(relative: string, text: string) {
  const file = path.join(contentDir(), relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function article(slug: string, overrides: Record<string, string> = {}, body = "## 最初の見出し\n\n本文です。\n\n### 小見出し\n\n<Callout type=\"tip\">ヒント</Callout>\n") {
  const fields: Record<string, string> = {
    slug,
    title: `タイトル ${slug}`,
    summary: "要約です。",
    tier: "beginner",
    kind: "concept",
    topics: "[lead-scoring]",
    phase: "onboarding",
    locale: "ja",
    minutes: "5",
    visibility: "public",
    published: "2026-04-10",
    ...overrides,
  };
  const frontMatter = Object.entries(fields)
    .filter(([, value]) => value !== "")
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n");
  return `---\n${frontMatter}\n---\n\n${body}`;
}

async function expectProblems(...fragments: string[]) {
  const error = await buildContent({ contentDir: contentDir(), outDir: outDir() }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ContentBuildError);
  for (const fragment of fragments) expect((error as Error).message).toContain(fragment);
  return error as ContentBuildError;
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "kizuna-content-"));
  write("topics.yml", "lead-scoring: { ja: リードスコアリング, en: Lead scoring }\n");
  write("articles/ja/first.mdx", article("first", { translationKey: "first" }));
  write("articles/en/first.mdx", article("first", { locale: "en", translationKey: "first", title: "First" }));
  write("articles/ja/second.mdx", article("second", { tier: "advanced", visibility: "members" }));
  write("paths/ja/basics.yml", "slug: basics\ntitle: 基本\ndescription: はじめに\ntier: beginner\nitems: [first, second]\n");
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("content build", () => {
  it("compiles articles with their table of contents, and paths with article ids", async () => {
    const { manifest, compiled } = await buildContent({ contentDir: contentDir(), outDir: outDir() });
    expect(compiled).toBe(3);
    expect(manifest.articles.map((a) => a.id)).toEqual(["en/first", "ja/first", "ja/second"]);
    const first = manifest.articles.find((a) => a.id === "ja/first")!;
    expect(first.toc).toEqual([
      { id: "最初の見出し", text: "最初の見出し", depth: 2 },
      { id: "小見出し", text: "小見出し", depth: 3 },
    ]);
    expect(manifest.paths).toEqual([expect.objectContaining({ id: "ja/basics", items: ["ja/first", "ja/second"] })]);
    const code = fs.readFileSync(path.join(outDir(), "code", `${first.hash}.js`), "utf8");
    expect(code).toContain("最初の見出し");
    expect(fs.existsSync(path.join(outDir(), "manifest.json"))).toBe(true);
  });

  it("recompiles only what changed on a re-run", async () => {
    await buildContent({ contentDir: contentDir(), outDir: outDir() });
    write("articles/ja/second.mdx", article("second", { tier: "advanced" }, "## 変更後\n\n新しい本文。\n"));
    const again = await buildContent({ contentDir: contentDir(), outDir: outDir() });
    expect({ compiled: again.compiled, reused: again.reused }).toEqual({ compiled: 1, reused: 2 });
    // The superseded compiled file is cleaned up.
    expect(fs.readdirSync(path.join(outDir(), "code"))).toHaveLength(3);
  });

  it("fails on broken MDX, naming the file and the line", async () => {
    write("articles/ja/broken.mdx", article("broken", {}, "## 見出し\n\n<Callout type=\"tip\">閉じていない\n"));
    const error = await expectProblems("content/articles/ja/broken.mdx", "MDX could not be compiled");
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.message).toMatch(/line \d+/);
  });

  it("fails on bad front matter, naming the file and the field", async () => {
    write("articles/ja/bad.mdx", article("bad", { tier: "expert", minutes: "0", topics: "[unknown-topic]" }));
    await expectProblems(
      "content/articles/ja/bad.mdx: tier: expected one of beginner | intermediate | advanced, got \"expert\"",
      "content/articles/ja/bad.mdx: minutes: must be at least 1",
      'unknown topic "unknown-topic"',
    );
  });

  it("refuses a slug that differs from the file name, a wrong locale folder and a missing field", async () => {
    write("articles/ja/named.mdx", article("other-name"));
    write("articles/ja/english.mdx", article("english", { locale: "en" }));
    write("articles/ja/nosummary.mdx", article("nosummary", { summary: "" }));
    await expectProblems('slug: "other-name" must equal the file name', 'locale: "en" does not match the folder "ja"', "nosummary.mdx: summary: is required");
  });

  it("refuses unknown components, imports, missing media and a <Video /> without a video", async () => {
    write("articles/ja/parts.mdx", article("parts", {}, "## A\n\n<Chart />\n\n![図](/content-media/missing.svg)\n\n<Video />\n"));
    write("articles/ja/imports.mdx", article("imports", {}, "import X from './x'\n\n## A\n"));
    await expectProblems("unknown component <Chart>", "media file not found: content/media/missing.svg", "<Video /> is used but the front matter has no video", "import/export statements are not allowed");
  });

  it("refuses a path that lists an article that does not exist in its language", async () => {
    write("paths/ja/broken.yml", "slug: broken\ntitle: 壊れた\ndescription: x\ntier: beginner\nitems: [first, nowhere]\n");
    await expectProblems('content/paths/ja/broken.yml: items: no ja article with slug "nowhere"');
  });

  it("leaves the previous build in place when a build fails", async () => {
    await buildContent({ contentDir: contentDir(), outDir: outDir() });
    const before = fs.readFileSync(path.join(outDir(), "manifest.json"), "utf8");
    write("articles/ja/broken.mdx", article("broken", {}, "<Callout>\n"));
    await expectProblems("broken.mdx");
    expect(fs.readFileSync(path.join(outDir(), "manifest.json"), "utf8")).toBe(before);
  });
});
