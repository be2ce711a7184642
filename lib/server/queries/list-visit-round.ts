import "server-only";
import { canViewDueWork } from "@/lib/domain/permissions";
import { groupVisitRound, type RoundSector, type RoundStop } from "@/lib/domain/outreach/visit-round";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { listDueWork, type DueWorkScope } from "@/lib/server/queries/list-due-work";
import { parisToday } from "@/lib/utils/dates";

export interface VisitRound {
  today: Date;
  scope: DueWorkScope;
  total: number;
  sectors: RoundSector[];
}

const VISIT_STEPS = new Set(["FIRST_VISIT", "SECOND_VISIT"]);

/**
 * "Ma tournée" (issue 16 §6): the visits "À faire" lists for the actor (or the
 * team), with what a day out needs, address, phone and sector. Null when the
 * actor may not see the team's due work: the page answers "not found".
 */
export async function listVisitRound(db: Db, actor: Actor, filter: { teamId: string; scope: DueWorkScope; now: Date }): Promise<VisitRound | null> {
  if (!canViewDueWork(actor, filter.teamId)) return null;
  const work = await listDueWork(db, actor, filter);
  if (!work) return null;

  // A case may sit in several sections (a hearing soon and a visit due): one stop, dated by the visit section.
  const due = new Map<string, { step: RoundStop["step"]; dueOn: Date | null }>();
  for (const section of work.sections) {
    for (const item of section.items) {
      const step = item.steps.find((s) => VISIT_STEPS.has(s)) as RoundStop["step"] | undefined;
      if (!step) continue;
      const known = due.get(item.caseId);
      if (!known || section.section === "VISIT") due.set(item.caseId, { step, dueOn: section.section === "VISIT" ? item.dueOn : (known?.dueOn ?? null) });
    }
  }
  if (due.size === 0) return { today: parisToday(filter.now), scope: filter.scope, total: 0, sectors: [] };

  const rows = await db.case.findMany({
    where: { id: { in: [...due.keys()] }, teamId: filter.teamId },
    select: {
      id: true,
      number: true,
      sector: { select: { name: true } },
      household: {
        select: {
          addressLine: true,
          addressExtra: true,
          postcode: true,
          city: true,
          phone: true,
          occupants: { where: { role: "TENANT" }, take: 1, select: { firstName: true, lastName: true } },
        },
      },
    },
  });
  const stops: RoundStop[] = rows.map((r) => {
    const tenant = r.household.occupants[0];
    const d = due.get(r.id)!;
    return {
      caseId: r.id,
      number: r.number,
      tenantName: tenant ? `${tenant.firstName} ${tenant.lastName.toUpperCase()}`.trim() : "Ménage",
      addressLine: r.household.addressLine,
      addressExtra: r.household.addressExtra,
      postcode: r.household.postcode,
      city: r.household.city,
      phone: r.household.phone,
      sectorName: r.sector?.name ?? null,
      step: d.step,
      dueOn: d.dueOn,
    };
  });
  return { today: parisToday(filter.now), scope: filter.scope, total: stops.length, sectors: groupVisitRound(stops) };
}
