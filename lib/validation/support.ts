import { z } from "zod";
import { AID_KINDS_WITH_AMOUNT, SUPPORT_AID_KINDS } from "@/lib/domain/support/access";
import { CHARGE_SOURCES, RESOURCE_SOURCES } from "@/lib/domain/support/budget";
import { AID_STATUS_LABELS, CHARGE_SOURCE_LABELS, codes, RESOURCE_SOURCE_LABELS, SUPPORT_OUTCOME_LABELS } from "@/lib/domain/labels";
import { checkbox, optionalDate, optionalEuros, optionalText, requiredDate, requiredText } from "./fields";

/**
 * The support tab's forms (issue 5): a diagnostic (flash or in-depth), the
 * start of a support period, one week's entry, the end with an outcome, and
 * an aid request or recommendation. French messages next to each field.
 */

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const caseId = z.string({ error: "Dossier manquant." }).min(1, "Dossier manquant.").max(64);
const rowId = z.string().min(1).max(64);
const optionalRowId = z.preprocess(emptyToUndefined, rowId.optional());
/** The fingerprint of what the form showed (optimistic concurrency on the row). */
const optionalToken = z.preprocess(emptyToUndefined, z.string().min(1).max(200).optional());
const version = z.coerce.number({ error: "Version du dossier manquante." }).int().min(0);

/** Up to 100 000 € a month: beyond, a typing error. */
const MONTHLY_MAX = 100_000_00;
const LONG_TEXT = 4000;

const optionalCount = (label: string, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: `${label} doit être un nombre.` })
      .int(`${label} doit être un nombre entier.`)
      .min(0, `${label} ne peut pas être négatif.`)
      .max(max, `${label} ne peut pas dépasser ${max}.`)
      .optional(),
  );

/** {source: "1 234,56"} from the form → {source: cents} with only the filled sources. */
function amountsBySource<K extends string>(sources: readonly K[], labels: Record<K, string>) {
  const shape = Object.fromEntries(sources.map((s) => [s, optionalEuros(labels[s], MONTHLY_MAX)])) as Record<K, ReturnType<typeof optionalEuros>>;
  return z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? {} : v),
    z.object(shape, { error: "Montants invalides." }).transform((o) => {
      const out: Partial<Record<K, number>> = {};
      for (const s of sources) {
        const cents = (o as Record<K, number | undefined>)[s];
        if (cents !== undefined) out[s] = cents;
      }
      return out as Record<string, number>;
    }),
  );
}

export const DIAGNOSTIC_KINDS = ["FLASH", "IN_DEPTH"] as const;

