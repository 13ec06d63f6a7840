// Builders for accounts and people, shared by the tests and the seed script. Each one upserts by
// a natural key (domain, email), so running a seed twice never duplicates anything.
import { hashPassword } from "~/auth/password.server";
import { db } from "~/db.server";

export type AccountSpec = {
  name: string;
  domains: string[];
  plan?: "starter" | "growth" | "enterprise";
  seatsLicensed?: number;
  arr?: number;
  renewalDate?: Date | null;
  lifecycleStage?: string;
  ownerId?: string | null;
};

export async function upsertAccount(spec: AccountSpec) {
  const [primary] = spec.domains;
  const existing = primary
    ? await db.accountDomain.findUnique({ where: { domain: primary }, select: { accountId: true } })
    : null;
  const fields = {
    name: spec.name,
    plan: spec.plan ?? "growth",
    seatsLicensed: spec.seatsLicensed ?? 20,
    arr: spec.arr ?? 1_200_000,
    renewalDate: spec.renewalDate ?? null,
    lifecycleStage: spec.lifecycleStage ?? "L01",
    ownerId: spec.ownerId ?? null,
  };
  if (existing) {
    return db.account.update({ where: { id: existing.accountId }, data: fields, select: { id: true, name: true } });
  }
  return db.account.create({
    data: { ...fields, domains: { create: spec.domains.map((domain) => ({ domain })) } },
    select: { id: true, name: true },
  });
}

export type UserSpec = {
  email: string;
  name: string;
  role?: "member" | "cs" | "admin";
  accountId?: string | null;
  title?: string;
  persona?: "practitioner" | "manager" | "executive";
  level?: "beginner" | "intermediate" | "advanced";
  locale?: "ja" | "en";
  timeZone?: string;
  password?: string;
  /** A precomputed hash, for bulk creation where hashing each password would take minutes. */
  passwordHash?: string;
};

export async function upsertUser(spec: UserSpec) {
  const email = spec.email.toLowerCase();
  const hash = spec.passwordHash ?? (spec.password ? await hashPassword(spec.password) : undefined);
  const fields = {
    name: spec.name,
    role: spec.role ?? "member",
    accountId: spec.accountId ?? null,
    title: spec.title ?? "",
    persona: spec.persona ?? "practitioner",
    level: spec.level ?? "beginner",
    locale: spec.locale ?? "ja",
    timeZone: spec.timeZone ?? "Asia/Tokyo",
  };
  const user = await db.user.upsert({
    where: { email },
    create: { email, ...fields },
    update: fields,
    select: { id: true, email: true, name: true, role: true, accountId: true },
  });
  if (hash) {
    await db.password.upsert({ where: { userId: user.id }, create: { userId: user.id, hash }, update: { hash } });
  }
  return user;
}

let counter = 0;
/** A unique address for a test, on the given domain. */
export function uniqueEmail(domain = "example.test"): string {
  counter += 1;
  return `user${Date.now().toString(36)}${counter}@${domain}`;
}
