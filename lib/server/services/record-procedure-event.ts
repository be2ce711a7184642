import "server-only";
import { PROCEDURE_STAGE_LABELS, type ProcedureStage } from "@/lib/domain/labels";
import { canRecordProcedure, canViewCases } from "@/lib/domain/permissions";
import { stageReached } from "@/lib/domain/procedure/stages";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import { refreshDeadlinesForCases } from "@/lib/server/services/refresh-deadlines";
import type { Db } from "@/lib/server/db";
import { conflict, ExpectedError, forbidden, notFound } from "@/lib/server/errors";
import { formatDay, parisToday, toIsoDay } from "@/lib/utils/dates";
import { missingPrerequisiteMessage, STAGE_REQUIRES, STAGES_DATED_AHEAD, type ProcedureEventInput } from "@/lib/validation/procedure";

/** Case.hearingOn: the latest hearing on file, held or set (a postponed hearing gives way to the new date). */
export function latestHearing(events: ReadonlyArray<{ stage: ProcedureStage; date: Date }>): Date | null {
  let latest: Date | null = null;
  for (const e of events) if (e.stage === "HEARING" && (!latest || e.date > latest)) latest = e.date;
  return latest;
}


function invalid(fieldErrors: Record<string, string[]>): ExpectedError {
  return new ExpectedError("INVALID_STEP", "Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors);
}

/**
 * Records one act of the procedure: the ProcedureEvent row, the case's
 * denormalised stage and hearing date recomputed from every act on file, the
 * version bump (optimistic concurrency, decision 005) and the audit row, in
 * one transaction, with the case's dated deadlines recomputed for the lists
 * (refresh-deadlines.ts); the case page computes its timeline afresh.
 */
export async function recordProcedureEvent(
  db: Db,
  actor: Actor,
  input: ProcedureEventInput,
  now: Date,
): Promise<{ eventId: string; stage: ProcedureStage | null; hearingOn: Date | null; version: number }> {
  const today = parisToday(now);
  if (input.date > today && !STAGES_DATED_AHEAD.has(input.stage)) {
    throw invalid({ date: ["La date ne peut pas être dans le futur (seule une audience peut être fixée à l'avance)."] });
  }
  // Issue 13: a JEX decision is recorded only with the end of the delay it grants (CPCE L412-3, L412-4).
  if (input.stage === "JEX_DELAY" && !input.delayEndsOn) {
    throw invalid({ delayUntil: ["Indiquez la fin du délai accordé : une date (« jusqu'au … ») ou un nombre de mois à compter de la décision (1 à 12)."] });
  }
  const hearingToCome = input.stage === "HEARING" && input.date > today;
  if (hearingToCome && (input.householdPresent !== undefined || input.juristPresent !== undefined)) {
    throw invalid({ householdPresent: ["La présence ne peut être indiquée que pour une audience qui a eu lieu."] });
  }

  return db.$transaction(async (tx) => {
    const c = await tx.case.findUnique({
      where: { id: input.caseId },
      select: {
        id: true,
        teamId: true,
        version: true,
        stage: true,
        hearingOn: true,
        procedureEvents: { select: { stage: true, date: true } },
      },
    });
    if (!c || !canViewCases(actor, c.teamId)) throw notFound();
    if (!canRecordProcedure(actor, c.teamId)) {
      throw forbidden("Votre rôle ne permet pas d'enregistrer un acte de procédure.");
    }
    if (c.version !== input.version) throw conflict();

    const required = STAGE_REQUIRES[input.stage];
    if (required) {
      const prior = c.procedureEvents.filter((e) => e.stage === required).sort((a, b) => a.date.getTime() - b.date.getTime());
      if (prior.length === 0) throw invalid({ stage: [missingPrerequisiteMessage(input.stage)!] });
      const first = prior[0]!;
      if (input.date < first.date) {
        throw invalid({ date: [`La date ne peut pas précéder « ${PROCEDURE_STAGE_LABELS[required]} » du ${formatDay(first.date)}.`] });
      }
    }

    const events = [...c.procedureEvents, { stage: input.stage, date: input.date }];
    const stage = stageReached(events, today);
    const hearingOn = latestHearing(events);
    // The case keeps the procedure's reference and court for lists and the hearing file.
    const reference = input.reference ? { procedureRef: input.reference } : {};
    const court = input.courtName ? { courtName: input.courtName } : {};

    // The version check and bump happen in the UPDATE itself: a concurrent
    // transaction that committed first leaves this one with 0 rows.
    const updated = await tx.case.updateMany({
      where: { id: c.id, version: input.version },
      data: { stage, hearingOn, ...reference, ...court, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict();

    const row = await tx.procedureEvent.create({
      data: {
        caseId: c.id,
        stage: input.stage,
        date: input.date,
        reference: input.reference ?? null,
        courtName: input.courtName ?? null,
        householdPresent: input.householdPresent ?? null,
        juristPresent: input.juristPresent ?? null,
        decision: input.decision ?? null,
        delayMonths: input.delayMonths ?? null,
        delayEndsOn: input.delayEndsOn ?? null,
        note: input.note ?? null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    const deadlines = await refreshDeadlinesForCases(tx, [c.id], today).then(() =>
      tx.case.findUniqueOrThrow({ where: { id: c.id }, select: { nextDeadlineOn: true, nextDeadlineKind: true } }),
    );

    const iso = (d: Date | null) => (d ? toIsoDay(d) : null);
    await writeAudit(tx, {
      userId: actor.id,
      action: `procedure.${input.stage.toLowerCase()}`,
      entity: "ProcedureEvent",
      entityId: row.id,
      caseId: c.id,
      before: { stage: c.stage, hearingOn: iso(c.hearingOn), version: input.version },
      after: {
        event: {
          stage: input.stage,
          date: toIsoDay(input.date),
          reference: input.reference ?? null,
          courtName: input.courtName ?? null,
          householdPresent: input.householdPresent ?? null,
          juristPresent: input.juristPresent ?? null,
          decision: input.decision ?? null,
          delayMonths: input.delayMonths ?? null,
          delayEndsOn: input.delayEndsOn ? toIsoDay(input.delayEndsOn) : null,
        },
        stage,
        hearingOn: iso(hearingOn),
        nextDeadlineOn: iso(deadlines.nextDeadlineOn),
        nextDeadlineKind: deadlines.nextDeadlineKind,
        version: input.version + 1,
      },
    });
    return { eventId: row.id, stage, hearingOn, version: input.version + 1 };
  });
}
