// The portfolio's filters and sort as they live in the URL (a GET form), so a filtered view can be
// bookmarked, shared and exported. Parsing is forgiving: anything odd falls back to the default.
import { LIFECYCLE_STAGE_CODES, PLANS, type LifecycleStageCode, type Plan } from "~/accounts/lifecycle";

export const PAGE_SIZE = 25;

/** Columns the portfolio can be sorted by; each maps to a fixed SQL expression on the server. */
export const SORT_KEYS = ["name", "score", "alerts", "plan", "stage", "renewal", "utilisation", "champions", "members", "arr", "owner"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

/** Renewal windows offered in the form; the URL accepts any whole number of days up to two years. */
export const RENEWAL_WINDOWS = [30, 60, 90, 180, 365] as const;
const MAX_RENEWAL_DAYS = 730;

/** "mine" | "all" | "none" (no owner) | a staff person's id. */
export type OwnerFilter = "mine" | "all" | "none" | { id: string };

/** Health bands the portfolio can be narrowed to (the latest snapshot's band). */
export const BAND_FILTERS = ["green", "yellow", "red"] as const;
export type BandFilter = (typeof BAND_FILTERS)[number];

export type PortfolioFilters = {
  owner: OwnerFilter;
  band: BandFilter | null;
  stage: LifecycleStageCode | null;
  plan: Plan | null;
  renewalWithin: number | null;
  q: string;
  sort: SortKey;
  dir: SortDir;
  page: number;
};

/** Numbers and dates read best largest/soonest first; names A→Z. */
const DEFAULT_DIR: Record<SortKey, SortDir> = {
  name: "asc",
  // Lowest score first: the accounts that need someone come to the top.
  score: "asc",
  alerts: "desc",
  plan: "asc",
  stage: "asc",
  renewal: "asc",
  utilisation: "desc",
  champions: "desc",
  members: "desc",
  arr: "desc",
  owner: "asc",
};

export function defaultDir(sort: SortKey): SortDir {
  return DEFAULT_DIR[sort];
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function parseOwner(value: string | null, fallback: OwnerFilter): OwnerFilter {
  if (value === "mine" || value === "all" || value === "none") return value;
  if (value && ID_PATTERN.test(value)) return { id: value };
  return fallback;
}

/**
 * Reads the filters from a URL. `defaultOwner` applies when the URL names no owner: "mine" for
 * staff who own accounts, "all" for those who own none (an admin, a new CSM).
 */
export function portfolioFiltersFromUrl(url: URL, defaultOwner: "mine" | "all" = "mine"): PortfolioFilters {
  const get = (name: string) => url.searchParams.get(name);
  const stage = get("stage");
  const plan = get("plan");
  const band = get("band");
  const renewal = Number(get("renewal"));
  const sort = (SORT_KEYS as readonly string[]).includes(get("sort") ?? "") ? (get("sort") as SortKey) : "name";
  const dir = get("dir") === "asc" || get("dir") === "desc" ? (get("dir") as SortDir) : defaultDir(sort);
  const page = Number(get("page"));
  return {
    owner: parseOwner(get("owner"), defaultOwner),
    band: (BAND_FILTERS as readonly string[]).includes(band ?? "") ? (band as BandFilter) : null,
    stage: (LIFECYCLE_STAGE_CODES as readonly string[]).includes(stage ?? "") ? (stage as LifecycleStageCode) : null,
    plan: (PLANS as readonly string[]).includes(plan ?? "") ? (plan as Plan) : null,
    renewalWithin: Number.isInteger(renewal) && renewal > 0 && renewal <= MAX_RENEWAL_DAYS ? renewal : null,
    q: (get("q") ?? "").trim().slice(0, 100),
    sort,
    dir,
    page: Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1,
  };
}

export function ownerParam(owner: OwnerFilter): string {
  return typeof owner === "string" ? owner : owner.id;
}

/** The URL query for a set of filters, leaving out defaults; `page` is dropped unless asked for. */
export function portfolioSearch(filters: PortfolioFilters, changes: Partial<PortfolioFilters> = {}, keepPage = false): string {
  const f = { ...filters, ...changes };
  const params = new URLSearchParams();
  params.set("owner", ownerParam(f.owner));
  if (f.band) params.set("band", f.band);
  if (f.stage) params.set("stage", f.stage);
  if (f.renewalWithin) params.set("renewal", String(f.renewalWithin));
  if (f.plan) params.set("plan", f.plan);
  if (f.q) params.set("q", f.q);
  if (f.sort !== "name" || f.dir !== defaultDir(f.sort)) {
    params.set("sort", f.sort);
    params.set("dir", f.dir);
  }
  if (keepPage && f.page > 1) params.set("page", String(f.page));
  return `?${params}`;
}

/** Where a column header's link goes: the same column flips direction, another starts at its default. */
export function sortLink(filters: PortfolioFilters, sort: SortKey): string {
  const dir = filters.sort === sort ? (filters.dir === "asc" ? "desc" : "asc") : defaultDir(sort);
  return portfolioSearch(filters, { sort, dir, page: 1 });
}
