import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { checkEndPeriod } from "@/lib/domain/support/weeks";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, notFound } from "@/lib/server/errors";
import { fieldRefusal, lockSupportCase } from "@/lib/server/services/support-case-lock";
import { parisToday, toIsoDay } from "@/lib/utils/dates";
import type { EndSupportInput } from "@/lib/validation/support";

/**
 * Ends a support period with an outcome (issue 5). Guarded by the case
 * version the form showed, which it bumps. Ending support does not close the
 * case: a hearing may still be ahead; the outreach panel closes the case.
 */
export async function endSupportPeriod(db: Db, actor: Actor, input: EndSupportInput, now: Date): Promise<{ version: number }> {
  const today = parisToday(now);
  return db.$transaction(async (tx) => {
    const c = await lockSupportCase(tx, actor, input.caseId, "END_PERIOD");
    if (c.version !== input.version) throw conflict();
    const period = await tx.supportPeriod.findUnique({
      where: { id: input.periodId },
      select: { id: true, caseId: true, startedOn: true, endedOn: true, weeks: { select: { weekOf: true } } },
    });
    if (!period || period.caseId !== c.id) throw notFound("Cet accompagnement");
    const check = checkEndPeriod({ endedOn: input.endedOn, period, periodWeeks: period.weeks.map((w) => w.weekOf), today });
    if (!check.ok) throw fieldRefusal(check.field, check.message);

    const bumped = await tx.case.updateMany({ where: { id: c.id, version: input.version }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) throw conflict();
    await tx.supportPeriod.update({ where: { id: period.id }, data: { endedOn: input.endedOn, outcome: input.outcome, outcomeNote: input.outcomeNote ?? null } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "support.period.end",
      entity: "SupportPeriod",
      entityId: period.id,
      caseId: c.id,
      before: { startedOn: toIsoDay(period.startedOn), endedOn: null, version: input.version },
      after: { endedOn: toIsoDay(input.endedOn), outcome: input.outcome, outcomeNote: input.outcomeNote ?? null, weeks: period.weeks.length, version: input.version + 1 },
    });
    return { version: input.version + 1 };
  });
}
