// Validates and compiles content/ into the cache the server reads.
//   npm run content:build            compile what changed since the last build
//   npm run content:build -- --force recompile everything
//   npm run content:watch            rebuild on every change (use beside `npm run dev`)
import fs from "node:fs";
import { buildContent, ContentBuildError } from "~/content/build.server";
import { contentCacheDir, contentSourceDir } from "~/content/cache-dir.server";
import { createProgress } from "./lib/progress";

const args = new Set(process.argv.slice(2));
const contentDir = contentSourceDir();
const outDir = contentCacheDir();

async function buildOnce(force: boolean): Promise<boolean> {
  let progress: ReturnType<typeof createProgress> | null = null;
  try {
    const { manifest, compiled, reused } = await buildContent({
      contentDir,
      outDir,
      force,
      onProgress: (done, total) => {
        progress ??= createProgress("content", total);
        progress.update(done);
      },
    });
    (progress as ReturnType<typeof createProgress> | null)?.done();
    console.log(
      `Content: ${manifest.articles.length} articles, ${manifest.paths.length} paths (${compiled} compiled, ${reused} unchanged) → ${outDir}`,
    );
    return true;
  } catch (error) {
    if (progress) process.stdout.write("\n");
    if (error instanceof ContentBuildError) console.error(error.message);
    else console.error(error);
    return false;
  }
}

if (args.has("--watch")) {
  await buildOnce(false);
  console.log(`Watching ${contentDir} for changes…`);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  fs.watch(contentDir, { recursive: true }, () => {
    clearTimeout(timer);
    // Editors write files in bursts; wait for the burst to end, and never build twice at once.
    timer = setTimeout(() => {
      running = running.then(() => buildOnce(false).then(() => undefined));
    }, 150);
  });
} else {
  const ok = await buildOnce(args.has("--force"));
  process.exit(ok ? 0 : 1);
}
