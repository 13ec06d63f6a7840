// Which backend answers, and keeping both of them filled. The embedded index is always kept up to
// date (it is the fallback and costs nothing); Meilisearch is used when MEILI_HOST is set and
// answering. When it is not, searches go to the embedded index and one log line says so.
import { env } from "~/env.server";
import { SOURCES } from "./documents";
import { embeddedIndex, type EmbeddedIndex } from "./embedded.server";
import { MeiliIndex, type MeiliConfig } from "./meili.server";
import { DOC_TYPES, type DocType, type SearchDocument } from "./model";

/** After a failure, Meilisearch is left alone this long before it is tried again. */
const RETRY_AFTER_MS = 30_000;
/** Hooks' additions and edits are sent to Meilisearch together after this pause (removals at once). */
const BATCH_DELAY_MS = 100;
const BATCH_MAX = 500;

type MeiliState = {
  index: MeiliIndex;
  downUntil: number;
  /** Set while an outage is being reported, so it is logged once, not per request. */
  down: boolean;
  ready: Promise<void> | null;
  pending: Map<string, SearchDocument | null>;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void>;
};

type State = {
  meili: MeiliState | null;
  embeddedReady: WeakMap<EmbeddedIndex, Promise<void>>;
  versionSync: Map<string, Promise<void>>;
};

declare global {
  var __kizunaSearch: State | undefined;
}

function meiliStateFor(config: MeiliConfig | null): MeiliState | null {
  if (!config) return null;
  return { index: new MeiliIndex(config), downUntil: 0, down: false, ready: null, pending: new Map(), timer: null, flushing: Promise.resolve() };
}

function state(): State {
  return (globalThis.__kizunaSearch ??= {
    meili: meiliStateFor(env.MEILI_HOST ? { host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY, indexUid: env.MEILI_INDEX } : null),
    embeddedReady: new WeakMap(),
    versionSync: new Map(),
  });
}

/** Switches Meilisearch on (or off, with null) for this process; the environment decides otherwise. */
export function configureMeilisearch(config: MeiliConfig | null) {
  const s = state();
  if (s.meili?.timer) clearTimeout(s.meili.timer);
  s.meili = meiliStateFor(config);
}

