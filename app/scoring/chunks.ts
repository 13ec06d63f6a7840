// Prisma sends `in: [...]` lists as bound parameters, and SQLite through the driver adapter takes
// only so many per statement (P2029 beyond that). Long lists go in slices.
export const IN_LIST_MAX = 500;

export function slices<T>(list: readonly T[], size = IN_LIST_MAX): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
  return out;
}

/** Runs `query` once per slice of `list` and concatenates the results. */
export async function inSlices<T, R>(list: readonly T[], query: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (const slice of slices(list)) results.push(...(await query(slice)));
  return results;
}
