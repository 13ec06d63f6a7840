// Builders for the champion program's tests: a company with members, staff, terms.
import { db } from "~/db.server";
import { upsertAccount, upsertUser, uniqueEmail } from "./factories";

let n = 0;

export async function company(name = "チャンピオン株式会社") {
  n += 1;
  return upsertAccount({ name: `${name}${n}`, domains: [`champions-${n}-${Date.now().toString(36)}.example`] });
}

export type TestPerson = { id: string; role: string; accountId: string | null; name: string; email: string };

export async function member(accountId: string, name = "推薦 太郎"): Promise<TestPerson> {
  const user = await upsertUser({ email: uniqueEmail(), name, accountId });
  return { ...user, accountId };
}

export async function staffer(role: "cs" | "admin" = "cs", name = "CS 花子"): Promise<TestPerson> {
  const user = await upsertUser({ email: uniqueEmail("kizuna.test"), name, role });
  return { ...user, accountId: null };
}

export async function term(userId: string, cohort: number, startsAt: string, endsAt: string, revokedAt: string | null = null) {
  return db.championTerm.create({
    data: { userId, cohort, startsAt: new Date(startsAt), endsAt: new Date(endsAt), revokedAt: revokedAt ? new Date(revokedAt) : null },
  });
}
