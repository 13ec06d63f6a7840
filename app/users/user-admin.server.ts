// Admin management of people: list, edit, change roles. Guards against locking everyone out.
import { z } from "zod";
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { LOCALES } from "~/i18n/locales";
import { fields } from "~/utils/validation.server";
import { LEVELS, PERSONAS, ROLES } from "./roles";

export const USERS_PAGE_SIZE = 30;

export async function listUsers({ q, role, page }: { q: string; role: string | null; page: number }) {
  const where: Prisma.UserWhereInput = {
    ...(q ? { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }] } : {}),
    ...(role && (ROLES as readonly string[]).includes(role) ? { role } : {}),
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ role: "desc" }, { name: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, account: { select: { id: true, name: true } } },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)), users };
}

export const adminUserSchema = z.object({
  name: fields.name,
  title: fields.title,
  role: z.enum(ROLES),
  accountId: z.string().max(40).default(""),
  persona: z.enum(PERSONAS),
  level: z.enum(LEVELS),
  locale: z.enum(LOCALES),
  timeZone: fields.timeZone,
});

export type AdminUserInput = z.infer<typeof adminUserSchema>;

export type AdminUserUpdateError = "selfRole" | "lastAdmin" | "unknownAccount";

/**
 * Applies an admin's edit. Staff belong to the vendor, so a staff role drops any customer
 * account. An admin cannot change their own role, and the last admin cannot be demoted.
 */
export async function updateUserByAdmin(
  actorId: string,
  userId: string,
  input: AdminUserInput,
): Promise<{ ok: true } | { ok: false; error: AdminUserUpdateError }> {
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
    if (target.role !== input.role) {
      if (actorId === userId) return { ok: false as const, error: "selfRole" as const };
      if (target.role === "admin") {
        const admins = await tx.user.count({ where: { role: "admin" } });
        if (admins <= 1) return { ok: false as const, error: "lastAdmin" as const };
      }
    }
    let accountId: string | null = null;
    if (input.role === "member" && input.accountId) {
      const account = await tx.account.findUnique({ where: { id: input.accountId }, select: { id: true } });
      if (!account) return { ok: false as const, error: "unknownAccount" as const };
      accountId = account.id;
    }
    await tx.user.update({
      where: { id: userId },
      data: {
        name: input.name,
        title: input.title,
        role: input.role,
        accountId,
        persona: input.persona,
        level: input.level,
        locale: input.locale,
        timeZone: input.timeZone,
      },
    });
    if (target.role !== input.role) {
      await tx.auditEntry.create({
        data: { actorId, action: "user.role_changed", targetType: "user", targetId: userId, detail: `${target.role} → ${input.role}` },
      });
    }
    return { ok: true as const };
  });
}

export function getUserForAdmin(id: string) {
  return db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      title: true,
      role: true,
      accountId: true,
      persona: true,
      level: true,
      locale: true,
      timeZone: true,
      createdAt: true,
    },
  });
}

export function accountOptions() {
  return db.account.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
