// The real library in content/ meets the bar the product promises: enough articles at every
// level and kind, in both languages, with translations linked and at least three paths.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildContent } from "~/content/build.server";
import { KINDS, PHASES, TIERS, type ContentManifest } from "~/content/model";

let manifest: ContentManifest;
let outDir: string;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "kizuna-library-"));
  ({ manifest } = await buildContent({ contentDir: path.resolve("content"), outDir }));
}, 120_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe("the demo library", () => {
  it("has at least 24 articles across every tier, kind and phase, in both languages", () => {
    expect(manifest.articles.length).toBeGreaterThanOrEqual(24);
    for (const tier of TIERS) expect(manifest.articles.some((a) => a.tier === tier)).toBe(true);
    for (const kind of KINDS) expect(manifest.articles.some((a) => a.kind === kind)).toBe(true);
    for (const phase of PHASES) expect(manifest.articles.some((a) => a.phase === phase)).toBe(true);
    expect(new Set(manifest.articles.map((a) => a.locale))).toEqual(new Set(["ja", "en"]));
    expect(new Set(manifest.articles.map((a) => a.visibility))).toEqual(new Set(["public", "members", "champions"]));
  });

  it("has at least 8 translated pairs", () => {
    const keys = manifest.articles.filter((a) => a.translationKey).map((a) => `${a.translationKey}`);
    const pairs = [...new Set(keys)].filter((key) => manifest.articles.filter((a) => a.translationKey === key).length === 2);
    expect(pairs.length).toBeGreaterThanOrEqual(8);
  });

  it("has at least 3 learning paths in each language, and a video", () => {
    expect(manifest.paths.filter((p) => p.locale === "ja").length).toBeGreaterThanOrEqual(3);
    expect(manifest.paths.filter((p) => p.locale === "en").length).toBeGreaterThanOrEqual(3);
    expect(manifest.articles.some((a) => a.video)).toBe(true);
  });

  it("gives every article a table of contents", () => {
    for (const article of manifest.articles) expect(article.toc.length, article.id).toBeGreaterThanOrEqual(3);
  });
});
