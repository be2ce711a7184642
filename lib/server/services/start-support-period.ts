import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { checkStartPeriod } from "@/lib/domain/support/weeks";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict } from "@/lib/server/errors";
import { fieldRefusal, householdSupport, lockHousehold, lockSupportCase } from "@/lib/server/services/support-case-lock";
import { parisToday, toIsoDay } from "@/lib/utils/dates";
import type { StartSupportInput } from "@/lib/validation/support";

/**
 * Starts a support period on a case (issue 5). The case changes (a support
 * period is part of its state), so the write is guarded by the case version
 * the form showed, and bumps it. The household's other periods and weeks, all
 * cases together, decide whether a period may start (lib/domain/support/weeks.ts).
 */
export async function startSupportPeriod(db: Db, actor: Actor, input: StartSupportInput, now: Date): Promise<{ periodId: string; version: number }> {
  const today = parisToday(now);
  return db.$transaction(async (tx) => {
    const c = await lockSupportCase(tx, actor, input.caseId, "START_PERIOD");
    if (c.version !== input.version) throw conflict();
    await lockHousehold(tx, c.householdId);
    const household = await householdSupport(tx, c.householdId);
    const check = checkStartPeriod({
      startedOn: input.startedOn,
      today,
      firstContactOn: c.firstContactOn,
      householdPeriods: household.periods,
      householdWeeks: household.weeks.map((w) => w.weekOf),
    });
    if (!check.ok) throw fieldRefusal(check.field, check.message);

    const bumped = await tx.case.updateMany({ where: { id: c.id, version: input.version }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) throw conflict();
    const period = await tx.supportPeriod.create({ data: { caseId: c.id, startedOn: input.startedOn }, select: { id: true } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "support.period.start",
      entity: "SupportPeriod",
      entityId: period.id,
      caseId: c.id,
      before: { version: input.version },
      after: { startedOn: toIsoDay(input.startedOn), version: input.version + 1 },
    });
    return { periodId: period.id, version: input.version + 1 };
  });
}
