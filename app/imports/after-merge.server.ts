// Runs after every merge of two people or two accounts, once the merge is committed. Whatever
// derives from a person's or an account's history subscribes here (health scores must be
// recomputed for the accounts concerned, for example).
export type MergeOutcome = {
  kind: "person" | "account";
  keptId: string;
  removedId: string;
  /** The accounts whose history changed: recompute anything derived from them. */
  accountIds: string[];
};

type Listener = (outcome: MergeOutcome) => Promise<void> | void;
const listeners = new Set<Listener>();

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
