// "Why this score": each component's contribution and the facts behind it, rebuilt from what the
// snapshot stored (so the explanation always matches the numbers that were computed), and what
// changed against the snapshots of 7 and 30 days before. Pure.
import { combine, computeComponents, round1, type Contribution, type Fact } from "./components";
import type { AccountFacts } from "./facts";
import { COMPONENTS, DEFAULT_MODEL, type Band, type ComponentKey, type Weights } from "./model";

/** What a snapshot keeps in its facts column. */
export type StoredFacts = { facts: AccountFacts; keyFeatures: string[] };

export type SnapshotData = {
  day: string;
  overall: number;
  band: Band;
  scores: Record<ComponentKey, number | null>;
  weights: Weights;
  segment: string;
  modelVersion: number;
  stored: StoredFacts | null;
};

export type ChangeKey =
  | "scoring.change.engaged"
  | "scoring.change.executives"
  | "scoring.change.activeUsers"
  | "scoring.change.features"
  | "scoring.change.learners"
  | "scoring.change.qa"
  | "scoring.change.groupMembers"
  | "scoring.change.champions"
  | "scoring.change.activity";

export type FactChange = { key: ChangeKey; before: number; now: number };

export type ComponentExplanation = Contribution & {
  facts: Fact[];
  /** Score change against 7 and 30 days before; null when there is nothing to compare with. */
  change7: number | null;
  change30: number | null;
};

export type Explanation = {
  components: ComponentExplanation[];
  change7: { overall: number; band: Band; day: string } | null;
  change30: { overall: number; band: Band; day: string } | null;
  /** The headline numbers that moved since 30 days before (or 7, when there is no 30-day snapshot). */
  factChanges: FactChange[];
};

/** The numbers people recognise, used to say what changed. */
export function headlineNumbers(f: AccountFacts, keyFeatures: string[]): Record<ChangeKey, number> {
  return {
    "scoring.change.engaged": f.engaged90,
    "scoring.change.executives": f.personas.executive.engaged,
    "scoring.change.activeUsers": round1(f.usage.avgActive30),
    "scoring.change.features": keyFeatures.filter((k) => f.usage.featuresUsed30.includes(k)).length,
    "scoring.change.learners": f.learning.learners,
    "scoring.change.qa": f.community.asked90 + f.community.answered90,
    "scoring.change.groupMembers": f.community.groupMembers,
    "scoring.change.champions": f.community.activeChampions,
    "scoring.change.activity": Math.round(f.activity.weight30),
  };
}

export function factChanges(before: StoredFacts, now: StoredFacts): FactChange[] {
  const a = headlineNumbers(before.facts, before.keyFeatures);
  const b = headlineNumbers(now.facts, now.keyFeatures);
  return (Object.keys(b) as ChangeKey[]).filter((key) => a[key] !== b[key]).map((key) => ({ key, before: a[key], now: b[key] }));
}

export function explain(current: SnapshotData, weekAgo: SnapshotData | null, monthAgo: SnapshotData | null): Explanation {
  const stored = current.stored;
  const components = stored ? computeComponents(stored.facts, { ...DEFAULT_MODEL, keyFeatures: stored.keyFeatures }) : null;
  const { contributions } = combine(
    COMPONENTS.map((key) => ({ key, score: current.scores[key], facts: [] })),
    current.weights,
  );
  const delta = (then: SnapshotData | null, key: ComponentKey) => {
    const now = current.scores[key];
    const before = then?.scores[key];
    return now === null || before === null || before === undefined ? null : now - before;
  };
  const reference = monthAgo?.stored ? monthAgo : weekAgo?.stored ? weekAgo : null;
  return {
    components: contributions.map((c) => ({
      ...c,
      facts: components?.find((x) => x.key === c.key)?.facts ?? [],
      change7: delta(weekAgo, c.key),
      change30: delta(monthAgo, c.key),
    })),
    change7: weekAgo ? { overall: current.overall - weekAgo.overall, band: weekAgo.band, day: weekAgo.day } : null,
    change30: monthAgo ? { overall: current.overall - monthAgo.overall, band: monthAgo.band, day: monthAgo.day } : null,
    factChanges: stored && reference?.stored ? factChanges(reference.stored, stored) : [],
  };
}
