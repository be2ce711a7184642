import { z } from "zod";
import { codes, JUDGMENT_DECISION_LABELS, PROCEDURE_STAGE_LABELS, type ProcedureStage } from "@/lib/domain/labels";
import { jexDelayEnd } from "@/lib/domain/procedure/jex";
import { formatDay } from "@/lib/utils/dates";
import { optionalDate, optionalText, requiredDate } from "./fields";

/**
 * Recording one act of the eviction procedure on a case (issue 4). One form for
 * every stage; the fields that only make sense for some stages are kept only
 * for them (reference and court for the assignation and the hearing, presence
 * for the hearing, the decision for the judgment, the end of a JEX delay).
 */



/**
 * What must already be on file before a stage can be recorded, and which it
 * cannot precede: a hearing follows an assignation, a judgment a hearing, a
 * CQL a judgment (CPCE L411-1: an enforceable title), the CQL's referral, a JEX
 * delay, the request for the concours and the expulsion follow the CQL.
 * The commandement de payer, the CCAPEX referral and the assignation need
 * nothing: cases often reach the team at the assignation, without the earlier acts.
 */
export const STAGE_REQUIRES: Readonly<Partial<Record<ProcedureStage, ProcedureStage>>> = {
  PREFET_NOTIFICATION: "ASSIGNATION",
  DSF_REFERRAL: "ASSIGNATION",
  DSF_INTERVIEW_OFFER: "DSF_REFERRAL",
  DSF: "ASSIGNATION",
  HEARING: "ASSIGNATION",
  JUDGMENT: "HEARING",
  JUDGMENT_SERVED: "JUDGMENT",
  COMMANDEMENT_QUITTER_LIEUX: "JUDGMENT",
  CQL_REFERRED_TO_PREFET: "COMMANDEMENT_QUITTER_LIEUX",
  // CPCE L412-3: the JEX may grant delays once the expulsion is ordered, before or after the CQL.
  JEX_REFERRAL: "JUDGMENT",
  JEX_DELAY: "JUDGMENT",
  FORCE_PUBLIQUE_REQUEST: "COMMANDEMENT_QUITTER_LIEUX",
  FORCE_PUBLIQUE_GRANTED: "FORCE_PUBLIQUE_REQUEST",
  EVICTION: "COMMANDEMENT_QUITTER_LIEUX",
};

/** The only stage that may be dated ahead: a hearing is set by the assignation. */
export const STAGES_DATED_AHEAD: ReadonlySet<ProcedureStage> = new Set(["HEARING"]);

const ALL_STAGES = codes(PROCEDURE_STAGE_LABELS);

/** The stages that can be recorded now, in procedural order, given the stages on file. The form offers these; the service refuses the others. */
export function recordableStages(onFile: ReadonlySet<ProcedureStage>): ProcedureStage[] {
  return ALL_STAGES.filter((stage) => {
    const required = STAGE_REQUIRES[stage];
    return !required || onFile.has(required);
  });
}

/** "Jugement" suppose « Audience » : the refusal when a crafted request skips a stage. */
export function missingPrerequisiteMessage(stage: ProcedureStage): string | null {
  const required = STAGE_REQUIRES[stage];
  return required
    ? `« ${PROCEDURE_STAGE_LABELS[stage]} » ne peut être enregistré qu'après « ${PROCEDURE_STAGE_LABELS[required]} ».`
    : null;
}

const WITH_REFERENCE: ReadonlySet<ProcedureStage> = new Set(["ASSIGNATION", "HEARING"]);

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A yes / no radio group that may be left unanswered (a hearing still to come). */
const optionalYesNo = (message: string) =>
  z.preprocess(emptyToUndefined, z.enum(["yes", "no"], { error: message }).optional()).transform((v) => (v === undefined ? undefined : v === "yes"));

