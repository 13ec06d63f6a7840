// What can be imported, shared by the import pages (browser) and the importers (server).
export const IMPORT_KINDS = ["accounts", "people", "usage"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const MAX_IMPORT_ROWS = 100_000;
