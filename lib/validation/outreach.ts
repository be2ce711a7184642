import { z } from "zod";
import { CLOSURE_REASON_LABELS, codes, CONTACT_CHANNEL_LABELS, VISIT_OUTCOME_LABELS } from "@/lib/domain/labels";
import { checkbox, optionalText, requiredDate, requiredText } from "./fields";

/**
 * One form per outreach event kind, all posted to the same action. Every form
 * carries the case id and the version the user saw (optimistic concurrency),
 * and the day and time it happened (visits at atypical hours are the point).
 */

const common = {
  caseId: z.string().min(1).max(64),
  version: z.coerce.number({ error: "Version du dossier manquante." }).int().min(0),
  day: requiredDate("La date"),
  time: z
    .string({ error: "L'heure est obligatoire." })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "L'heure doit être au format HH:MM (ex. 19:05)."),
  note: optionalText("La remarque", 2000),
  /**
   * The idempotency key the browser makes for one submission (a form mount,
   * later an offline outbox entry): the same key twice records once (issue 16).
   */
  clientId: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "Identifiant de saisie invalide.").optional(),
  ),
};

const simple = (kind: "LETTER_TENANT" | "LETTER_LANDLORD" | "SMS" | "EMAIL" | "PHONE_CALL" | "REMINDER" | "LANDLORD_CONTACT") =>
  z.object({ kind: z.literal(kind), ...common });

export const outreachEventSchema = z.discriminatedUnion(
  "kind",
  [
    simple("LETTER_TENANT"),
    simple("LETTER_LANDLORD"),
    simple("SMS"),
    simple("EMAIL"),
    simple("PHONE_CALL"),
    simple("REMINDER"),
    simple("LANDLORD_CONTACT"),
    z.object({
      kind: z.literal("VISIT"),
      ...common,
      outcome: z.enum(codes(VISIT_OUTCOME_LABELS), { error: "Choisissez le résultat de la visite." }),
      noticeLeft: checkbox,
      indecentHousing: checkbox,
      jointVisit: checkbox,
    }),
    z.object({
      kind: z.literal("HOUSEHOLD_CONTACT"),
      ...common,
      channel: z.enum(codes(CONTACT_CHANNEL_LABELS), { error: "Indiquez comment le ménage a pris contact." }),
    }),
    z.object({
      kind: z.literal("CLOSURE"),
      ...common,
      reason: z.enum(codes(CLOSURE_REASON_LABELS), { error: "Choisissez le motif de clôture." }),
    }),
    z.object({ kind: z.literal("REOPENING"), ...common, reason: requiredText("Le motif de réouverture", 500) }),
  ],
  { error: "Type d'événement inconnu." },
);

export type OutreachEventInput = z.output<typeof outreachEventSchema>;

/** Issue 15, "Premiers courriers": the tenant letter and, when the landlord is known, the landlord letter, at one time. */
export const firstLettersSchema = z.object(common);
export type FirstLettersInput = z.output<typeof firstLettersSchema>;
