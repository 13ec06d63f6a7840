import path from "node:path";

/** Where the content build writes and the server reads compiled content. */
export function contentCacheDir(): string {
  return path.resolve(process.env.CONTENT_CACHE_DIR ?? ".cache/content");
}

export function contentSourceDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? "content");
}
