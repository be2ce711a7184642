import "server-only";
import { z } from "zod";

/**
 * The SMTP server the app sends e-mail through, from environment variables
 * (README "E-mail"; docs/decisions/013-letters-and-email.md):
 *
 *   SMTP_HOST      the server's name (e-mail is off while it is unset)
 *   SMTP_PORT      587 by default, 465 with SMTP_SECURE=true
 *   SMTP_SECURE    true: TLS from the first byte (port 465); false: STARTTLS when offered
 *   SMTP_USER      login, with SMTP_PASSWORD (both or neither)
 *   SMTP_PASSWORD
 *   SMTP_FROM      the sender: "Équipe mobile <prevention@exemple.fr>" or an address
 *
 * Read on every send, not at start-up: e-mail is optional, and an app without
 * it must start; the person who clicks "Envoyer" gets a French message saying
 * what is missing.
 */
export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  auth: { user: string; pass: string } | null;
  from: string;
}

export type SmtpConfigResult = { ok: true; config: SmtpConfig } | { ok: false; message: string };

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

const schema = z.object({
    SMTP_HOST: z.preprocess(emptyToUndefined, z.string().trim().max(255).optional()),
    SMTP_PORT: z.preprocess(emptyToUndefined, z.coerce.number({ error: "SMTP_PORT doit être un nombre." }).int("SMTP_PORT doit être un nombre entier.").min(1, "SMTP_PORT doit être compris entre 1 et 65535.").max(65535, "SMTP_PORT doit être compris entre 1 et 65535.").optional()),
    SMTP_SECURE: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .toLowerCase()
        .refine((v) => ["true", "false", "1", "0", "yes", "no"].includes(v), "SMTP_SECURE doit valoir true ou false.")
        .transform((v) => v === "true" || v === "1" || v === "yes")
        .optional(),
    ),
    SMTP_USER: z.preprocess(emptyToUndefined, z.string().max(255).optional()),
    SMTP_PASSWORD: z.preprocess(emptyToUndefined, z.string().max(1024).optional()),
    SMTP_FROM: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .max(320)
        .refine((v) => ADDRESS.test(v) || /^[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/.test(v), "SMTP_FROM doit être une adresse e-mail, ou « Nom <adresse> ».")
        .optional(),
    ),
});

const NOT_CONFIGURED =
  "L'envoi d'e-mails n'est pas configuré sur ce serveur : l'administrateur doit renseigner SMTP_HOST et SMTP_FROM (voir le README). Envoyez le courrier par la poste en attendant.";

export function readSmtpConfig(env: Record<string, string | undefined> = process.env): SmtpConfigResult {
  if (!env.SMTP_HOST?.trim()) return { ok: false, message: NOT_CONFIGURED };
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  if (!env.SMTP_USER?.trim() !== !env.SMTP_PASSWORD?.trim()) problems.push("SMTP_USER et SMTP_PASSWORD vont ensemble : renseignez les deux, ou aucun.");
  if (!parsed.success || problems.length) {
    return { ok: false, message: `La configuration de l'envoi d'e-mails est invalide : ${problems.join(" ")} Prévenez l'administrateur.` };
  }
  const v = parsed.data;
  if (!v.SMTP_FROM) return { ok: false, message: NOT_CONFIGURED };
  const secure = v.SMTP_SECURE ?? false;
  return {
    ok: true,
    config: {
      host: v.SMTP_HOST!,
      port: v.SMTP_PORT ?? (secure ? 465 : 587),
      secure,
      auth: v.SMTP_USER && v.SMTP_PASSWORD ? { user: v.SMTP_USER, pass: v.SMTP_PASSWORD } : null,
      from: v.SMTP_FROM,
    },
  };
}
