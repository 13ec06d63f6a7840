// Schemas for every Q&A form: asking, and the one action of the question page (an `intent` each).
// Messages that are not zod's own codes are message keys (app/qa/messages.ts).
import { z } from "zod";
import { LIMITS, normaliseTag } from "./model";

/** Room for a full-length Japanese body, percent-encoded (9 bytes a character), and the other fields. */
export const QA_FORM_MAX_BYTES = 400_000;

// Browsers submit textarea line breaks as CRLF; count what the writer sees.
const markdown = (max: number, tooLong: "qa.error.bodyTooLong" | "qa.error.answerTooLong", empty: "qa.error.bodyRequired" | "qa.error.answerRequired") =>
  z
    .string({ required_error: empty })
    .transform((text) => text.replace(/\r\n?/g, "\n"))
    .pipe(z.string().max(max, tooLong).refine((text) => text.trim().length > 0, empty));

const title = z
  .string({ required_error: "qa.error.title" })
  .transform((text) => text.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(LIMITS.titleMin, "qa.error.title").max(LIMITS.titleMax, "qa.error.title"));

/** Tags typed comma-separated (Japanese commas too); repeats after normalising count once. */
export function splitTags(raw: string): string[] {
  return raw
    .split(/[,、，]/)
    .map((tag) => tag.normalize("NFKC").trim().replace(/\s+/g, " "))
    .filter(Boolean);
}

const tags = z
  .string()
  .default("")
  .transform(splitTags)
  .pipe(z.array(z.string().max(LIMITS.tagMax, "qa.error.tagLength")))
  .transform((list) => list.filter((tag, i) => list.findIndex((other) => normaliseTag(other) === normaliseTag(tag)) === i))
  .pipe(z.array(z.string()).max(LIMITS.tagsMax, "qa.error.tooManyTags"));

// An unchecked checkbox sends nothing; a checked one sends "on".
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

const id = z.string().trim().min(1).max(64);
const target = z.enum(["question", "answer"]);

const questionFields = {
  title,
  body: markdown(LIMITS.bodyMax, "qa.error.bodyTooLong", "qa.error.bodyRequired"),
  tags,
  beginner: checkbox,
};

export const askSchema = z.object(questionFields);
export type AskInput = z.infer<typeof askSchema>;

const answerBody = markdown(LIMITS.answerMax, "qa.error.answerTooLong", "qa.error.answerRequired");

/** Every form on the question page posts one of these. */
export const questionIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("vote"), targetType: target, targetId: id, value: z.enum(["1", "-1", "0"]).transform((v) => Number(v) as 1 | -1 | 0) }),
  z.object({ intent: z.literal("answer"), body: answerBody }),
  z.object({ intent: z.literal("edit-question"), ...questionFields }),
  z.object({ intent: z.literal("edit-answer"), answerId: id, body: answerBody }),
  z.object({ intent: z.literal("delete-question") }),
  z.object({ intent: z.literal("delete-answer"), answerId: id }),
  z.object({ intent: z.literal("accept"), answerId: id }),
  z.object({
    intent: z.literal("report"),
    targetType: target,
    targetId: id,
    reason: z
      .string({ required_error: "qa.error.reasonRequired" })
      .trim()
      .min(1, "qa.error.reasonRequired")
      .max(LIMITS.reportReasonMax, "qa.error.reasonTooLong"),
  }),
  z.object({ intent: z.literal("moderate-question"), action: z.enum(["lock", "hide", "restore"]) }),
  z.object({ intent: z.literal("moderate-answer"), answerId: id, action: z.enum(["hide", "restore"]) }),
  z.object({ intent: z.literal("official"), answerId: id }),
  z.object({
    intent: z.literal("assign"),
    assigneeId: z
      .string()
      .trim()
      .max(64)
      .default("")
      .transform((value) => value || null),
  }),
]);
export type QuestionIntent = z.infer<typeof questionIntentSchema>;

/** The similar-questions lookup (short titles ask for nothing: SIMILAR_MIN_CHARS in ./ui). */
export const similarQuerySchema = z.object({ title: z.string().trim().max(LIMITS.titleMax).default("") });
