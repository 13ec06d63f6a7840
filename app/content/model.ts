// The shape of Kizuna's learning content as the app sees it after the content build.
// Shared by the server (catalog), the routes' components and the build itself.
import type { Locale } from "~/i18n/locales";

export const TIERS = ["beginner", "intermediate", "advanced"] as const;
export const KINDS = ["how-to", "concept", "strategy", "case-study"] as const;
export const PHASES = ["onboarding", "adoption", "expansion", "advocacy"] as const;
export const VISIBILITIES = ["public", "members", "champions"] as const;

export type Tier = (typeof TIERS)[number];
export type Kind = (typeof KINDS)[number];
export type Phase = (typeof PHASES)[number];
export type Visibility = (typeof VISIBILITIES)[number];

export type TocEntry = { id: string; text: string; depth: 2 | 3 };

export type ArticleMeta = {
  /** `${locale}/${slug}`: unique across the library, used by progress and events. */
  id: string;
  slug: string;
  locale: Locale;
  title: string;
  summary: string;
  tier: Tier;
  kind: Kind;
  topics: string[];
  phase: Phase;
  translationKey: string | null;
  minutes: number;
  visibility: Visibility;
  /** YYYY-MM-DD */
  published: string;
  video: { url: string; seconds: number } | null;
  /** Whether the body places the video itself with <Video />; otherwise the page shows it on top. */
  videoInBody: boolean;
  toc: TocEntry[];
  /** Content hash of the source; the compiled code is cached under it. */
  hash: string;
};

export type LearningPath = {
  id: string;
  slug: string;
  locale: Locale;
  title: string;
  description: string;
  tier: Tier;
  translationKey: string | null;
  /** Article ids in reading order. */
  items: string[];
};

export type TopicLabels = Record<string, Record<Locale, string>>;

export type ContentManifest = {
  version: number;
  builtAt: string;
  topics: TopicLabels;
  articles: ArticleMeta[];
  paths: LearningPath[];
};

export function articleId(locale: string, slug: string): string {
  return `${locale}/${slug}`;
}

export function articleHref(article: Pick<ArticleMeta, "locale" | "slug">): string {
  return `/learn/${article.locale}/${article.slug}`;
}

export function pathHref(path: Pick<LearningPath, "locale" | "slug">): string {
  return `/learn/paths/${path.locale}/${path.slug}`;
}

/** What a card or list needs to show an article, without its table of contents or hash. */
export type ArticleSummary = Pick<ArticleMeta, "id" | "slug" | "locale" | "title" | "summary" | "tier" | "kind" | "minutes" | "visibility" | "phase"> & {
  href: string;
  hasVideo: boolean;
  topics: string[];
};

export function summarize(article: ArticleMeta, topics: TopicLabels, locale: Locale): ArticleSummary {
  return {
    id: article.id,
    slug: article.slug,
    locale: article.locale,
    title: article.title,
    summary: article.summary,
    tier: article.tier,
    kind: article.kind,
    phase: article.phase,
    minutes: article.minutes,
    visibility: article.visibility,
    href: articleHref(article),
    hasVideo: article.video !== null,
    topics: article.topics.map((id) => topics[id]?.[locale] ?? id),
  };
}