export function meiliConfig(): MeiliConfig | null {
  return state().meili?.index.config ?? null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ── embedded ──

/** The embedded index, created and filled if this database has none yet. */
async function embeddedBuilt(): Promise<EmbeddedIndex> {
  const index = embeddedIndex();
  const s = state();
  let ready = s.embeddedReady.get(index);
  if (!ready) {
    ready = (async () => {
      const created = await index.ensureSchema();
      if (created || index.getMeta("built") === null) await rebuildEmbedded(index);
    })();
    s.embeddedReady.set(index, ready);
    ready.catch(() => s.embeddedReady.delete(index));
  }
  await ready;
  return index;
}

/** The embedded index, built, and (with Meilisearch) in step with the content build. */
export async function embeddedReady(): Promise<EmbeddedIndex> {
  const index = await embeddedBuilt();
  await syncVersions(index);
  return index;
}

async function rebuildEmbedded(index: EmbeddedIndex, onProgress?: Progress) {
  for (const type of DOC_TYPES) await rebuildEmbeddedType(index, type, onProgress);
  await index.optimize();
  await index.setMeta("built", new Date().toISOString());
}

async function rebuildEmbeddedType(index: EmbeddedIndex, type: DocType, onProgress?: Progress) {
  const source = SOURCES[type];
  const version = source.version?.() ?? null;
  const total = onProgress ? await source.count() : 0;
  await index.replaceType(type, source.loadAll(), (done) => onProgress?.(type, done, total));
  if (version !== null) await index.setMeta(`version:${type}`, version);
}

/** Sources with data outside the database (content): reindexed, in both backends, when their version changed. */
async function syncVersions(index: EmbeddedIndex) {
  const s = state();
  for (const type of DOC_TYPES) {
    const version = SOURCES[type].version?.() ?? null;
    if (version === null) continue;
    const meiliKey = s.meili && Date.now() >= s.meili.downUntil ? meiliVersionKey(s.meili, type) : null;
    if (index.getMeta(`version:${type}`) === version && (meiliKey === null || index.getMeta(meiliKey) === version)) continue;
    const key = `${type}:${version}`;
    let running = s.versionSync.get(key);
    if (!running) {
      running = (async () => {
        if (index.getMeta(`version:${type}`) !== version) await rebuildEmbeddedType(index, type);
        await syncMeiliType(type, version);
      })().finally(() => s.versionSync.delete(key));
      s.versionSync.set(key, running);
    }
    await running;
  }
}

function meiliVersionKey(meili: MeiliState, type: DocType): string {
  return `meili:${meili.index.config.host}/${meili.index.uid}:version:${type}`;
}

// ── Meilisearch ──

function reportDown(meili: MeiliState, error: unknown, what: string) {
  meili.downUntil = Date.now() + RETRY_AFTER_MS;
  meili.ready = null;
  if (meili.down) return;
  meili.down = true;
  console.warn(`search: Meilisearch at ${meili.index.config.host} is unavailable (${message(error)}); ${what}. Retrying in ${RETRY_AFTER_MS / 1000}s.`);
}

/** Records a Meilisearch failure (logged once per outage) so the next requests use the embedded index. */
export function meiliFailed(error: unknown, what: string) {
  const meili = state().meili;
  if (meili) reportDown(meili, error, what);
}

/** Meilisearch when it is configured and answering, set up and filled; null otherwise. */
export async function meiliReady(): Promise<MeiliIndex | null> {
  const meili = state().meili;
  if (!meili || Date.now() < meili.downUntil) return null;
  meili.ready ??= (async () => {
    await meili.index.ensureIndex();
    const index = await embeddedBuilt();
    if ((await meili.index.documentCount()) === 0 && index.count() > 0) await meili.index.rebuild(embeddedDocuments(index));
    if (meili.down) {
      meili.down = false;
      console.info(`search: Meilisearch at ${meili.index.config.host} is answering again.`);
    }
  })();
  try {
    await meili.ready;
    return meili.index;
  } catch (error) {
    reportDown(meili, error, "searching the embedded index meanwhile");
    return null;
  }
}

async function* embeddedDocuments(index: EmbeddedIndex, types: readonly DocType[] = DOC_TYPES): AsyncGenerator<SearchDocument[]> {
  for (const type of types) yield* index.allDocuments(type);
}

async function syncMeiliType(type: DocType, version: string) {
  const meili = state().meili;
  if (!meili) return;
  const key = meiliVersionKey(meili, type);
  const index = embeddedIndex();
  if (index.getMeta(key) === version) return;
  const ready = await meiliReady();
  if (!ready) return;
  const docs: SearchDocument[] = [];
  for (const batch of index.allDocuments(type)) docs.push(...batch);
  try {
    await ready.replaceType(type, docs);
    await index.setMeta(key, version);
  } catch (error) {
    reportDown(meili, error, `${type} documents were not updated there`);
  }
}

/**
 * Queues a change for Meilisearch. Additions and edits go out in batches; with `wait` (something
 * findable was hidden or deleted) it is sent at once and waited for, so it is gone from results
 * when the action returns.
 */
export async function queueForMeilisearch(id: string, doc: SearchDocument | null, wait = false): Promise<void> {
  const meili = state().meili;
  if (!meili) return;
  meili.pending.set(id, doc);
  if (wait || meili.pending.size >= BATCH_MAX) {
    await flushMeilisearch();
    return;
  }
  meili.timer ??= setTimeout(() => void flushMeilisearch(), BATCH_DELAY_MS);
}

/** Sends every queued change to Meilisearch and waits until it has applied them. */
export async function flushMeilisearch(): Promise<void> {
  const meili = state().meili;
  if (!meili) return;
  if (meili.timer) clearTimeout(meili.timer);
  meili.timer = null;
  const run = meili.flushing.then(async () => {
    if (meili.pending.size === 0) return;
    const batch = new Map(meili.pending);
    meili.pending.clear();
    const ready = await meiliReady();
    if (!ready) {
      // Down: the embedded index has these changes; a reindex (or the next start) brings Meilisearch back in step.
      console.warn(`search: ${batch.size} index change(s) not sent to Meilisearch; run "npm run reindex" once it is back.`);
      return;
    }
    const docs = [...batch.values()].filter((doc): doc is SearchDocument => doc !== null);
    const removed = [...batch.entries()].filter(([, doc]) => doc === null).map(([id]) => id);
    try {
      await ready.write(docs, removed);
    } catch (error) {
      reportDown(meili, error, `${batch.size} index change(s) were not sent; run "npm run reindex" once it is back`);
    }
  });
  meili.flushing = run.catch(() => undefined);
  await run;
}

// ── full rebuild ──

export type Progress = (type: DocType, done: number, total: number) => void;

export type RebuildReport = { documents: Record<DocType, number>; embeddedMs: number; meiliMs: number | null };

/** Rebuilds the embedded index from every source, then Meilisearch (when configured) from it. */
export async function rebuildAll(options: { onProgress?: Progress; onMeiliProgress?: (done: number, total: number) => void } = {}): Promise<RebuildReport> {
  const index = embeddedIndex();
  await index.ensureSchema();
  const started = performance.now();
  await rebuildEmbedded(index, options.onProgress);
  const embeddedMs = performance.now() - started;
  const documents = Object.fromEntries(DOC_TYPES.map((type) => [type, index.count(type)])) as Record<DocType, number>;

  const meiliMs = await rebuildMeilisearch(options.onMeiliProgress);
  return { documents, embeddedMs, meiliMs };
}

/** Rebuilds Meilisearch (when configured) from the embedded index; the time it took, or null. */
export async function rebuildMeilisearch(onProgress?: (done: number, total: number) => void): Promise<number | null> {
  const meili = state().meili;
  if (!meili) return null;
  const index = await embeddedBuilt();
  const started = performance.now();
  await meili.index.ensureIndex();
  const total = index.count();
  await meili.index.rebuild(embeddedDocuments(index), (done) => onProgress?.(done, total));
  for (const type of DOC_TYPES) {
    const version = index.getMeta(`version:${type}`);
    if (version !== null) await index.setMeta(meiliVersionKey(meili, type), version);
  }
  meili.ready = null;
  meili.downUntil = 0;
  return performance.now() - started;
}

/** Started with the server: brings the index in step with the data and the content build before the first search. */
export function warmUpSearch() {
  embeddedReady()
    .then(() => meiliReady())
    .catch((error: unknown) => console.error(`search: could not prepare the index: ${message(error)}`));
}
