import { z } from "zod";
import { parseMonth } from "@/lib/domain/hearing/month";
import { LEGAL_MAX_MONTHS } from "@/lib/domain/hearing/repayment-plan";
import { HEARING_REQUEST_KINDS, HEARING_REQUEST_STATUSES, statusNeedsFilingDate } from "@/lib/domain/hearing/requests";
import { optionalDate, optionalEuros, optionalText, requiredEuros } from "./fields";

/**
 * The hearing file's forms (issue 4): a month of the rent ledger, the debt
 * the landlord claims, the four requests, and the repayment simulator (a GET
 * form: its values live in the page's address, so the PDF link can carry them).
 */

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const caseId = z.string({ error: "Dossier manquant." }).min(1, "Dossier manquant.").max(64);
const rowId = z.string().min(1).max(64);
const optionalRowId = z.preprocess(emptyToUndefined, rowId.optional());
/** The fingerprint of the values the form showed (optimistic concurrency). */
const token = z.string().min(1).max(200);

const month = z.preprocess(
  emptyToUndefined,
  z
    .string({ error: "Le mois est obligatoire." })
    .transform((v, ctx) => {
      const m = parseMonth(v);
      if (!m) {
        ctx.addIssue({ code: "custom", message: "Le mois est invalide (ex. 03/2026)." });
        return z.NEVER;
      }
      if (m.getUTCFullYear() < 1990) {
        ctx.addIssue({ code: "custom", message: "Le mois doit être postérieur à 1990." });
        return z.NEVER;
      }
      return m;
    }),
);

/** Up to 100 000 € a month: beyond, a typing error. */
const MONTHLY_MAX = 100_000_00;
const zeroIfAbsent = (schema: z.ZodType<number | undefined>) => schema.transform((v) => v ?? 0);

export const ledgerLineSchema = z.object({
  caseId,
  /** Present when editing a month already on the ledger. */
  lineId: optionalRowId,
  token: z.preprocess(emptyToUndefined, token.optional()),
  month,
  rentDue: requiredEuros("Le loyer dû", MONTHLY_MAX),
  chargesDue: zeroIfAbsent(optionalEuros("Les charges dues", MONTHLY_MAX)),
  paid: zeroIfAbsent(optionalEuros("Le montant payé", MONTHLY_MAX)),
  housingBenefit: zeroIfAbsent(optionalEuros("L'aide au logement", MONTHLY_MAX)),
  note: optionalText("La remarque", 500),
});
export type LedgerLineInput = z.output<typeof ledgerLineSchema>;

export const deleteLedgerLineSchema = z.object({ caseId, lineId: rowId, token });
export type DeleteLedgerLineInput = z.output<typeof deleteLedgerLineSchema>;

export const claimedDebtSchema = z.object({
  caseId,
  version: z.coerce.number({ error: "Version du dossier manquante." }).int().min(0),
  claimedDebt: requiredEuros("La dette réclamée"),
  claimedOn: optionalDate("La date d'arrêté de la dette"),
});
export type ClaimedDebtInput = z.output<typeof claimedDebtSchema>;

export const hearingRequestSchema = z
  .object({
    caseId,
    kind: z.enum(HEARING_REQUEST_KINDS, { error: "Type de demande inconnu." }),
    /** Present when the request exists; the form then sends its last update time. */
    requestId: optionalRowId,
    token: z.preprocess(emptyToUndefined, token.optional()),
    status: z.enum(HEARING_REQUEST_STATUSES, { error: "Choisissez l'état de la demande." }),
    filedOn: optionalDate("La date de dépôt"),
    decidedOn: optionalDate("La date de décision"),
    note: optionalText("La remarque", 1000),
  })
  .superRefine((v, ctx) => {
    if (statusNeedsFilingDate(v.status) && !v.filedOn) {
      ctx.addIssue({ code: "custom", path: ["filedOn"], message: "Indiquez la date de dépôt de la demande." });
    }
    if (v.decidedOn && v.filedOn && v.decidedOn < v.filedOn) {
      ctx.addIssue({ code: "custom", path: ["decidedOn"], message: "La décision ne peut pas précéder le dépôt." });
    }
    if (v.decidedOn && v.status !== "GRANTED" && v.status !== "REFUSED") {
      ctx.addIssue({ code: "custom", path: ["decidedOn"], message: "Une date de décision n'a de sens que pour une demande accordée ou refusée." });
    }
  });
export type HearingRequestInput = z.output<typeof hearingRequestSchema>;

/**
 * The simulator's query: French names, since they show in the page's address
 * ("?ressources=1900&personnes=2&charges=380&duree=24").
 */
export const simulationQuerySchema = z
  .object({
    ressources: requiredEuros("Les ressources mensuelles", MONTHLY_MAX),
    personnes: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "Le nombre de personnes est obligatoire." })
        .int("Le nombre de personnes doit être un nombre entier.")
        .min(1, "Le ménage compte au moins une personne.")
        .max(20, "Le ménage ne peut pas compter plus de 20 personnes."),
    ),
    charges: zeroIfAbsent(optionalEuros("Les charges mensuelles", MONTHLY_MAX)),
    /** Issue 13: the debt the jurist confirms (the page proposes the ledger's or the claim's). */
    dette: optionalEuros("La dette à apurer", 10_000_000_00),
    duree: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "La durée doit être un nombre de mois." })
        .int("La durée doit être un nombre entier de mois.")
        .min(1, "La durée doit être d'au moins 1 mois.")
        .max(LEGAL_MAX_MONTHS, `La durée ne peut pas dépasser ${LEGAL_MAX_MONTHS} mois (loi du 6 juillet 1989, art. 24 V).`)
        .optional(),
    ),
  })
  .transform((v) => ({
    monthlyResourcesCents: v.ressources,
    householdSize: v.personnes,
    monthlyChargesCents: v.charges,
    desiredMonths: v.duree,
    confirmedDebtCents: v.dette,
  }));
export type SimulationQuery = z.output<typeof simulationQuerySchema>;

export const SIMULATION_FIELDS = ["dette", "ressources", "personnes", "charges", "duree"] as const;
export type SimulationField = (typeof SIMULATION_FIELDS)[number];

/** The simulator's fields from a page's or a route's search parameters: strings only, first value. */
export function simulationFieldsFrom(params: Record<string, string | string[] | undefined> | URLSearchParams): Partial<Record<SimulationField, string>> {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : params[k]);
  const out: Partial<Record<SimulationField, string>> = {};
  for (const field of SIMULATION_FIELDS) {
    const value = get(field);
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") out[field] = first.slice(0, 40);
  }
  return out;
}

/** Parses the simulator's fields: null when nothing was submitted, else the plan input or French field errors. */
export function parseSimulation(fields: Partial<Record<SimulationField, string>>):
  | null
  | { ok: true; value: SimulationQuery }
  | { ok: false; fieldErrors: Partial<Record<SimulationField, string[]>> } {
  if (Object.keys(fields).length === 0) return null;
  const parsed = simulationQuerySchema.safeParse(fields);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: Partial<Record<SimulationField, string[]>> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]) as SimulationField;
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors };
}
