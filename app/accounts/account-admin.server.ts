// Creating and editing customer accounts (admins), and the read models staff pages use.
import { z } from "zod";
import { db } from "~/db.server";
import type { Translate } from "~/i18n/messages";
import { isStaff } from "~/users/roles";
import { formValues, parseForm, type FieldErrors } from "~/utils/validation.server";
import { domainsTakenElsewhere } from "./accounts.server";
import { parseDomainList } from "./email-domain";
import { LIFECYCLE_STAGE_CODES, PLANS } from "./lifecycle";

const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d{1,12}$/, "error.number")
  .transform(Number);

export const accountSchema = z.object({
  name: z.string().trim().min(1).max(120),
  domains: z.string().max(1000).default(""),
  plan: z.enum(PLANS),
  seatsLicensed: wholeNumber,
  arr: wholeNumber,
  renewalDate: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "error.date")
    .refine((v) => v === "" || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "error.date")
    .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null)),
  lifecycleStage: z.enum(LIFECYCLE_STAGE_CODES),
  ownerId: z.string().max(40).default(""),
});

export type AccountInput = z.infer<typeof accountSchema>;

/**
 * Checks what a schema cannot: domains (format, free-mail, taken by another account) and that
 * the owner is staff. Returns field errors, or the clean domain list.
 */
export async function validateAccountInput(
  input: AccountInput,
  t: Translate,
  accountId?: string,
): Promise<{ errors: FieldErrors } | { domains: string[]; ownerId: string | null }> {
  const errors: FieldErrors = {};
  const { domains, invalid, freeMail } = parseDomainList(input.domains);
  if (invalid.length) errors.domains = t("error.domainInvalid", { domains: invalid.join(", ") });
  else if (freeMail.length) errors.domains = t("error.domainFreeMail", { domains: freeMail.join(", ") });
  else {
    const taken = await domainsTakenElsewhere(domains, accountId);
    if (taken.length) errors.domains = t("error.domainTaken", { domains: taken.join(", ") });
  }
  let ownerId: string | null = null;
  if (input.ownerId) {
    const owner = await db.user.findUnique({ where: { id: input.ownerId }, select: { role: true } });
    if (!owner || !isStaff(owner.role)) errors.ownerId = t("error.ownerNotStaff");
    else ownerId = input.ownerId;
  }
  return Object.keys(errors).length ? { errors } : { domains, ownerId };
}

function accountData(input: AccountInput, ownerId: string | null) {
  return {
    name: input.name,
    plan: input.plan,
    seatsLicensed: input.seatsLicensed,
    arr: input.arr,
    renewalDate: input.renewalDate,
    lifecycleStage: input.lifecycleStage,
    ownerId,
  };
}

export async function createAccount(input: AccountInput, domains: string[], ownerId: string | null) {
  return db.account.create({
    data: { ...accountData(input, ownerId), domains: { create: domains.map((domain) => ({ domain })) } },
    select: { id: true, name: true },
  });
}

export async function updateAccount(id: string, input: AccountInput, domains: string[], ownerId: string | null, actorId: string | null = null) {
  return db.$transaction(async (tx) => {
    // A stage edited here is a hand-off like any other: it goes into the stage history.
    const before = await tx.account.findUnique({ where: { id }, select: { lifecycleStage: true } });
    if (before && before.lifecycleStage !== input.lifecycleStage) {
      await tx.accountStageChange.create({ data: { accountId: id, fromStage: before.lifecycleStage, toStage: input.lifecycleStage, kind: "admin", actorId } });
    }
    await tx.accountDomain.deleteMany({ where: { accountId: id } });
    return tx.account.update({
      where: { id },
      data: { ...accountData(input, ownerId), domains: { create: domains.map((domain) => ({ domain })) } },
      select: { id: true, name: true },
    });
  });
}

export async function getAccountForEdit(id: string) {
  const account = await db.account.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      plan: true,
      seatsLicensed: true,
      arr: true,
      renewalDate: true,
      lifecycleStage: true,
      ownerId: true,
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
    },
  });
  if (!account) return null;
  return {
    ...account,
    domains: account.domains.map((d) => d.domain).join(", "),
    renewalDate: account.renewalDate ? account.renewalDate.toISOString().slice(0, 10) : "",
  };
}

export function listStaff() {
  return db.user.findMany({
    where: { role: { in: ["cs", "admin"] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export type SaveAccountResult =
  | { ok: true; account: { id: string; name: string } }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Validates a submitted account form and creates (no id) or updates the account. */
export async function saveAccountForm(
  formData: FormData,
  t: Translate,
  accountId?: string,
  actorId: string | null = null,
): Promise<SaveAccountResult> {
  const form = parseForm(formData, accountSchema, t);
  if (!form.ok) return form;
  const checked = await validateAccountInput(form.data, t, accountId);
  if ("errors" in checked) return { ok: false, errors: checked.errors, values: formValues(formData) };
  const account = accountId
    ? await updateAccount(accountId, form.data, checked.domains, checked.ownerId, actorId)
    : await createAccount(form.data, checked.domains, checked.ownerId);
  return { ok: true, account };
}
