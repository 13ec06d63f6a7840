// The merge pages accept what an admin has at hand: a Kizuna id, an email (people), a domain or
// an external id (accounts).
import { db } from "~/db.server";

export async function findPersonId(value: string): Promise<string | null> {
  const query = value.trim();
  if (!query) return null;
  const byId = await db.user.findUnique({ where: { id: query }, select: { id: true } });
  if (byId) return byId.id;
  const email = query.toLowerCase();
  const byEmail = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (byEmail) return byEmail.id;
  return (await db.personEmailAlias.findUnique({ where: { email }, select: { userId: true } }))?.userId ?? null;
}

export async function findAccountId(value: string): Promise<string | null> {
  const query = value.trim();
  if (!query) return null;
  const byId = await db.account.findUnique({ where: { id: query }, select: { id: true } });
  if (byId) return byId.id;
  const byDomain = await db.accountDomain.findUnique({ where: { domain: query.toLowerCase().replace(/^@/, "") }, select: { accountId: true } });
  if (byDomain) return byDomain.accountId;
  return (await db.accountExternalId.findUnique({ where: { externalId: query }, select: { accountId: true } }))?.accountId ?? null;
}
