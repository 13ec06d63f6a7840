// Keeping the index in step with every write. The Q&A, group and champion write paths call these after they
// have written (one line each); content is reindexed from the catalog whenever its build changes.
// A failure here is logged and never undoes or fails the write that triggered it.
import { embeddedReady, flushMeilisearch, queueForMeilisearch } from "./backends.server";
import { SOURCES } from "./documents";
import { docId, type DocType } from "./model";

async function reindexDocument(type: DocType, key: string): Promise<void> {
  try {
    const index = await embeddedReady();
    const doc = await SOURCES[type].loadOne(key);
    const id = docId(type, key);
    // Taking something out of search is waited for; a document that was never in (a new proposal) is not.
    const wasFindable = doc === null && index.has(id);
    await index.write(doc ? [doc] : [], doc ? [] : [id]);
    await queueForMeilisearch(id, doc, wasFindable);
  } catch (error) {
    console.error(`search: could not update the index for ${type} ${key}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Call after any write that changes what a document shows or who may find it (including deletes). */
export const indexing = {
  /** A question or any of its answers changed: asked, edited, answered, accepted, hidden, restored, deleted… */
  question: (questionId: string) => reindexDocument("question", questionId),
  /** A group was created, edited, approved, declined, archived or reopened. */
  group: (groupId: string) => reindexDocument("group", groupId),
  /** A champion's public profile or standing changed: profile saved (listing, bio, topics), term approved or revoked. */
  champion: (userId: string) => reindexDocument("champion", userId),
};

/** Waits until queued changes have reached every backend (tests, scripts, shutdown). */
export const flushIndexing = flushMeilisearch;
