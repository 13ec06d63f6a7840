// What each Learn page needs, composed from the catalog, visibility rules and the person's
// learning record. Routes call one function each and only render.
import type { SessionUser } from "~/auth/session.server";
import { isLocale, type Locale } from "~/i18n/locales";
import type { Level } from "~/users/roles";
import { getCatalog, readArticleCode, translationsOf, type Catalog } from "./catalog.server";
import {
  completedArticleIds,
  completionDates,
  completionsOf,
  recentlyViewedArticleIds,
  recordArticleView,
  viewerFor,
} from "./learning.server";
import { filterArticles, filtersFromUrl, pathProgress, positionInPath, recommendNext } from "./library";
import { articleHref, articleId, pathHref, summarize, type ArticleMeta, type LearningPath } from "./model";
import { canOpen, type Viewer } from "./visibility";
import { db } from "~/db.server";

function notFound(): Response {
  return new Response("Not found", { status: 404, statusText: "Not Found" });
}

export function findArticle(catalog: Catalog, locale: string | undefined, slug: string | undefined): ArticleMeta {
  const article = isLocale(locale) && slug ? catalog.byId.get(articleId(locale, slug)) : undefined;
  if (!article) throw notFound();
  return article;
}

function pathCard(catalog: Catalog, path: LearningPath, completed: ReadonlySet<string>) {
  const progress = pathProgress(path, completed);
  const next = progress.nextId ? catalog.byId.get(progress.nextId) : undefined;
  return {
    id: path.id,
    href: pathHref(path),
    title: path.title,
    description: path.description,
    tier: path.tier,
    locale: path.locale,
    progress,
    next: next ? { title: next.title, href: `${articleHref(next)}?path=${encodeURIComponent(path.id)}` } : null,
  };
}

export async function loadLibrary(request: Request, user: SessionUser | null, uiLocale: Locale) {
  const catalog = getCatalog();
  const viewer = await viewerFor(user);
  const url = new URL(request.url);
  const filters = filtersFromUrl(url, Object.keys(catalog.topics), uiLocale);
  const visible = filterArticles(catalog.articles, filters, viewer);
  // Visitors see how much more there is behind sign-in, never the articles themselves.
  const hiddenForMembers = viewer ? 0 : filterArticles(catalog.articles, filters, { role: "member", isChampion: false }).length - visible.length;

  const completed = user ? await completedArticleIds(user.id) : new Set<string>();
  const paths = catalog.paths.filter((p) => p.locale === uiLocale).map((p) => pathCard(catalog, p, completed));

  let continueReading: ReturnType<typeof summarize>[] = [];
  let recommended: ReturnType<typeof summarize>[] = [];
  if (user) {
    const recent = await recentlyViewedArticleIds(user.id, 20);
    continueReading = recent
      .map((id) => catalog.byId.get(id))
      .filter((a): a is ArticleMeta => a !== undefined && !completed.has(a.id) && canOpen(a.visibility, viewer))
      .slice(0, 3)
      .map((a) => summarize(a, catalog.topics, uiLocale));
    recommended = recommendNext({
      articles: catalog.articles,
      paths: catalog.paths,
      completed,
      exclude: new Set(continueReading.map((a) => a.id)),
      level: user.level as Level,
      locale: uiLocale,
      viewer,
    }).map((a) => summarize(a, catalog.topics, uiLocale));
  }

  return {
    filters,
    options: { topics: Object.entries(catalog.topics).map(([id, labels]) => ({ id, label: labels[uiLocale] })) },
    articles: visible.map((a) => summarize(a, catalog.topics, uiLocale)),
    completed: [...completed],
    hiddenForMembers,
    continueReading,
    recommended,
    level: user ? (user.level as Level) : null,
    paths,
    signedIn: user !== null,
  };
}

