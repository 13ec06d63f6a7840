// Pure queries over the content catalog: filtering, path progress, "continue" and recommended
// next items. No I/O here, so the rules are unit-tested directly.
import { LOCALES, type Locale } from "~/i18n/locales";
import { KINDS, PHASES, TIERS, type ArticleMeta, type Kind, type LearningPath, type Phase, type Tier } from "./model";
import { canOpen, type Viewer } from "./visibility";

export type LibraryFilters = {
  tier: Tier | null;
  kind: Kind | null;
  topic: string | null;
  phase: Phase | null;
  /** null means every language. */
  locale: Locale | null;
};

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Filters from a URL; unknown values are ignored rather than failing the page. */
export function filtersFromUrl(url: URL, topics: string[], defaultLocale: Locale): LibraryFilters {
  const params = url.searchParams;
  const lang = params.get("lang");
  return {
    tier: oneOf(TIERS, params.get("tier")),
    kind: oneOf(KINDS, params.get("kind")),
    topic: oneOf(topics, params.get("topic")),
    phase: oneOf(PHASES, params.get("phase")),
    locale: lang === "all" ? null : (oneOf(LOCALES, lang) ?? defaultLocale),
  };
}

const TIER_ORDER: Record<Tier, number> = { beginner: 0, intermediate: 1, advanced: 2 };
const PHASE_ORDER: Record<Phase, number> = { onboarding: 0, adoption: 1, expansion: 2, advocacy: 3 };

/** The articles a viewer may open that match the filters: beginner first, then newest. */
export function filterArticles(articles: ArticleMeta[], filters: LibraryFilters, viewer: Viewer): ArticleMeta[] {
  return articles
    .filter(
      (a) =>
        canOpen(a.visibility, viewer) &&
        (!filters.tier || a.tier === filters.tier) &&
        (!filters.kind || a.kind === filters.kind) &&
        (!filters.topic || a.topics.includes(filters.topic)) &&
        (!filters.phase || a.phase === filters.phase) &&
        (!filters.locale || a.locale === filters.locale),
    )
    .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
}

export type PathProgress = {
  done: number;
  total: number;
  percent: number;
  /** The first item in reading order not completed yet; null when the path is finished. */
  nextId: string | null;
  complete: boolean;
};

export function pathProgress(path: LearningPath, completed: ReadonlySet<string>): PathProgress {
  const total = path.items.length;
  const done = path.items.filter((id) => completed.has(id)).length;
  const nextId = path.items.find((id) => !completed.has(id)) ?? null;
  return { done, total, percent: total === 0 ? 0 : Math.floor((done / total) * 100), nextId, complete: total > 0 && done === total };
}

/** Where an article sits in a path, for previous/next links. */
export function positionInPath(path: LearningPath, articleId: string) {
  const index = path.items.indexOf(articleId);
  if (index === -1) return null;
  return { index, previousId: path.items[index - 1] ?? null, nextId: path.items[index + 1] ?? null };
}

/**
 * Up to `limit` articles to read next: first the next item of every path the person has started
 * but not finished, then unread articles at their level (or one tier up once their level is
 * mostly done) in their language, earliest lifecycle phase first.
 */
export function recommendNext(input: {
  articles: ArticleMeta[];
  paths: LearningPath[];
  completed: ReadonlySet<string>;
  exclude?: ReadonlySet<string>;
  level: Tier;
  locale: Locale;
  viewer: Viewer;
  limit?: number;
}): ArticleMeta[] {
  const { articles, completed, viewer, locale } = input;
  const limit = Math.max(0, input.limit ?? 4);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const picked = new Map<string, ArticleMeta>();
  const eligible = (a: ArticleMeta | undefined): a is ArticleMeta =>
    a !== undefined && !completed.has(a.id) && !input.exclude?.has(a.id) && !picked.has(a.id) && canOpen(a.visibility, viewer);

  for (const path of input.paths) {
    if (path.locale !== locale) continue;
    const progress = pathProgress(path, completed);
    if (progress.done === 0 || progress.complete) continue;
    const next = path.items.map((id) => byId.get(id)).find(eligible);
    if (next) picked.set(next.id, next);
  }

  const atLevel = articles.filter((a) => a.locale === locale && a.tier === input.level && canOpen(a.visibility, viewer));
  const levelMostlyDone = atLevel.length > 0 && atLevel.filter((a) => completed.has(a.id)).length / atLevel.length >= 0.75;
  const targetTiers = new Set<Tier>([input.level]);
  if (levelMostlyDone && input.level !== "advanced") targetTiers.add(TIERS[TIER_ORDER[input.level] + 1]!);

  const candidates = articles
    .filter((a) => a.locale === locale && targetTiers.has(a.tier) && eligible(a))
    .sort(
      (a, b) =>
        TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
        PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] ||
        b.published.localeCompare(a.published) ||
        a.id.localeCompare(b.id),
    );
  for (const article of candidates) picked.set(article.id, article);
  return [...picked.values()].slice(0, limit);
}