export const diagnosticSchema = z
  .object({
    caseId,
    /** Present when editing a diagnostic already on file, with its last update time. */
    diagnosticId: optionalRowId,
    token: optionalToken,
    kind: z.enum(DIAGNOSTIC_KINDS, { error: "Choisissez le type de diagnostic." }),
    doneOn: requiredDate("La date du diagnostic"),
    jointVisit: checkbox,
    adults: optionalCount("Le nombre d'adultes", 20),
    children: optionalCount("Le nombre d'enfants", 20),
    resources: amountsBySource(RESOURCE_SOURCES, RESOURCE_SOURCE_LABELS),
    charges: amountsBySource(CHARGE_SOURCES, CHARGE_SOURCE_LABELS),
    rent: optionalEuros("Le loyer", MONTHLY_MAX),
    housingBenefit: optionalEuros("L'aide au logement", MONTHLY_MAX),
    debts: optionalEuros("Les dettes"),
    housingCondition: optionalText("L'état du logement", LONG_TEXT),
    wishes: optionalText("Les souhaits du ménage", LONG_TEXT),
    analysis: optionalText("L'analyse", LONG_TEXT),
    recommendations: optionalText("Les préconisations", LONG_TEXT),
  })
  .superRefine((v, ctx) => {
    // One message per field: the first that applies.
    const flagged = new Set<string>();
    const issue = (path: string, message: string) => {
      if (flagged.has(path)) return;
      flagged.add(path);
      ctx.addIssue({ code: "custom", path: path.split("."), message });
    };
    if (v.children !== undefined && v.adults === undefined) issue("adults", "Indiquez le nombre d'adultes du ménage.");
    if (v.adults === 0 && (v.children ?? 0) > 0) issue("adults", "Un ménage avec des enfants compte au moins un adulte.");
    if (v.housingBenefit !== undefined && v.rent === undefined) issue("rent", "Indiquez le loyer que l'aide au logement vient réduire.");
    if (v.housingBenefit !== undefined && v.rent !== undefined && v.housingBenefit > v.rent) issue("housingBenefit", "L'aide au logement ne peut pas dépasser le loyer.");
    // The in-depth diagnostic (DSF) is the social and financial diagnosis: composition, rent, analysis and recommendations.
    if (v.kind === "IN_DEPTH") {
      if (v.adults === undefined || v.adults < 1) issue("adults", "Le diagnostic approfondi indique la composition du ménage (au moins un adulte).");
      if (v.rent === undefined) issue("rent", "Le diagnostic approfondi indique le loyer (0 s'il n'y en a pas).");
      if (!v.analysis) issue("analysis", "Le diagnostic approfondi comporte l'analyse du travailleur social.");
      if (!v.recommendations) issue("recommendations", "Le diagnostic approfondi comporte des préconisations.");
    }
  });
export type DiagnosticInput = z.output<typeof diagnosticSchema>;

export const startSupportSchema = z.object({
  caseId,
  version,
  startedOn: requiredDate("La date de début"),
});
export type StartSupportInput = z.output<typeof startSupportSchema>;

export const supportWeekSchema = z.object({
  caseId,
  periodId: rowId,
  /** Present when correcting a week already recorded, with the text it showed. */
  weekId: optionalRowId,
  token: optionalToken,
  weekOf: requiredDate("La semaine"),
  actions: requiredText("Ce qui a été fait", 2000),
});
export type SupportWeekInput = z.output<typeof supportWeekSchema>;

export const endSupportSchema = z.object({
  caseId,
  version,
  periodId: rowId,
  endedOn: requiredDate("La date de fin"),
  outcome: z.enum(codes(SUPPORT_OUTCOME_LABELS), { error: "Choisissez comment l'accompagnement se termine." }),
  outcomeNote: optionalText("Le bilan", 2000),
});
export type EndSupportInput = z.output<typeof endSupportSchema>;

export const aidRequestSchema = z
  .object({
    caseId,
    requestId: optionalRowId,
    token: optionalToken,
    kind: z.enum(SUPPORT_AID_KINDS, { error: "Choisissez le type de démarche." }),
    status: z.enum(codes(AID_STATUS_LABELS), { error: "Choisissez l'état de la démarche." }),
    amount: optionalEuros("Le montant"),
    filedOn: optionalDate("La date de dépôt"),
    decidedOn: optionalDate("La date de décision"),
    note: optionalText("La remarque", 1000),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if ((v.status === "FILED" || v.status === "GRANTED" || v.status === "REFUSED") && !v.filedOn) issue("filedOn", "Indiquez la date de dépôt de la demande.");
    if (v.decidedOn && v.status !== "GRANTED" && v.status !== "REFUSED") issue("decidedOn", "Une date de décision n'a de sens que pour une demande accordée ou refusée.");
    if ((v.status === "GRANTED" || v.status === "REFUSED") && !v.decidedOn) issue("decidedOn", "Indiquez la date de la décision.");
    if (v.decidedOn && v.filedOn && v.decidedOn < v.filedOn) issue("decidedOn", "La décision ne peut pas précéder le dépôt.");
    if (v.amount !== undefined && !AID_KINDS_WITH_AMOUNT.has(v.kind)) issue("amount", "Cette démarche ne porte pas sur un montant : laissez ce champ vide.");
  });
export type AidRequestInput = z.output<typeof aidRequestSchema>;
