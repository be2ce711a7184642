import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { supportWeekToken } from "@/lib/domain/support/fingerprint";
import { checkNewWeek, mondayOf } from "@/lib/domain/support/weeks";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, notFound } from "@/lib/server/errors";
import { fieldRefusal, householdSupport, lockHousehold, lockSupportCase } from "@/lib/server/services/support-case-lock";
import { parisToday, toIsoDay } from "@/lib/utils/dates";
import type { SupportWeekInput } from "@/lib/validation/support";

const CHANGED = "Cette semaine a été modifiée par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez puis recommencez.";

/**
 * Records what was done in one week of a support period, or corrects the text
 * of a week already recorded (issue 5). A new week must pass the household's
 * 8-week cap, counted across all its periods and cases, with the household
 * row locked so that two colleagues cannot both record the 8th.
 */
export async function recordSupportWeek(db: Db, actor: Actor, input: SupportWeekInput, now: Date): Promise<{ weekId: string; created: boolean }> {
  const today = parisToday(now);
  const weekOf = mondayOf(input.weekOf);
  return db.$transaction(async (tx) => {
    const c = await lockSupportCase(tx, actor, input.caseId, "WEEK");
    const period = await tx.supportPeriod.findUnique({ where: { id: input.periodId }, select: { id: true, caseId: true, startedOn: true, endedOn: true } });
    if (!period || period.caseId !== c.id) throw notFound("Cet accompagnement");

    if (input.weekId) {
      const before = await tx.supportWeek.findUnique({ where: { id: input.weekId }, select: { id: true, periodId: true, weekOf: true, actions: true } });
      if (!before || before.periodId !== period.id) throw notFound("Cette semaine");
      if (input.token !== supportWeekToken(before)) throw conflict(CHANGED);
      if (before.weekOf.getTime() !== weekOf.getTime()) {
        throw fieldRefusal("weekOf", "La semaine d'une entrée ne se change pas : corrigez le texte, ou enregistrez la bonne semaine à part.");
      }
      await tx.supportWeek.update({ where: { id: before.id }, data: { actions: input.actions, authorId: actor.id } });
      await writeAudit(tx, {
        userId: actor.id,
        action: "support.week.update",
        entity: "SupportWeek",
        entityId: before.id,
        caseId: c.id,
        before: { weekOf: toIsoDay(before.weekOf), actions: before.actions },
        after: { weekOf: toIsoDay(weekOf), actions: input.actions },
      });
      return { weekId: before.id, created: false };
    }

    await lockHousehold(tx, c.householdId);
    const household = await householdSupport(tx, c.householdId);
    const check = checkNewWeek({ weekOf, period, householdWeeks: household.weeks.map((w) => w.weekOf), today });
    if (!check.ok) throw fieldRefusal(check.field, check.message);
    const row = await tx.supportWeek.create({ data: { periodId: period.id, weekOf, actions: input.actions, authorId: actor.id }, select: { id: true } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "support.week.create",
      entity: "SupportWeek",
      entityId: row.id,
      caseId: c.id,
      after: { periodId: period.id, weekOf: toIsoDay(weekOf), actions: input.actions, householdWeeks: household.weeks.length + 1 },
    });
    return { weekId: row.id, created: true };
  });
}
