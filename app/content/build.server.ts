// The content build: validates everything in content/ and compiles each article's MDX once into
// a cache the server reads (.cache/content by default). Nothing is compiled on a request.
// Articles whose source has not changed since the last build are reused, so re-runs are cheap;
// the manifest is written last and atomically, so a failed build leaves the previous one serving.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import { parse as parseYaml } from "yaml";
import { LOCALES, type Locale } from "~/i18n/locales";
import { plainText } from "~/markdown/plain-text";
import { articleFrontMatterSchema, describeIssues, pathSchema, topicsSchema } from "./front-matter";
import { rehypeCollectHeadings } from "./headings";
import { MDX_COMPONENT_NAMES } from "./mdx-component-names";
import { articleId, type ArticleMeta, type ContentManifest, type LearningPath, type TocEntry, type TopicLabels } from "./model";

/** Bump when the compile step changes in a way that makes old cached code stale. */
const COMPILER_VERSION = 2;
export const MANIFEST_VERSION = 1;

export type ContentProblem = { file: string; message: string };

export class ContentBuildError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Content build failed (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  ${p.file}: ${p.message}`).join("\n"),
    );
    this.name = "ContentBuildError";
  }
}

export type BuildOptions = {
  contentDir: string;
  outDir: string;
  /** Recompile every article even when its source is unchanged. */
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
};

export type BuildResult = { manifest: ContentManifest; compiled: number; reused: number };

type SourceArticle = { file: string; source: string; meta: Omit<ArticleMeta, "toc" | "hash"> };

export async function buildContent(options: BuildOptions): Promise<BuildResult> {
  const { contentDir, outDir } = options;
  const problems: ContentProblem[] = [];
  const rel = (file: string) => path.relative(path.dirname(contentDir), file);

  const topics = await readTopics(contentDir, problems, rel);
  const mediaFiles = new Set(await listFiles(path.join(contentDir, "media")));
  const articles = await readArticles(contentDir, Object.keys(topics), mediaFiles, problems, rel);
  const paths = await readPaths(contentDir, articles, problems, rel);
  if (problems.length) throw new ContentBuildError(problems);

  const previous = await readManifest(outDir);
  const previousById = new Map(previous?.articles.map((a) => [a.id, a]));
  const built: ArticleMeta[] = [];
  let compiled = 0;
  let reused = 0;
  let done = 0;
  await fs.mkdir(path.join(outDir, "code"), { recursive: true });
  await fs.mkdir(path.join(outDir, "text"), { recursive: true });

  await forEachLimited(articles, 4, async (article) => {
    const hash = sha256(`${COMPILER_VERSION}\n${article.source}`);
    const codeFile = path.join(outDir, "code", `${hash}.js`);
    // The body as plain text, for the search index (cheap, so written on every build).
    await fs.writeFile(path.join(outDir, "text", `${hash}.txt`), plainText(splitFrontMatter(article.source)?.body ?? ""));
    const old = previousById.get(article.meta.id);
    if (!options.force && old?.hash === hash && (await exists(codeFile))) {
      built.push({ ...article.meta, toc: old.toc, hash });
      reused++;
    } else {
      try {
        const { code, toc } = await compileArticle(article.source, path.dirname(article.file));
        await fs.writeFile(codeFile, code);
        built.push({ ...article.meta, toc, hash });
        compiled++;
      } catch (error) {
        problems.push({ file: rel(article.file), message: describeCompileError(error) });
      }
    }
    options.onProgress?.(++done, articles.length);
  });
  if (problems.length) throw new ContentBuildError(problems);

  built.sort((a, b) => a.id.localeCompare(b.id));
  const manifest: ContentManifest = { version: MANIFEST_VERSION, builtAt: new Date().toISOString(), topics, articles: built, paths };
  const tmp = path.join(outDir, `manifest.${process.pid}.tmp`);
  await fs.writeFile(tmp, JSON.stringify(manifest));
  await fs.rename(tmp, path.join(outDir, "manifest.json"));
  await removeStale(path.join(outDir, "code"), new Set(built.map((a) => `${a.hash}.js`)));
  await removeStale(path.join(outDir, "text"), new Set(built.map((a) => `${a.hash}.txt`)));
  return { manifest, compiled, reused };
}

async function compileArticle(source: string, cwd: string): Promise<{ code: string; toc: TocEntry[] }> {
  const toc: TocEntry[] = [];
  const { code } = await bundleMDX({
    source,
    cwd,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
      options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeCollectHeadings(toc)];
      return options;
    },
    esbuildOptions(options) {
      options.minify = true;
      options.logLevel = "silent"; // errors are reported by the build, with the file name
      options.target = "es2020";
      options.charset = "utf8"; // keep Japanese readable (and smaller) instead of \u escapes
      return options;
    },
  });
  return { code, toc };
}

function describeCompileError(error: unknown): string {
  // esbuild wraps MDX errors; its first message carries the line and column in the file.
  const errors = (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors;
  const first = errors?.[0];
  if (first) {
    const text = first.text.replace(/^\[plugin: [^\]]+\]\s*/, "").split("\n")[0];
    return `${first.location ? `line ${first.location.line}:${first.location.column}: ` : ""}MDX could not be compiled: ${text}`;
  }
  return `MDX could not be compiled: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
}

