import "server-only";
import { z } from "zod";

// Environment variables, parsed once with clear messages (STYLE §9).
const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: run the app with `npm start`, which starts the embedded database, or set it to a PostgreSQL URL." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string({ error: "AUTH_SECRET is not set (32+ random characters)." }).min(32, "AUTH_SECRET must be at least 32 characters long"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
