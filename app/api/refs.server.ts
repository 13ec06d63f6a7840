// How data sent from outside names Kizuna's accounts and people: an account by its Kizuna id,
// an external id (AccountExternalId) or one of its email domains; a person by email (or an
// address left behind by a merge) or an external id. Resolution is done in bulk, a few indexed
// queries per batch, never one query per item.
import { z } from "zod";
import { db } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

export type DbClient = Prisma.TransactionClient;

const exactlyOne = (ref: Record<string, unknown>) => Object.values(ref).filter((v) => v !== undefined).length === 1;

export const accountRefSchema = z
  .object({
    id: z.string().trim().min(1).max(40).optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    domain: z.string().trim().toLowerCase().min(3).max(253).optional(),
  })
  .strict()
  .refine(exactlyOne, "Give exactly one of id, externalId or domain.");

export const personRefSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254).email().optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine(exactlyOne, "Give exactly one of email or externalId.");

export type AccountRef = z.infer<typeof accountRefSchema>;
export type PersonRef = z.infer<typeof personRefSchema>;
export type ResolvedPerson = { id: string; email: string; accountId: string | null; role: string };

/** SQLite allows 32,766 bound values per statement; large imports look up in slices. */
const SLICE = 5_000;

async function inSlices<T, R>(values: T[], run: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += SLICE) out.push(...(await run(values.slice(i, i + SLICE))));
  return out;
}

/**
 * Runs `SELECT … WHERE <column> IN (values)` in slices. These lookups sit on the hot path of event
 * ingestion (500 references a batch), where Prisma's findMany cost several times the query itself.
 */
async function selectIn<T>(client: DbClient, query: (list: Prisma.Sql) => Prisma.Sql, values: string[]): Promise<T[]> {
  return inSlices(values, (slice) => client.$queryRaw<T[]>(query(Prisma.join(slice))));
}

/** Looks every reference up at once; the returned function answers an account id or null. */
export async function accountResolver(refs: Array<AccountRef | null | undefined>, client: DbClient = db) {
  const ids = new Set<string>();
  const externalIds = new Set<string>();
  const domains = new Set<string>();
  for (const ref of refs) {
    if (ref?.id) ids.add(ref.id);
    if (ref?.externalId) externalIds.add(ref.externalId);
    if (ref?.domain) domains.add(ref.domain);
  }
  const [byId, byExternal, byDomain] = await Promise.all([
    selectIn<{ id: string }>(client, (list) => Prisma.sql`SELECT "id" FROM "Account" WHERE "id" IN (${list})`, [...ids]),
    selectIn<{ externalId: string; accountId: string }>(client, (list) => Prisma.sql`SELECT "externalId", "accountId" FROM "AccountExternalId" WHERE "externalId" IN (${list})`, [...externalIds]),
    selectIn<{ domain: string; accountId: string }>(client, (list) => Prisma.sql`SELECT "domain", "accountId" FROM "AccountDomain" WHERE "domain" IN (${list})`, [...domains]),
  ]);
  const idSet = new Set(byId.map((a) => a.id));
  const externalMap = new Map(byExternal.map((e) => [e.externalId, e.accountId]));
  const domainMap = new Map(byDomain.map((d) => [d.domain, d.accountId]));
  return (ref: AccountRef): string | null => {
    if (ref.id) return idSet.has(ref.id) ? ref.id : null;
    if (ref.externalId) return externalMap.get(ref.externalId) ?? null;
    if (ref.domain) return domainMap.get(ref.domain) ?? null;
    return null;
  };
}

const PERSON_COLUMNS = Prisma.sql`u."id" AS "id", u."email" AS "email", u."accountId" AS "accountId", u."role" AS "role"`;

/** Looks every person reference up at once; the returned function answers the person or null. */
export async function personResolver(refs: Array<PersonRef | undefined>, client: DbClient = db) {
  const emails = new Set<string>();
  const externalIds = new Set<string>();
  for (const ref of refs) {
    if (ref?.email) emails.add(ref.email);
    if (ref?.externalId) externalIds.add(ref.externalId);
  }
  // Addresses match a person's own email or one left behind by a merge, in one query.
  const [byEmail, byExternal] = await Promise.all([
    selectIn<ResolvedPerson & { matched: string }>(
      client,
      (list) =>
        Prisma.sql`SELECT u."email" AS "matched", ${PERSON_COLUMNS} FROM "User" u WHERE u."email" IN (${list})
                   UNION ALL
                   SELECT a."email" AS "matched", ${PERSON_COLUMNS} FROM "PersonEmailAlias" a JOIN "User" u ON u."id" = a."userId" WHERE a."email" IN (${list})`,
      [...emails],
    ),
    selectIn<ResolvedPerson & { externalId: string }>(
      client,
      (list) => Prisma.sql`SELECT e."externalId" AS "externalId", ${PERSON_COLUMNS} FROM "PersonExternalId" e JOIN "User" u ON u."id" = e."userId" WHERE e."externalId" IN (${list})`,
      [...externalIds],
    ),
  ]);
  const person = ({ id, email, accountId, role }: ResolvedPerson): ResolvedPerson => ({ id, email, accountId, role });
  const emailMap = new Map<string, ResolvedPerson>();
  for (const row of byEmail) if (!emailMap.has(row.matched) || row.matched === row.email) emailMap.set(row.matched, person(row));
  const externalMap = new Map<string, ResolvedPerson>(byExternal.map((e) => [e.externalId, person(e)]));
  return (ref: PersonRef): ResolvedPerson | null => {
    if (ref.email) return emailMap.get(ref.email) ?? null;
    if (ref.externalId) return externalMap.get(ref.externalId) ?? null;
    return null;
  };
}

export { inSlices };
