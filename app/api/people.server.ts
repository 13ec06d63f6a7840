// People sync (POST /api/v1/people, PUT /api/v1/people/{email}, and the people CSV import):
// create or update customer members by email, set their account, persona and title. Staff are
// managed inside Kizuna only, so their records are never changed from outside.
import { z } from "zod";
import { candidateDomains } from "~/accounts/email-domain";
import { db } from "~/db.server";
import { LOCALES } from "~/i18n/locales";
import { LEVELS, PERSONAS } from "~/users/roles";
import { ApiError, issueDetails } from "./errors.server";
import { accountRefSchema, accountResolver, personResolver, type AccountRef, type DbClient } from "./refs.server";

export const MAX_PEOPLE_PER_BATCH = 500;

export const personFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    /** null takes the person off their account. */
    account: accountRefSchema.nullable().optional(),
    persona: z.enum(PERSONAS).optional(),
    title: z.string().trim().max(80).optional(),
    level: z.enum(LEVELS).optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict();

export const emailSchema = z.string().trim().toLowerCase().max(254).email();
const personItemSchema = personFieldsSchema.extend({ email: emailSchema }).strict();

export type PersonInput = z.infer<typeof personItemSchema>;
export type PersonOutcome =
  | { status: "created" | "updated"; id: string }
  | { status: "rejected"; reason: "invalid" | "unknown_account" | "staff_person" | "external_id_taken"; message: string };

/** Finds the account an address belongs to by its domain, inside the caller's transaction. */
async function accountByEmailDomain(client: DbClient, email: string): Promise<string | null> {
  const candidates = candidateDomains(email);
  if (!candidates.length) return null;
  const rows = await client.accountDomain.findMany({ where: { domain: { in: candidates } }, select: { domain: true, accountId: true } });
  for (const domain of candidates) {
    const row = rows.find((r) => r.domain === domain);
    if (row) return row.accountId;
  }
  return null;
}

/**
 * Who already exists for a whole batch (by email, merge alias or external id), looked up in bulk;
 * upsertPerson keeps it current as it creates people, so a later row sees an earlier one.
 */
export type PeopleIndex = { byEmail: Map<string, { id: string; role: string }>; externalOwner: Map<string, string> };

export async function peopleIndex(client: DbClient, inputs: Array<Pick<PersonInput, "email" | "externalId">>): Promise<PeopleIndex> {
  const refs = inputs.flatMap((input) => [{ email: input.email }, ...(input.externalId ? [{ externalId: input.externalId }] : [])]);
  const personFor = await personResolver(refs, client);
  const index: PeopleIndex = { byEmail: new Map(), externalOwner: new Map() };
  for (const input of inputs) {
    const person = personFor({ email: input.email });
    if (person) index.byEmail.set(input.email, { id: person.id, role: person.role });
    if (input.externalId) {
      const owner = personFor({ externalId: input.externalId });
      if (owner) index.externalOwner.set(input.externalId, owner.id);
    }
  }
  return index;
}

/**
 * Creates or updates one person. `accountFor` comes from accountResolver() over the whole batch.
 * Missing fields keep their stored value; a new person without an account is matched by domain.
 * With an `index` (peopleIndex over the batch) it reads no rows of its own.
 */
export async function upsertPerson(client: DbClient, input: PersonInput, accountFor: (ref: AccountRef) => string | null, index?: PeopleIndex): Promise<PersonOutcome> {
  let accountId: string | null | undefined;
  if (input.account === null) accountId = null;
  else if (input.account) {
    accountId = accountFor(input.account);
    if (!accountId) return { status: "rejected", reason: "unknown_account", message: "No account matches this id, external id or domain." };
  }
  const existing = index
    ? (index.byEmail.get(input.email) ?? null)
    : ((await client.user.findUnique({ where: { email: input.email }, select: { id: true, role: true } })) ??
      (await client.personEmailAlias.findUnique({ where: { email: input.email }, select: { user: { select: { id: true, role: true } } } }))?.user ??
      null);
  if (existing && existing.role !== "member") {
    return { status: "rejected", reason: "staff_person", message: "This address belongs to Kizuna staff, who are managed in Kizuna only." };
  }
  if (input.externalId) {
    const ownerId = index ? index.externalOwner.get(input.externalId) : (await client.personExternalId.findUnique({ where: { externalId: input.externalId }, select: { userId: true } }))?.userId;
    if (ownerId && ownerId !== existing?.id) {
      return { status: "rejected", reason: "external_id_taken", message: "This external id already belongs to another person." };
    }
  }
  const fields = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.persona !== undefined ? { persona: input.persona } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.level !== undefined ? { level: input.level } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
    ...(accountId !== undefined ? { accountId } : {}),
  };
  let id: string;
  let status: "created" | "updated";
  if (existing) {
    if (Object.keys(fields).length) await client.user.update({ where: { id: existing.id }, data: fields });
    id = existing.id;
    status = "updated";
  } else {
    if (!input.name) return { status: "rejected", reason: "invalid", message: "name: required to create a person" };
    const created = await client.user.create({
      data: { email: input.email, role: "member", ...fields, name: input.name, accountId: accountId !== undefined ? accountId : await accountByEmailDomain(client, input.email) },
      select: { id: true },
    });
    id = created.id;
    status = "created";
  }
  if (input.externalId && (index ? index.externalOwner.get(input.externalId) !== id : true)) {
    await client.personExternalId.upsert({ where: { externalId: input.externalId }, create: { externalId: input.externalId, userId: id }, update: {} });
  }
  if (index) {
    index.byEmail.set(input.email, { id, role: "member" });
    if (input.externalId) index.externalOwner.set(input.externalId, id);
  }
  return { status, id };
}

