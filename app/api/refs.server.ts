// How data sent from outside names Kizuna's accounts and people: an account by its Kizuna id,
// an external id (AccountExternalId) or one of its email domains; a person by email (or an
// address left behind by a merge) or an external id. Resolution is done in bulk, a few indexed
// queries per batch, never one query per item.
import { z } from "zod";
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

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
    inSlices([...ids], (slice) => client.account.findMany({ where: { id: { in: slice } }, select: { id: true } })),
    inSlices([...externalIds], (slice) => client.accountExternalId.findMany({ where: { externalId: { in: slice } }, select: { externalId: true, accountId: true } })),
    inSlices([...domains], (slice) => client.accountDomain.findMany({ where: { domain: { in: slice } }, select: { domain: true, accountId: true } })),
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

const PERSON_SELECT = { id: true, email: true, accountId: true, role: true } as const;

/** Looks every person reference up at once; the returned function answers the person or null. */
export async function personResolver(refs: Array<PersonRef | undefined>, client: DbClient = db) {
  const emails = new Set<string>();
  const externalIds = new Set<string>();
  for (const ref of refs) {
    if (ref?.email) emails.add(ref.email);
    if (ref?.externalId) externalIds.add(ref.externalId);
  }
  const [byEmail, byAlias, byExternal] = await Promise.all([
    inSlices([...emails], (slice) => client.user.findMany({ where: { email: { in: slice } }, select: PERSON_SELECT })),
    inSlices([...emails], (slice) => client.personEmailAlias.findMany({ where: { email: { in: slice } }, select: { email: true, user: { select: PERSON_SELECT } } })),
    inSlices([...externalIds], (slice) => client.personExternalId.findMany({ where: { externalId: { in: slice } }, select: { externalId: true, user: { select: PERSON_SELECT } } })),
  ]);
  const emailMap = new Map<string, ResolvedPerson>(byAlias.map((a) => [a.email, a.user]));
  for (const person of byEmail) emailMap.set(person.email, person);
  const externalMap = new Map<string, ResolvedPerson>(byExternal.map((e) => [e.externalId, e.user]));
  return (ref: PersonRef): ResolvedPerson | null => {
    if (ref.email) return emailMap.get(ref.email) ?? null;
    if (ref.externalId) return externalMap.get(ref.externalId) ?? null;
    return null;
  };
}

export { inSlices };
