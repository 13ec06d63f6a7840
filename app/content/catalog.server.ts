// Read side of the content cache: the manifest (all metadata) lives in memory; each article's
// compiled code is read from disk on first use and kept. In development the manifest is
// re-read when `content:watch` rewrites it, so edits show up on the next request.
import fs from "node:fs";
import path from "node:path";
import { contentCacheDir } from "./cache-dir.server";
import type { ArticleMeta, ContentManifest, LearningPath } from "./model";

export type Catalog = ContentManifest & {
  byId: Map<string, ArticleMeta>;
  pathsById: Map<string, LearningPath>;
};

type Loaded = { catalog: Catalog; mtimeMs: number; checkedAt: number };

declare global {
  var __kizunaCatalog: Loaded | undefined;
  var __kizunaCode: Map<string, string> | undefined;
}

const RECHECK_MS = 1_000;

export class ContentNotBuiltError extends Error {
  constructor(dir: string) {
    super(`No compiled content in ${dir}: run "npm run content:build" (npm run build does it too).`);
  }
}

export function getCatalog(): Catalog {
  const dir = contentCacheDir();
  const file = path.join(dir, "manifest.json");
  const loaded = globalThis.__kizunaCatalog;
  const now = Date.now();
  if (loaded && (process.env.NODE_ENV === "production" || now - loaded.checkedAt < RECHECK_MS)) return loaded.catalog;

  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ContentNotBuiltError(dir);
  }
  if (loaded && loaded.mtimeMs === stat.mtimeMs) {
    loaded.checkedAt = now;
    return loaded.catalog;
  }
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as ContentManifest;
  const catalog: Catalog = {
    ...manifest,
    byId: new Map(manifest.articles.map((a) => [a.id, a])),
    pathsById: new Map(manifest.paths.map((p) => [p.id, p])),
  };
  globalThis.__kizunaCatalog = { catalog, mtimeMs: stat.mtimeMs, checkedAt: now };
  return catalog;
}

/** The compiled MDX of one article. Call only after the viewer has been allowed to open it. */
export function readArticleCode(article: ArticleMeta): string {
  const cache = (globalThis.__kizunaCode ??= new Map());
  let code = cache.get(article.hash);
  if (code === undefined) {
    code = fs.readFileSync(path.join(contentCacheDir(), "code", `${article.hash}.js`), "utf8");
    cache.set(article.hash, code);
  }
  return code;
}

/** The article's body as plain text (written by the content build), for the search index. */
export function readArticleText(article: ArticleMeta): string {
  try {
    return fs.readFileSync(path.join(contentCacheDir(), "text", `${article.hash}.txt`), "utf8");
  } catch {
    // A cache from before the text files existed: the title and summary are still searchable.
    return "";
  }
}

/** The same article in the other languages, by translation key. */
export function translationsOf(catalog: Catalog, article: ArticleMeta): ArticleMeta[] {
  if (!article.translationKey) return [];
  return catalog.articles.filter((a) => a.translationKey === article.translationKey && a.locale !== article.locale);
}