export type PeopleResult = { index: number; email: string | null; status: "created" | "updated" | "rejected"; id?: string; reason?: string; message?: string };

/** POST /api/v1/people: each person is written (or refused) on their own. */
export async function upsertPeopleBatch(body: unknown): Promise<{ created: number; updated: number; rejected: number; results: PeopleResult[] }> {
  const batch = z.object({ people: z.array(z.unknown()) }).strict().safeParse(body);
  if (!batch.success) throw new ApiError("validation_failed", "The body must be an object with a `people` array.", issueDetails(batch.error.issues));
  const items = batch.data.people;
  if (items.length > MAX_PEOPLE_PER_BATCH) {
    throw new ApiError("batch_too_large", `A batch holds at most ${MAX_PEOPLE_PER_BATCH} people; this one has ${items.length}.`, { max: MAX_PEOPLE_PER_BATCH, received: items.length });
  }
  if (items.length === 0) throw new ApiError("validation_failed", "The `people` array is empty.");
  const parsed = items.map((raw) => personItemSchema.safeParse(raw));
  const accountFor = await accountResolver(parsed.map((p) => (p.success ? p.data.account : undefined)));
  const known = await peopleIndex(db, parsed.flatMap((p) => (p.success ? [p.data] : [])));
  const results: PeopleResult[] = [];
  for (const [index, item] of parsed.entries()) {
    if (!item.success) {
      const [issue] = issueDetails(item.error.issues);
      const raw = items[index] as { email?: unknown } | null;
      results.push({ index, email: typeof raw?.email === "string" ? raw.email : null, status: "rejected", reason: "invalid", message: issue ? `${issue.path || "person"}: ${issue.message}` : "Invalid person." });
      continue;
    }
    const outcome = await db.$transaction((tx) => upsertPerson(tx, item.data, accountFor, known));
    results.push(outcome.status === "rejected" ? { index, email: item.data.email, ...outcome } : { index, email: item.data.email, status: outcome.status, id: outcome.id });
  }
  const count = (status: PeopleResult["status"]) => results.filter((r) => r.status === status).length;
  return { created: count("created"), updated: count("updated"), rejected: count("rejected"), results };
}

/** PUT /api/v1/people/{email}: one person; refusals become 404/409/422 answers. */
export async function putPerson(rawEmail: string, body: unknown) {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) throw new ApiError("validation_failed", "The address in the URL is not a valid email.");
  const fields = personFieldsSchema.safeParse(body);
  if (!fields.success) throw new ApiError("validation_failed", "Some fields are not valid.", issueDetails(fields.error.issues));
  const input: PersonInput = { ...fields.data, email: email.data };
  const accountFor = await accountResolver([input.account]);
  const outcome = await db.$transaction((tx) => upsertPerson(tx, input, accountFor));
  if (outcome.status === "rejected") {
    if (outcome.reason === "staff_person" || outcome.reason === "external_id_taken") throw new ApiError("conflict", outcome.message, { reason: outcome.reason });
    throw new ApiError("validation_failed", outcome.message, { reason: outcome.reason });
  }
  const person = await db.user.findUniqueOrThrow({
    where: { id: outcome.id },
    select: { id: true, email: true, name: true, title: true, persona: true, level: true, locale: true, accountId: true, externalIds: { select: { externalId: true } } },
  });
  return { status: outcome.status, person: { ...person, externalIds: person.externalIds.map((e) => e.externalId) } };
}