async function readTopics(contentDir: string, problems: ContentProblem[], rel: (f: string) => string): Promise<TopicLabels> {
  const file = path.join(contentDir, "topics.yml");
  const raw = await readYamlFile(file, problems, rel);
  if (raw === undefined) return {};
  const parsed = topicsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const message of describeIssues(parsed.error, raw)) problems.push({ file: rel(file), message });
    return {};
  }
  return parsed.data;
}

async function readArticles(
  contentDir: string,
  topicIds: string[],
  mediaFiles: Set<string>,
  problems: ContentProblem[],
  rel: (f: string) => string,
): Promise<SourceArticle[]> {
  const schema = articleFrontMatterSchema(topicIds);
  const root = path.join(contentDir, "articles");
  const articles: SourceArticle[] = [];
  for (const entry of await listFiles(root, true)) {
    const file = path.join(root, entry);
    const [folder, name, ...rest] = entry.split(path.sep);
    if (rest.length || !name || !name.endsWith(".mdx") || !LOCALES.includes(folder as Locale)) {
      problems.push({ file: rel(file), message: `articles go in content/articles/<${LOCALES.join("|")}>/<slug>.mdx` });
      continue;
    }
    const source = await fs.readFile(file, "utf8");
    const split = splitFrontMatter(source);
    if (!split) {
      problems.push({ file: rel(file), message: "missing front matter: the file must start with a --- block" });
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(split.frontMatter);
    } catch (error) {
      problems.push({ file: rel(file), message: `front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}` });
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const message of describeIssues(parsed.error, raw)) problems.push({ file: rel(file), message });
      continue;
    }
    const fm = parsed.data;
    const report = (message: string) => problems.push({ file: rel(file), message });
    if (fm.slug !== name.slice(0, -".mdx".length)) report(`slug: "${fm.slug}" must equal the file name "${name}" without .mdx`);
    if (fm.locale !== folder) report(`locale: "${fm.locale}" does not match the folder "${folder}"`);
    const body = withoutCode(split.body);
    if (/^\s*(import|export)\s/m.test(body)) report("import/export statements are not allowed: the components are available without importing");
    for (const [, component] of body.matchAll(/<([A-Z][A-Za-z0-9]*)/g)) {
      if (!(MDX_COMPONENT_NAMES as readonly string[]).includes(component!)) report(`unknown component <${component}> (available: ${MDX_COMPONENT_NAMES.join(", ")})`);
    }
    const videoInBody = /<Video\b/.test(body);
    if (videoInBody && !fm.video) report("<Video /> is used but the front matter has no video");
    const media = [...body.matchAll(/\/content-media\/([^\s)"'>]+)/g)].map((m) => m[1]!);
    if (fm.video?.url.startsWith("/content-media/")) media.push(fm.video.url.slice("/content-media/".length));
    for (const asset of media) if (!mediaFiles.has(asset)) report(`media file not found: content/media/${asset}`);
    articles.push({
      file,
      source,
      meta: {
        id: articleId(fm.locale, fm.slug),
        slug: fm.slug,
        locale: fm.locale,
        title: fm.title,
        summary: fm.summary,
        tier: fm.tier,
        kind: fm.kind,
        topics: fm.topics,
        phase: fm.phase,
        translationKey: fm.translationKey ?? null,
        minutes: fm.minutes,
        visibility: fm.visibility,
        published: fm.published,
        video: fm.video ?? null,
        videoInBody,
      },
    });
  }
  const byKey = new Map<string, SourceArticle>();
  for (const article of articles) {
    if (!article.meta.translationKey) continue;
    const key = `${article.meta.locale}:${article.meta.translationKey}`;
    const other = byKey.get(key);
    if (other) problems.push({ file: rel(article.file), message: `translationKey: "${article.meta.translationKey}" is already used by ${rel(other.file)} in the same locale` });
    else byKey.set(key, article);
  }
  return articles;
}

async function readPaths(
  contentDir: string,
  articles: SourceArticle[],
  problems: ContentProblem[],
  rel: (f: string) => string,
): Promise<LearningPath[]> {
  const root = path.join(contentDir, "paths");
  const known = new Set(articles.map((a) => a.meta.id));
  const paths: LearningPath[] = [];
  for (const entry of await listFiles(root, true)) {
    const file = path.join(root, entry);
    const [folder, name, ...rest] = entry.split(path.sep);
    if (rest.length || !name || !name.endsWith(".yml") || !LOCALES.includes(folder as Locale)) {
      problems.push({ file: rel(file), message: `paths go in content/paths/<${LOCALES.join("|")}>/<slug>.yml` });
      continue;
    }
    const raw = await readYamlFile(file, problems, rel);
    if (raw === undefined) continue;
    const parsed = pathSchema.safeParse(raw);
    if (!parsed.success) {
      for (const message of describeIssues(parsed.error, raw)) problems.push({ file: rel(file), message });
      continue;
    }
    const p = parsed.data;
    const locale = folder as Locale;
    if (p.slug !== name.slice(0, -".yml".length)) problems.push({ file: rel(file), message: `slug: "${p.slug}" must equal the file name "${name}" without .yml` });
    const seen = new Set<string>();
    for (const item of p.items) {
      if (!known.has(articleId(locale, item))) problems.push({ file: rel(file), message: `items: no ${locale} article with slug "${item}"` });
      if (seen.has(item)) problems.push({ file: rel(file), message: `items: "${item}" is listed twice` });
      seen.add(item);
    }
    paths.push({
      id: articleId(locale, p.slug),
      slug: p.slug,
      locale,
      title: p.title,
      description: p.description,
      tier: p.tier,
      translationKey: p.translationKey ?? null,
      items: p.items.map((item) => articleId(locale, item)),
    });
  }
  return paths.sort((a, b) => a.id.localeCompare(b.id));
}

export function splitFrontMatter(source: string): { frontMatter: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return null;
  return { frontMatter: match[1]!, body: source.slice(match[0].length) };
}

/** The body without fenced code blocks and inline code, where `<Tag>` is just text. */
function withoutCode(body: string): string {
  return body.replace(/^(```|~~~)[\s\S]*?^\1/gm, "").replace(/`[^`\n]*`/g, "");
}

async function readYamlFile(file: string, problems: ContentProblem[], rel: (f: string) => string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    problems.push({ file: rel(file), message: "file is missing" });
    return undefined;
  }
  try {
    return parseYaml(text);
  } catch (error) {
    problems.push({ file: rel(file), message: `not valid YAML: ${(error as Error).message.split("\n")[0]}` });
    return undefined;
  }
}

export async function readManifest(outDir: string): Promise<ContentManifest | null> {
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(outDir, "manifest.json"), "utf8")) as ContentManifest;
    return manifest.version === MANIFEST_VERSION ? manifest : null;
  } catch {
    return null;
  }
}

async function removeStale(dir: string, keep: Set<string>) {
  for (const file of await fs.readdir(dir)) {
    if (!keep.has(file)) await fs.rm(path.join(dir, file), { force: true });
  }
}

/** Relative paths of the files under `dir` (recursively if asked); none when it does not exist. */
async function listFiles(dir: string, recursive = false): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { recursive, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && !e.name.startsWith("."))
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

async function exists(file: string) {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function sha256(text: string) {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(workers);
}
