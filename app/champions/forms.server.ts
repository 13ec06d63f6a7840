// Form schemas of the champion pages. Field messages that are not zod's own are message keys
// (app/champions/messages.ts). Forms whose fields depend on the criteria are built per request.
import { z } from "zod";
import { evidenceField, languageField, linksField, scoreField, topicField } from "./fields";
import { CHAMPION_LANGUAGES, LIMITS, RUBRIC_LEVELS, SCORE_MAX, SCORE_MIN } from "./model";

const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

export const settingsSchema = z.object({
  intent: z.literal("settings"),
  cohortYear: z.coerce.number({ message: "champions.error.cohortYear" }).int("champions.error.cohortYear").min(LIMITS.cohortMin, "champions.error.cohortYear").max(LIMITS.cohortMax, "champions.error.cohortYear"),
  termMonths: z.coerce.number({ message: "champions.error.termMonths" }).int("champions.error.termMonths").min(LIMITS.termMonthsMin, "champions.error.termMonths").max(LIMITS.termMonthsMax, "champions.error.termMonths"),
  nominationsOpen: checkbox,
  peerNominations: checkbox,
});

const rubric = z
  .string()
  .max(RUBRIC_LEVELS * (LIMITS.rubricLevelMax + 2))
  .transform(lines)
  .refine((levels) => levels.length === RUBRIC_LEVELS, "champions.error.rubricLines")
  .refine((levels) => levels.every((level) => level.length <= LIMITS.rubricLevelMax), "champions.error.rubricLevelLong");

const criterionFields = {
  nameJa: z.string().trim().min(1).max(LIMITS.criterionNameMax),
  nameEn: z.string().trim().min(1).max(LIMITS.criterionNameMax),
  descriptionJa: z.string().trim().min(1).max(LIMITS.criterionDescriptionMax),
  descriptionEn: z.string().trim().min(1).max(LIMITS.criterionDescriptionMax),
  rubricJa: rubric,
  rubricEn: rubric,
};

export const criterionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add-criterion"), ...criterionFields }),
  z.object({ intent: z.literal("edit-criterion"), criterionId: z.string().trim().min(1).max(40), ...criterionFields }),
  z.object({ intent: z.enum(["retire-criterion", "restore-criterion"]), criterionId: z.string().trim().min(1).max(40) }),
]);


function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

const links = z
  .string()
  .max(LIMITS.linksMax * (LIMITS.linkMax + 2))
  .optional()
  .transform((value) => lines(value ?? ""))
  .refine((urls) => urls.length <= LIMITS.linksMax, "champions.error.tooManyLinks")
  .refine((urls) => urls.every((url) => url.length <= LIMITS.linkMax && isHttpUrl(url)), "champions.error.links");

/** The nomination form: a nominee and, for every active criterion, evidence text and optional links. */
export function nominationSchema(criterionIds: readonly string[]) {
  const shape: Record<string, z.ZodTypeAny> = {
    nomineeId: z.string({ message: "champions.error.nomineeRequired" }).trim().min(1, "champions.error.nomineeRequired").max(40),
  };
  for (const id of criterionIds) {
    shape[evidenceField(id)] = z.string({ message: "champions.error.evidenceRequired" }).trim().min(1, "champions.error.evidenceRequired").max(LIMITS.evidenceMax);
    shape[linksField(id)] = links;
  }
  return z.object(shape).transform((data) => ({
    nomineeId: data.nomineeId as string,
    evidence: Object.fromEntries(criterionIds.map((id) => [id, { text: data[evidenceField(id)] as string, links: data[linksField(id)] as string[] }])),
  }));
}

const score = z
  .string({ message: "champions.error.scoreRequired" })
  .trim()
  .min(1, "champions.error.scoreRequired")
  .regex(/^-?\d+$/, "champions.error.score")
  .transform(Number)
  .refine((n) => n >= SCORE_MIN && n <= SCORE_MAX, "champions.error.score");

/** A review: a 1–5 score for each criterion the nomination was made on, and a comment. */
export function reviewSchema(criterionIds: readonly string[]) {
  const shape: Record<string, z.ZodTypeAny> = {
    intent: z.literal("review"),
    comment: z.string().trim().max(LIMITS.commentMax).default(""),
  };
  for (const id of criterionIds) shape[scoreField(id)] = score;
  return z.object(shape).transform((data) => ({
    comment: data.comment as string,
    scores: Object.fromEntries(criterionIds.map((id) => [id, data[scoreField(id)] as number])),
  }));
}

export const decisionSchema = z
  .object({
    intent: z.literal("decide"),
    decision: z.enum(["approve", "decline"], { message: "champions.error.decision" }),
    reason: z.string().trim().max(LIMITS.reasonMax).default(""),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "decline" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "champions.error.reasonRequired" });
  });

/** Backing an existing nomination from the nomination form, where a duplicate was refused. */
export const endorseExistingSchema = z.object({
  intent: z.literal("endorse"),
  nominationId: z.string().trim().min(1).max(40),
  comment: z.string().trim().max(LIMITS.endorsementMax).default(""),
});

export const simpleIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start-review") }),
  z.object({ intent: z.literal("endorse"), comment: z.string().trim().max(LIMITS.endorsementMax).default("") }),
]);

/** The champion's own profile: listed or not, a short bio, expertise topics and languages. */
export function championProfileSchema(topics: readonly string[]) {
  const shape: Record<string, z.ZodTypeAny> = {
    intent: z.literal("profile"),
    listed: checkbox,
    bio: z.string().trim().max(LIMITS.bioMax).default(""),
  };
  for (const topic of topics) shape[topicField(topic)] = checkbox;
  for (const language of CHAMPION_LANGUAGES) shape[languageField(language)] = checkbox;
  return z
    .object(shape)
    .superRefine((data, ctx) => {
      if (topics.filter((topic) => data[topicField(topic)]).length > LIMITS.topicsMax) ctx.addIssue({ code: "custom", path: ["topics"], message: "champions.error.tooManyTopics" });
      if (!CHAMPION_LANGUAGES.some((language) => data[languageField(language)])) ctx.addIssue({ code: "custom", path: ["languages"], message: "champions.error.languageRequired" });
    })
    .transform((data) => ({
      listed: data.listed as boolean,
      bio: data.bio as string,
      topics: topics.filter((topic) => data[topicField(topic)]),
      languages: CHAMPION_LANGUAGES.filter((language) => data[languageField(language)]),
    }));
}

export const revokeSchema = z.object({
  intent: z.literal("revoke"),
  termId: z.string().trim().min(1).max(40),
  reason: z.string().trim().min(1).max(LIMITS.reasonMax),
});
