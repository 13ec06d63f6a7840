// Validation of what authors write in content/: article front matter, learning paths, topics.
// Messages name the field and say what is allowed, because the content build prints them next
// to the file name and an author has to fix the file from that line alone.
import { z } from "zod";
import { LOCALES } from "~/i18n/locales";
import { KINDS, PHASES, TIERS, VISIBILITIES } from "./model";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, "use lowercase letters, digits and single hyphens");

/** YAML turns an unquoted 2026-04-10 into a Date; accept both that and the string form. */
const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
    // Only a well-formed date is checked for being real, so a bad one gets one message.
    .pipe(z.string().refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "not a real date")),
);

const videoUrl = z
  .string()
  .refine(
    (url) => /^\/content-media\/[\w.-]+\.(webm|mp4)$/.test(url) || /^https:\/\/[^\s]+\.(webm|mp4)(\?[^\s]*)?$/.test(url),
    "use /content-media/<file>.webm|.mp4 or an https URL to a .webm or .mp4 file",
  );

export function articleFrontMatterSchema(topicIds: readonly string[]) {
  return z
    .object({
      slug,
      title: z.string().trim().min(1).max(120),
      summary: z.string().trim().min(1).max(300),
      tier: z.enum(TIERS),
      kind: z.enum(KINDS),
      topics: z
        .array(z.string().refine((topic) => topicIds.includes(topic), (topic) => ({ message: `unknown topic "${topic}" (add it to content/topics.yml)` })))
        .min(1)
        .max(4),
      phase: z.enum(PHASES),
      locale: z.enum(LOCALES),
      translationKey: slug.optional(),
      minutes: z.number().int().min(1).max(120),
      visibility: z.enum(VISIBILITIES),
      published: isoDate,
      video: z
        .object({ url: videoUrl, seconds: z.number().int().min(1).max(4 * 60 * 60) })
        .strict()
        .optional(),
    })
    .strict();
}

export type ArticleFrontMatter = z.infer<ReturnType<typeof articleFrontMatterSchema>>;

export const pathSchema = z
  .object({
    slug,
    title: z.string().trim().min(1).max(120),
    description: z.string().trim().min(1).max(400),
    tier: z.enum(TIERS),
    translationKey: slug.optional(),
    items: z.array(slug).min(2).max(30),
  })
  .strict();

export type PathFile = z.infer<typeof pathSchema>;

export const topicsSchema = z.record(
  slug,
  z.object({ ja: z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(40) }).strict(),
);

/** "tier: expected one of beginner | intermediate | advanced, got \"expert\"" for each problem. */
export function describeIssues(error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join(".") : "(front matter)";
    const got = valueAt(input, issue.path);
    switch (issue.code) {
      case "invalid_enum_value":
        return `${field}: expected one of ${issue.options.join(" | ")}, got ${JSON.stringify(got)}`;
      case "invalid_type":
        return issue.received === "undefined" ? `${field}: is required` : `${field}: expected ${issue.expected}, got ${issue.received}`;
      case "unrecognized_keys":
        return `${field}: unknown field(s) ${issue.keys.join(", ")}`;
      case "too_small":
        return `${field}: ${issue.type === "array" ? `needs at least ${issue.minimum} item(s)` : issue.type === "string" ? "must not be empty" : `must be at least ${issue.minimum}`}`;
      case "too_big":
        return `${field}: ${issue.type === "array" ? `at most ${issue.maximum} item(s)` : issue.type === "string" ? `at most ${issue.maximum} characters` : `must be at most ${issue.maximum}`}`;
      default:
        return `${field}: ${issue.message}${got === undefined ? "" : `, got ${JSON.stringify(got)}`}`;
    }
  });
}

function valueAt(input: unknown, path: (string | number)[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value instanceof Date ? (Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()) : value;
}
