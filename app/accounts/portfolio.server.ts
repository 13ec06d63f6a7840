// The admin list of accounts: searchable and paginated. The CS portfolio, with its filters,
// sorting and engagement columns, is app/workspace/portfolio.server.ts.
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