export const procedureEventSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    version: z.coerce.number({ error: "Version du dossier manquante." }).int().min(0),
    stage: z.enum(ALL_STAGES, { error: "Choisissez l'acte à enregistrer." }),
    date: requiredDate("La date"),
    reference: optionalText("La référence", 80),
    courtName: optionalText("Le tribunal", 120),
    householdPresent: optionalYesNo("Indiquez si le ménage était présent."),
    juristPresent: optionalYesNo("Indiquez si la ou le juriste était présent."),
    decision: z.preprocess(emptyToUndefined, z.enum(codes(JUDGMENT_DECISION_LABELS), { error: "Choisissez la décision du juge." }).optional()),
    delayMonths: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "Le délai doit être un nombre de mois entre 1 et 12." })
        .int("Le délai doit être un nombre entier de mois, entre 1 et 12.")
        .min(1, "Le juge de l'exécution accorde de 1 à 12 mois (CPCE L412-4).")
        .max(12, "Le juge de l'exécution accorde de 1 à 12 mois (CPCE L412-4).")
        .optional(),
    ),
    /** JEX decision: "jusqu'au …", the other way to give the end of the delay. */
    delayUntil: optionalDate("La date de fin du délai"),
    // Not "note": the outreach form on the same page has one, and field ids derive from names.
    procedureNote: optionalText("La remarque", 2000),
  })
  .superRefine((v, ctx) => {
    if (v.stage === "JUDGMENT" && !v.decision) ctx.addIssue({ code: "custom", path: ["decision"], message: "Choisissez la décision du juge." });
    if (v.stage === "JEX_DELAY") {
      // Issue 13: a JEX decision without a usable end is refused, never recorded as if it granted nothing.
      const months = typeof v.delayMonths === "number" ? v.delayMonths : undefined;
      const until = v.delayUntil instanceof Date ? v.delayUntil : undefined;
      const date = v.date instanceof Date ? v.date : undefined;
      if (months === undefined && until === undefined && v.delayMonths === undefined && v.delayUntil === undefined) {
        const message = "Indiquez la fin du délai accordé : une date (« jusqu'au … ») ou un nombre de mois à compter de la décision (1 à 12).";
        ctx.addIssue({ code: "custom", path: ["delayUntil"], message });
        ctx.addIssue({ code: "custom", path: ["delayMonths"], message });
      } else if (months !== undefined && until !== undefined) {
        ctx.addIssue({ code: "custom", path: ["delayUntil"], message: "Indiquez soit une date de fin, soit un nombre de mois, pas les deux." });
      } else if (date && until) {
        const end = jexDelayEnd({ decidedOn: date, until });
        if (!end.ok) ctx.addIssue({ code: "custom", path: ["delayUntil"], message: `La fin du délai doit être postérieure à la décision du ${formatDay(date)}.` });
      }
    }
    // Runs even when another field failed, so that every error shows at once
    // (the values it reads are then either parsed or the raw, already reported ones).
  }, { when: () => true })
  // Fields of another stage (left in the form by a change of stage, or crafted) are dropped.
  .transform((v) => ({
    caseId: v.caseId,
    version: v.version,
    stage: v.stage,
    date: v.date,
    reference: WITH_REFERENCE.has(v.stage) ? v.reference : undefined,
    courtName: WITH_REFERENCE.has(v.stage) ? v.courtName : undefined,
    householdPresent: v.stage === "HEARING" ? v.householdPresent : undefined,
    juristPresent: v.stage === "HEARING" ? v.juristPresent : undefined,
    decision: v.stage === "JUDGMENT" ? v.decision : undefined,
    delayMonths: v.stage === "JEX_DELAY" ? v.delayMonths : undefined,
    delayEndsOn: v.stage === "JEX_DELAY" ? jexEnd(v.date, v.delayMonths, v.delayUntil) : undefined,
    note: v.procedureNote,
  }));

/** The end of the JEX delay as entered (the refinement above has refused every unusable combination). */
function jexEnd(decidedOn: Date, months: number | undefined, until: Date | undefined): Date | undefined {
  const end = jexDelayEnd({ decidedOn, months: months ?? null, until: until ?? null });
  return end.ok ? end.endsOn : undefined;
}

export type ProcedureEventInput = z.output<typeof procedureEventSchema>;

/** Which optional fields the form shows for a stage. */
export function stageFields(stage: ProcedureStage | undefined) {
  return {
    reference: !!stage && WITH_REFERENCE.has(stage),
    presence: stage === "HEARING",
    decision: stage === "JUDGMENT",
    delayMonths: stage === "JEX_DELAY",
  };
}
