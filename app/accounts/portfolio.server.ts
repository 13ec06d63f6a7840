// The staff view of accounts: a searchable, paginated list with the facts CS needs at a glance.
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

export const PAGE_SIZE = 25;

export type AccountListQuery = { q?: string; ownerId?: string | null; page?: number };

export async function listAccounts({ q, ownerId, page = 1 }: AccountListQuery) {
  const where: Prisma.AccountWhereInput = {
    ...(q ? { OR: [{ name: { contains: q } }, { domains: { some: { domain: { contains: q.toLowerCase() } } } }] } : {}),
    ...(ownerId ? { ownerId } : {}),
  };
  const [total, rows] = await Promise.all([
    db.account.count({ where }),
    db.account.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (Math.max(1, page) - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        plan: true,
        seatsLicensed: true,
        arr: true,
        renewalDate: true,
        lifecycleStage: true,
        owner: { select: { name: true } },
        _count: { select: { members: true } },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    accounts: rows.map(({ _count, owner, renewalDate, ...row }) => ({
      ...row,
      renewalDate: renewalDate?.toISOString().slice(0, 10) ?? null,
      ownerName: owner?.name ?? null,
      memberCount: _count.members,
    })),
  };
}

/** Reads ?page= defensively: anything odd means page 1, never an error. */
export function pageFromUrl(url: URL): number {
  const page = Number(url.searchParams.get("page"));
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
}

export async function getAccountOverview(id: string) {
  return db.account.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      plan: true,
      seatsLicensed: true,
      arr: true,
      renewalDate: true,
      lifecycleStage: true,
      owner: { select: { name: true } },
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
      members: {
        select: { id: true, name: true, email: true, title: true, persona: true, level: true, createdAt: true },
        orderBy: { name: "asc" },
      },
      invitations: {
        where: { acceptedAt: null, expiresAt: { gt: new Date() } },
        select: { id: true, email: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
}
