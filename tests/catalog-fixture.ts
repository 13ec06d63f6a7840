// A content catalog for database tests without compiling MDX: writes just the manifest the
// server reads (app/content/catalog.server.ts) into a temporary cache directory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ArticleMeta, ContentManifest, LearningPath } from "~/content/model";

export function useTestCatalog(articles: ArticleMeta[], paths: LearningPath[] = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kizuna-catalog-"));
  const manifest: ContentManifest = {
    version: 1,
    builtAt: new Date().toISOString(),
    topics: { "onboarding-basics": { ja: "はじめての方へ", en: "Getting started" } },
    articles,
    paths,
  };
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  process.env.CONTENT_CACHE_DIR = dir;
  globalThis.__kizunaCatalog = undefined;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
