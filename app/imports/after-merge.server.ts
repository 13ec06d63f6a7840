// Runs after every merge of two people or two accounts, once the merge is committed. Whatever
// derives from a person's or an account's history subscribes here (health scores must be
// recomputed for the accounts concerned, for example). Scores and the champion watch are built
// in; other code may subscribe with onAfterMerge.
import { refreshChampionWatch } from "~/champions/watch.server";
import { queueAccountsForScoring } from "~/scoring/queue.server";
import { recomputeAccounts } from "~/scoring/recompute.server";
export type MergeOutcome = {
  kind: "person" | "account";
  keptId: string;
  removedId: string;
  /** The accounts whose history changed: recompute anything derived from them. */
  accountIds: string[];
};

type Listener = (outcome: MergeOutcome) => Promise<void> | void;

/** The merged history changes the accounts' scores, member engagement and champion situation. */
async function recomputeDerived(outcome: MergeOutcome): Promise<void> {
  if (outcome.accountIds.length === 0) return;
  const stats = await recomputeAccounts(outcome.accountIds);
  // Another scoring run holds the lease: queue the accounts so the next incremental run takes them.
  if (stats.skipped === "locked") await queueAccountsForScoring(outcome.accountIds);
  for (const accountId of outcome.accountIds) await refreshChampionWatch(accountId);
}

const listeners = new Set<Listener>([recomputeDerived]);

/** Registers a listener; returns the function that removes it. */
export function onAfterMerge(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by mergePeople/mergeAccounts. A failing listener is logged; the merge itself stands. */
export async function afterMerge(outcome: MergeOutcome): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener(outcome);
    } catch (error) {
      console.error(`[merge] afterMerge listener failed for ${outcome.kind} ${outcome.keptId}`, error);
    }
  }
}
