import "server-only";
import { z } from "zod";
import { DEFAULT_RETENTION_MONTHS, MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from "@/lib/domain/retention/rules";

// Environment variables, parsed once with clear messages (STYLE §9).

/**
 * Months after a household's last case closure before it is anonymised
 * (issue 8.5, docs/decisions/014-retention-and-anonymisation.md). The
 * organisation's data protection officer sets it; 24 by default.
 */
export const retentionMonthsSchema = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.coerce
  .number({ error: "RETENTION_MONTHS_AFTER_CLOSURE must be a whole number of months" })
  .int("RETENTION_MONTHS_AFTER_CLOSURE must be a whole number of months")
  .min(MIN_RETENTION_MONTHS, `RETENTION_MONTHS_AFTER_CLOSURE must be at least ${MIN_RETENTION_MONTHS}`)
  .max(MAX_RETENTION_MONTHS, `RETENTION_MONTHS_AFTER_CLOSURE must be at most ${MAX_RETENTION_MONTHS}`)
  .default(DEFAULT_RETENTION_MONTHS),
);

/** The retention period alone, for the CLI (which has no AUTH_SECRET to validate). */
export function retentionMonthsFrom(value: string | undefined): number {
  const parsed = retentionMonthsSchema.safeParse(value);
  if (!parsed.success) throw new Error(`Invalid environment:\n  - ${parsed.error.issues.map((i) => i.message).join("\n  - ")}`);
  return parsed.data;
}

const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: run the app with `npm start`, which starts the embedded database, or set it to a PostgreSQL URL." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string({ error: "AUTH_SECRET is not set (32+ random characters)." }).min(32, "AUTH_SECRET must be at least 32 characters long"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  RETENTION_MONTHS_AFTER_CLOSURE: retentionMonthsSchema,
  // How many reverse proxies of ours stand in front of the app (issue 8 sign-in
  // rate limit): X-Forwarded-For is only believed when set. "true" means one.
  TRUST_PROXY: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "" || v === "false" || v === "0") return 0;
      if (v === "true") return 1;
      const n = Number(v);
      if (Number.isInteger(n) && n > 0 && n < 10) return n;
      ctx.addIssue({ code: "custom", message: "TRUST_PROXY must be false, true, or the number of proxies (1 to 9)" });
      return z.NEVER;
    }),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
