// Learning content from the built catalog. Visibility is the article's own (public, members,
// champions), and what a viewer may open is decided by the one rule in ~/content/visibility.
import { ContentNotBuiltError, getCatalog, readArticleText, type Catalog } from "~/content/catalog.server";
import { articleHref, VISIBILITIES, type ArticleMeta } from "~/content/model";
import { canOpen } from "~/content/visibility";
import { docId, type SearchDocument } from "../model";
import type { DocumentSource } from "./source";

function catalogOrNull(): Catalog | null {
  try {
    return getCatalog();
  } catch (error) {
    if (error instanceof ContentNotBuiltError) return null;
    throw error;
  }
}

function toDocument(article: ArticleMeta, catalog: Catalog): SearchDocument {
  const labels = article.topics.flatMap((topic) => Object.values(catalog.topics[topic] ?? {}));
  return {
    id: docId("article", article.id),
    type: "article",
    key: article.id,
    url: articleHref(article),
    title: article.title,
    body: `${article.summary}\n${readArticleText(article)}`.trim(),
    tags: article.topics,
    tagText: labels.join(" "),
    locale: article.locale,
    tier: article.tier,
    state: null,
    audience: article.visibility,
    // Curated content goes first among equally good matches.
    boost: 2,
    meta: { kind: article.kind, minutes: article.minutes, visibility: article.visibility, video: article.video !== null },
  };
}

export const articleSource: DocumentSource = {
  type: "article",
  async *loadAll() {
    const catalog = catalogOrNull();
    if (catalog) yield catalog.articles.map((article) => toDocument(article, catalog));
  },
  count: async () => catalogOrNull()?.articles.length ?? 0,
  async loadOne(key) {
    const catalog = catalogOrNull();
    const article = catalog?.byId.get(key);
    return catalog && article ? toDocument(article, catalog) : null;
  },
  maxAudience(viewer) {
    let max: number | null = null;
    VISIBILITIES.forEach((visibility, rank) => {
      if (canOpen(visibility, viewer)) max = rank;
    });
    return max;
  },
  version: () => catalogOrNull()?.builtAt ?? null,
};
