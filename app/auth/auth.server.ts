// Sign-up, sign-in, password reset and invitations: the account-holder flows, free of HTTP so
// tests can call them directly.
import { findAccountForEmail } from "~/accounts/accounts.server";
import { normaliseEmail } from "~/accounts/email-domain";
import { db, isUniqueViolation } from "~/db.server";
import { sendEmail } from "~/email/mailer.server";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/messages";
import { lucia } from "./lucia.server";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password.server";
import { createOneTimeToken, hashToken } from "./tokens.server";

export const RESET_TOKEN_TTL_MS = 60 * 60_000;
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export class EmailTakenError extends Error {
  constructor() {
    super("email already registered");
  }
}

type SignUpInput = { email: string; name: string; password: string; locale: Locale; timeZone?: string };

/** Creates a member, linked to the account whose domain matches the email (never free-mail). */
export async function signUp(input: SignUpInput) {
  const email = normaliseEmail(input.email);
  const account = await findAccountForEmail(email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: {
        email,
        name: input.name,
        locale: input.locale,
        timeZone: input.timeZone ?? "Asia/Tokyo",
        role: "member",
        accountId: account?.id ?? null,
        password: { create: { hash: passwordHash } },
      },
      select: { id: true, account: { select: { id: true, name: true } } },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

/** The user id when the password is right; null otherwise, after the same amount of work. */
export async function verifyLogin(emailInput: string, password: string): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(emailInput) },
    select: { id: true, password: { select: { hash: true } } },
  });
  if (!user?.password) return burnPasswordCheck(password).then(() => null);
  return (await verifyPassword(user.password.hash, password)) ? user.id : null;
}

/**
 * Emails a reset link when the address belongs to someone. The caller says the same thing
 * either way, so the form cannot be used to discover who has an account.
 */
export async function requestPasswordReset(emailInput: string, baseUrl: string, now = new Date()) {
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(emailInput) },
    select: { id: true, email: true, name: true, locale: true },
  });
  if (!user) return;
  const { token, tokenHash } = createOneTimeToken();
  await db.passwordResetToken.create({
    data: { tokenHash, userId: user.id, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) },
  });
  const t = translator(user.locale === "en" ? "en" : "ja");
  const link = `${baseUrl}/reset-password/${token}`;
  await sendEmail({
    to: user.email,
    subject: `Kizuna: ${t("auth.reset.title")}`,
    text: `${user.name}\n\n${t("auth.forgot.lead")}\n\n${link}\n`,
  });
}

/** A reset token that exists, is unused and unexpired. */
export async function findUsableResetToken(token: string, now = new Date()) {
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.usedAt || row.expiresAt <= now) return null;
  return row;
}

/**
 * Sets the new password and burns the token in one step; a second use of the same link fails.
 * All of the person's sessions end, since a reset often follows a suspected compromise.
 */
export async function resetPassword(token: string, newPassword: string, now = new Date()): Promise<string | null> {
  const usable = await findUsableResetToken(token, now);
  if (!usable) return null;
  const hash = await hashPassword(newPassword);
  const claimed = await db.$transaction(async (tx) => {
    const { count } = await tx.passwordResetToken.updateMany({
      where: { id: usable.id, usedAt: null },
      data: { usedAt: now },
    });
    if (count !== 1) return false;
    await tx.password.upsert({
      where: { userId: usable.userId },
      create: { userId: usable.userId, hash },
      update: { hash },
    });
    return true;
  });
  if (!claimed) return null;
  await lucia.invalidateUserSessions(usable.userId);
  return usable.userId;
}

type InvitationInput = {
  email: string;
  name?: string;
  role: "member" | "cs" | "admin";
  accountId: string | null;
  invitedById: string;
  baseUrl: string;
};

/** Emails an invitation link. Refuses (returns "exists") when the person already has an account. */
export async function inviteUser(input: InvitationInput, now = new Date()): Promise<"sent" | "exists"> {
  const email = normaliseEmail(input.email);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return "exists";
  const [inviter, account] = await Promise.all([
    db.user.findUnique({ where: { id: input.invitedById }, select: { name: true, locale: true } }),
    input.accountId ? db.account.findUnique({ where: { id: input.accountId }, select: { name: true } }) : null,
  ]);
  const { token, tokenHash } = createOneTimeToken();
  await db.invitation.create({
    data: {
      email,
      name: input.name ?? "",
      role: input.role,
      accountId: input.accountId,
      invitedById: input.invitedById,
      tokenHash,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    },
  });
  const t = translator(inviter?.locale === "en" ? "en" : "ja");
  const heading = account
    ? t("auth.invite.title", { account: account.name })
    : t("auth.invite.titleStaff", { role: t(`role.${input.role}`) });
  await sendEmail({
    to: email,
    subject: `Kizuna: ${heading}`,
    text: `${heading}\n\n${t("auth.invite.lead", { inviter: inviter?.name ?? "Kizuna" })}\n\n${input.baseUrl}/invite/${token}\n`,
  });
  return "sent";
}

export async function findUsableInvitation(token: string, now = new Date()) {
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      acceptedAt: true,
      expiresAt: true,
      account: { select: { id: true, name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!row || row.acceptedAt || row.expiresAt <= now) return null;
  return row;
}

type AcceptInput = { token: string; name: string; password: string; locale: Locale; timeZone?: string };

/** Creates the invited person with the role and account the inviter chose; single use. */
export async function acceptInvitation(input: AcceptInput, now = new Date()) {
  const invitation = await findUsableInvitation(input.token, now);
  if (!invitation) return { status: "invalid" as const };
  const passwordHash = await hashPassword(input.password);
  try {
    const userId = await db.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null },
        data: { acceptedAt: now },
      });
      if (count !== 1) return null;
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          name: input.name,
          role: invitation.role,
          accountId: invitation.role === "member" ? (invitation.account?.id ?? null) : null,
          locale: input.locale,
          timeZone: input.timeZone ?? "Asia/Tokyo",
          password: { create: { hash: passwordHash } },
        },
        select: { id: true },
      });
      return user.id;
    });
    return userId ? { status: "accepted" as const, userId } : { status: "invalid" as const };
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "exists" as const };
    throw error;
  }
}