export async function loadArticle(request: Request, user: SessionUser | null, params: { locale?: string; slug?: string }, uiLocale: Locale) {
  const catalog = getCatalog();
  const article = findArticle(catalog, params.locale, params.slug);
  const viewer = await viewerFor(user);
  const translations = translationsOf(catalog, article)
    .filter((a) => canOpen(a.visibility, viewer))
    .map((a) => ({ locale: a.locale, href: articleHref(a), title: a.title }));
  const summary = summarize(article, catalog.topics, uiLocale);

  if (!canOpen(article.visibility, viewer)) {
    // The title and summary only: the compiled body never leaves the server.
    return { status: "locked" as const, article: summary, published: article.published, translations, signedIn: viewer !== null };
  }

  const url = new URL(request.url);
  const completions = user ? await completionDates(user.id) : new Map<string, Date>();
  const completed = new Set(completions.keys());
  const video = article.video && user
    ? await db.videoProgress.findUnique({ where: { userId_articleId: { userId: user.id, articleId: article.id } }, select: { watchedSeconds: true, completedAt: true } })
    : null;
  if (user) await recordArticleView(user, article);

  return {
    status: "open" as const,
    article: summary,
    published: article.published,
    translations,
    signedIn: user !== null,
    code: readArticleCode(article),
    toc: article.toc,
    video: article.video
      ? {
          src: article.video.url,
          inBody: article.videoInBody,
          percent: video && article.video.seconds ? Math.floor((video.watchedSeconds / article.video.seconds) * 100) : 0,
          completed: Boolean(video?.completedAt),
        }
      : null,
    completedAt: completions.get(article.id)?.toISOString() ?? null,
    path: pathContext(catalog, article, url.searchParams.get("path"), completed, viewer),
  };
}

/** The path this article is read in: the one in ?path=, else the first that contains it. */
function pathContext(catalog: Catalog, article: ArticleMeta, requested: string | null, completed: ReadonlySet<string>, viewer: Viewer) {
  const candidates = catalog.paths.filter((p) => p.items.includes(article.id));
  const path = candidates.find((p) => p.id === requested) ?? candidates[0];
  if (!path) return null;
  const position = positionInPath(path, article.id)!;
  const link = (id: string | null) => {
    const target = id ? catalog.byId.get(id) : undefined;
    if (!target || !canOpen(target.visibility, viewer)) return null;
    return { title: target.title, href: `${articleHref(target)}?path=${encodeURIComponent(path.id)}` };
  };
  return {
    id: path.id,
    title: path.title,
    href: pathHref(path),
    step: position.index + 1,
    total: path.items.length,
    progress: pathProgress(path, completed),
    previous: link(position.previousId),
    next: link(position.nextId),
  };
}

export async function loadPath(user: SessionUser | null, params: { locale?: string; slug?: string }, uiLocale: Locale) {
  const catalog = getCatalog();
  const path = isLocale(params.locale) && params.slug ? catalog.pathsById.get(articleId(params.locale, params.slug)) : undefined;
  if (!path) throw notFound();
  const viewer = await viewerFor(user);
  const completed = user ? await completedArticleIds(user.id) : new Set<string>();
  const items = path.items.map((id) => {
    const article = catalog.byId.get(id)!;
    return {
      ...summarize(article, catalog.topics, uiLocale),
      href: `${articleHref(article)}?path=${encodeURIComponent(path.id)}`,
      open: canOpen(article.visibility, viewer),
      completed: completed.has(id),
    };
  });
  const translations = path.translationKey
    ? catalog.paths
        .filter((p) => p.translationKey === path.translationKey && p.locale !== path.locale)
        .map((p) => ({ locale: p.locale, href: pathHref(p), title: p.title }))
    : [];
  return { ...pathCard(catalog, path, completed), items, translations, signedIn: user !== null };
}

export async function loadMyLearning(user: SessionUser, uiLocale: Locale) {
  const catalog = getCatalog();
  const rows = await completionsOf(user.id);
  const completed = new Set(rows.map((r) => r.articleId));
  const completions = rows.flatMap((row) => {
    const article = catalog.byId.get(row.articleId);
    return article ? [{ ...summarize(article, catalog.topics, uiLocale), completedAt: row.completedAt.toISOString(), via: row.via }] : [];
  });
  // Paths in the reader's language, plus any other path they have made progress on.
  const paths = catalog.paths
    .filter((p) => p.locale === uiLocale || p.items.some((id) => completed.has(id)))
    .map((p) => pathCard(catalog, p, completed))
    .sort((a, b) => Number(b.progress.done > 0) - Number(a.progress.done > 0) || b.progress.percent - a.progress.percent);
  return { completions, paths };
}
