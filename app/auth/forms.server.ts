// Schemas for the sign-in family of forms, shared by their routes.
import { z } from "zod";
import { LOCALES } from "~/i18n/locales";
import { ROLES } from "~/users/roles";
import { fields } from "~/utils/validation.server";

export const signInSchema = z.object({
  email: fields.email,
  // No length rule beyond a sanity cap: a wrong password gets the same answer as any other.
  password: z.string().min(1).max(512),
  redirectTo: z.string().optional(),
});

export const signUpSchema = z.object({
  name: fields.name,
  email: fields.email,
  password: fields.newPassword,
  locale: z.enum(LOCALES),
});

export const forgotPasswordSchema = z.object({ email: fields.email });

export const resetPasswordSchema = z.object({ password: fields.newPassword });

export const acceptInvitationSchema = z.object({
  name: fields.name,
  password: fields.newPassword,
  locale: z.enum(LOCALES),
});

export const inviteMemberSchema = z.object({
  email: fields.email,
  name: z.string().trim().max(80).default(""),
});

/** Admins invite anyone: staff (no account) or a member of a chosen account. */
export const adminInviteSchema = z
  .object({
    email: fields.email,
    name: z.string().trim().max(80).default(""),
    role: z.enum(ROLES),
    accountId: z.string().max(40).default(""),
  })
  .refine((v) => v.role !== "member" || v.accountId !== "", { path: ["accountId"], message: "admin.users.accountRequired" })
  .refine((v) => v.role === "member" || v.accountId === "", { path: ["accountId"], message: "admin.users.accountRequired" });
