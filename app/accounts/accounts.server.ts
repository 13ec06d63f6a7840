import { db } from "~/db.server";
import { candidateDomains } from "./email-domain";

/** The account whose registered domain matches the address most specifically, if any. */
export async function findAccountForEmail(email: string): Promise<{ id: string; name: string } | null> {
  const candidates = candidateDomains(email);
  if (candidates.length === 0) return null;
  const rows = await db.accountDomain.findMany({
    where: { domain: { in: candidates } },
    select: { domain: true, account: { select: { id: true, name: true } } },
  });
  for (const domain of candidates) {
    const row = rows.find((r) => r.domain === domain);
    if (row) return row.account;
  }
  return null;
}

/** Which of these domains are already registered to a different account. */
export async function domainsTakenElsewhere(domains: string[], accountId?: string): Promise<string[]> {
  if (domains.length === 0) return [];
  const rows = await db.accountDomain.findMany({
    where: { domain: { in: domains }, ...(accountId ? { accountId: { not: accountId } } : {}) },
    select: { domain: true },
  });
  return rows.map((r) => r.domain);
}
