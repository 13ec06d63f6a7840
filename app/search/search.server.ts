// Searching, for the results page, the header's suggestions and the ask page's similar questions.
// Meilisearch answers when it is configured and up; otherwise (or when it fails mid-request) the
// embedded index does, with the same result shape. Bad input never fails: it finds nothing.
import { isActiveChampion } from "~/champions/status.server";
import { embeddedReady, meiliConfig, meiliFailed, meiliReady } from "./backends.server";
import { SOURCES, type SearchViewer } from "./documents";
import { DOC_TYPES, emptyResults, NO_FILTERS, PAGE_SIZE, type AudienceLimits, type SearchFilters, type SearchHit, type SearchRequest, type SearchResults } from "./model";
import { parseQuery } from "./query";

export type { SearchViewer };

export async function searchViewerFor(user: { id: string; role: string } | null): Promise<SearchViewer> {
  if (!user) return null;
  return { id: user.id, role: user.role, isChampion: await isActiveChampion(user.id) };
}

/** What this viewer may see of each type (see model.ts AUDIENCES). */
export function audienceLimits(viewer: SearchViewer): AudienceLimits {
  const limits: AudienceLimits = {};
  for (const type of DOC_TYPES) {
    const max = SOURCES[type].maxAudience(viewer);
    if (max !== null) limits[type] = max;
  }
  return limits;
}

export type SearchInput = { query: string; filters?: SearchFilters; page?: number; pageSize?: number };

export async function search(input: SearchInput, viewer: SearchViewer): Promise<SearchResults> {
  const parsed = parseQuery(input.query);
  const page = Math.max(1, Math.floor(input.page ?? 1));
  // Nothing to look for (empty, or only punctuation and operators): no backend is asked.
  if (parsed.terms.length === 0) return emptyResults(meiliConfig() ? "meilisearch" : "embedded", page);
  const request: SearchRequest = {
    query: parsed.text,
    filters: input.filters ?? NO_FILTERS,
    page,
    pageSize: input.pageSize ?? PAGE_SIZE,
    limits: audienceLimits(viewer),
  };
  // Always first: brings both indexes in step with the content build when it has changed.
  const embedded = await embeddedReady();
  const meili = await meiliReady();
  if (meili) {
    try {
      return await onlyStillFindable(await meili.search(request, parsed));
    } catch (error) {
      meiliFailed(error, "answering from the embedded index");
    }
  }
  return onlyStillFindable(await embedded.search(request, parsed));
}

/** Drops hits that stopped counting since they were indexed (see DocumentSource.stillFindable). */
async function onlyStillFindable(results: SearchResults): Promise<SearchResults> {
  let hits = results.hits;
  let total = results.total;
  const counts = { ...results.counts };
  for (const type of DOC_TYPES) {
    const source = SOURCES[type];
    const keys = hits.filter((hit) => hit.type === type).map((hit) => hit.key);
    if (!source.stillFindable || keys.length === 0) continue;
    const findable = await source.stillFindable(keys);
    const gone = keys.filter((key) => !findable.has(key)).length;
    if (gone === 0) continue;
    hits = hits.filter((hit) => hit.type !== type || findable.has(hit.key));
    total = Math.max(0, total - gone);
    counts[type] = Math.max(0, (counts[type] ?? 0) - gone);
  }
  return hits === results.hits ? results : { ...results, hits, total, counts };
}

/** The first few matches as someone types, for the header's suggestions. */
export async function suggest(query: string, viewer: SearchViewer, limit = 6): Promise<SearchHit[]> {
  return (await search({ query, pageSize: limit }, viewer)).hits;
}

export type SimilarQuestion = { id: string; title: string; answerCount: number; state: string };

/** Visible questions whose titles look like `title` (the ask page shows them while one types). */
export async function findSimilarQuestions(title: string, limit = 5): Promise<SimilarQuestion[]> {
  const embedded = await embeddedReady();
  const meili = await meiliReady();
  let found: Awaited<ReturnType<NonNullable<typeof meili>["similarQuestions"]>> | null = null;
  if (meili) {
    try {
      found = await meili.similarQuestions(title, limit);
    } catch (error) {
      meiliFailed(error, "answering from the embedded index");
    }
  }
  found ??= await embedded.similarQuestions(title, limit);
  return found.map((q) => ({ id: q.key, title: q.title, answerCount: Number(q.meta.answerCount ?? 0), state: q.state ?? "open" }));
}
