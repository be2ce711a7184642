import type { ProcedureStage } from "@/lib/domain/labels";

/**
 * The principal stages, in order: the "phase" a case is at, shown in lists.
 * The other stages (CCAPEX referral, préfet notification, DSF, CQL referral,
 * JEX delay) happen within a phase and do not change it (the factories and compute-procedure.ts use this list too).
 */
export const PRINCIPAL_STAGES = [
  "COMMANDEMENT_DE_PAYER",
  "ASSIGNATION",
  "HEARING",
  "JUDGMENT",
  "JUDGMENT_SERVED",
  "COMMANDEMENT_QUITTER_LIEUX",
  "FORCE_PUBLIQUE_REQUEST",
  "FORCE_PUBLIQUE_GRANTED",
  "EVICTION",
] as const satisfies readonly ProcedureStage[];

/**
 * Case.stage: the most advanced principal stage among the acts that have taken
 * place (dated today or earlier). A hearing set for next month does not move
 * the case to the hearing phase before it is held.
 */
export function stageReached(events: ReadonlyArray<{ stage: ProcedureStage; date: Date }>, today: Date): ProcedureStage | null {
  let best = -1;
  for (const e of events) {
    const rank = (PRINCIPAL_STAGES as readonly ProcedureStage[]).indexOf(e.stage);
    if (rank > best && e.date.getTime() <= today.getTime()) best = rank;
  }
  return best < 0 ? null : PRINCIPAL_STAGES[best]!;
}

export type PrincipalStage = (typeof PRINCIPAL_STAGES)[number];
