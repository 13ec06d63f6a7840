import { z } from "zod";
import { db } from "~/db.server";
import { LOCALES } from "~/i18n/locales";
import { fields } from "~/utils/validation.server";
import { LEVELS, PERSONAS } from "./roles";

export const profileSchema = z.object({
  name: fields.name,
  title: fields.title,
  persona: z.enum(PERSONAS),
  level: z.enum(LEVELS),
  locale: z.enum(LOCALES),
  timeZone: fields.timeZone,
});

export type ProfileInput = z.infer<typeof profileSchema>;

export function getProfile(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      title: true,
      persona: true,
      level: true,
      locale: true,
      timeZone: true,
      role: true,
      reputation: true,
      account: { select: { name: true } },
    },
  });
}

export async function updateProfile(userId: string, input: ProfileInput) {
  await db.user.update({ where: { id: userId }, data: input });
}

/** Every IANA zone the runtime knows, so the select and the validator agree. */
export function timeZoneOptions(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
