// Environment is read and validated once, at start-up, so a misconfiguration fails loudly with
// a message that says which variable is wrong instead of surfacing later as a 500.
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db-path.js";

const DEV_SESSION_SECRET = "kizuna-local-development-secret-change-me";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .startsWith("file:", "DATABASE_URL must be a SQLite file URL such as file:./data/kizuna.db")
      .default(DEFAULT_DATABASE_URL),
    SESSION_SECRET: z.string().min(16, "SESSION_SECRET must be at least 16 characters").default(DEV_SESSION_SECRET),
    /** Public base URL used in emailed links. Falls back to the request's own origin. */
    APP_URL: z.string().url("APP_URL must be a full URL such as https://kizuna.example.com").optional(),
    SMTP_URL: z.string().url("SMTP_URL must look like smtp://user:pass@host:587").optional(),
    MAIL_FROM: z.string().default("Kizuna <no-reply@kizuna.local>"),
    MEILI_HOST: z.string().url("MEILI_HOST must be a URL such as http://127.0.0.1:7700").optional(),
    MEILI_API_KEY: z.string().optional(),
    /**
     * The in-process scoring schedule (app/scoring/scheduler.server.ts): "on" or "off". Defaults
     * to on, except under NODE_ENV=test; the browser tests' server turns it off.
     */
    SCORING_SCHEDULE: z.enum(["on", "off"]).optional(),
    /** Minutes between incremental scoring runs. */
    SCORING_INTERVAL_MINUTES: z.coerce.number().int().min(1, "SCORING_INTERVAL_MINUTES must be at least 1").max(1440).default(10),
    /** UTC time of day (HH:MM) after which the daily full scoring run happens. */
    SCORING_FULL_AT: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "SCORING_FULL_AT must be a UTC time such as 02:00")
      .default("02:00"),
    /** The Meilisearch index Kizuna uses (several apps or test runs can share one server). */
    MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "MEILI_INDEX may contain letters, digits, - and _").default("kizuna"),
    /** Cookies get the Secure flag in production; a plain-HTTP local production run can opt out. */
    INSECURE_COOKIES: z.enum(["true", "false"]).default("false"),
    /** Webhook delivery and periodic checks inside the server process; off under tests unless "on". */
    BACKGROUND_JOBS: z.enum(["on", "off"]).optional(),
    /** Hours without an answer before a question.unanswered webhook event is sent. */
    QUESTION_UNANSWERED_HOURS: z.coerce.number().int("QUESTION_UNANSWERED_HOURS must be a whole number of hours").min(1).max(720).default(48),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.SESSION_SECRET === DEV_SESSION_SECRET && env.INSECURE_COOKIES !== "true") {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message: "set SESSION_SECRET to a long random value in production",
      });
    }
  });

export type Env = z.infer<typeof schema>;

function readEnv(): Env {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = readEnv();

export const cookiesAreSecure = env.NODE_ENV === "production" && env.INSECURE_COOKIES !== "true";
