import "server-only";
import ical, { ICalCalendarMethod } from "ical-generator";
import { addDaysUtc } from "@/lib/domain/procedure/calendar";
import { canViewCases } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { listDueWork } from "@/lib/server/queries/list-due-work";
import { hashCalendarToken } from "@/lib/server/services/manage-reminders";
import { parisToday } from "@/lib/utils/dates";

/**
 * The private calendar feed of a worker (issue 20): the hearings of the cases
 * they follow (as worker or jurist), the partners' appointments of their
 * referrals ("RDV pris le …") and the visits due ("À faire", shown on today
 * until done). All-day events, since the app knows the day and not the hour.
 * Titles carry the case number and the court or partner, never a name: a
 * phone's calendar syncs to third-party servers.
 *
 * Null when the token is unknown or revoked, or its owner is inactive: the
 * route answers 404, the same as for any other address.
 */

const LOOK_BACK_DAYS = 30;
const LOOK_AHEAD_DAYS = 365;

export async function calendarFeedFor(db: Db, token: string, now: Date, appUrl: string | null): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const user = await db.user.findUnique({
    where: { calendarTokenHash: hashCalendarToken(token) },
    select: { id: true, role: true, active: true, memberships: { select: { teamId: true } } },
  });
  if (!user || !user.active) return null;
  const actor = { id: user.id, role: user.role as Role, teamIds: user.memberships.map((m) => m.teamId) };
  const teamIds = actor.teamIds.filter((t) => canViewCases(actor, t));
  const today = parisToday(now);
  const from = addDaysUtc(today, -LOOK_BACK_DAYS);
  const to = addDaysUtc(today, LOOK_AHEAD_DAYS);
  const mine = { OR: [{ assignedWorkerId: user.id }, { assignedJuristId: user.id }] };
  const [hearings, appointments] = await Promise.all([
    db.case.findMany({
      where: { teamId: { in: teamIds }, ...mine, hearingOn: { gte: from, lte: to } },
      orderBy: { hearingOn: "asc" },
      take: 1000,
      select: { id: true, number: true, hearingOn: true, courtName: true },
    }),
    db.referral.findMany({
      where: { teamId: { in: teamIds }, status: "APPOINTMENT", appointmentOn: { gte: from, lte: to }, OR: [{ createdById: user.id }, { case: mine }] },
      take: 1000,
      select: { id: true, appointmentOn: true, caseId: true, case: { select: { number: true } }, partner: { select: { name: true } } },
    }),
  ]);
  const calendar = ical({ name: "Maintien — mes audiences et rendez-vous", prodId: { company: "Maintien", product: "agenda" }, method: ICalCalendarMethod.PUBLISH, timezone: "Europe/Paris", ttl: 3600 });
  const link = (caseId: string) => (appUrl ? `${appUrl.replace(/\/$/, "")}/dossiers/${caseId}` : undefined);
  for (const h of hearings) {
    calendar.createEvent({
      id: `audience-${h.id}-${h.hearingOn!.toISOString().slice(0, 10)}@maintien`,
      start: h.hearingOn!,
      allDay: true,
      summary: `Audience — dossier n° ${h.number}`,
      location: h.courtName ?? undefined,
      url: link(h.id),
      stamp: now,
    });
  }
  for (const a of appointments) {
    calendar.createEvent({
      id: `rdv-${a.id}@maintien`,
      start: a.appointmentOn!,
      allDay: true,
      summary: `RDV partenaire (${a.partner.name}) — dossier n° ${a.case.number}`,
      url: link(a.caseId),
      stamp: now,
    });
  }
  for (const teamId of teamIds) {
    const work = await listDueWork(db, actor, { teamId, scope: "me", now });
    const visits = work?.sections.find((s) => s.section === "VISIT");
    for (const v of visits?.items ?? []) {
      calendar.createEvent({ id: `visite-${v.caseId}@maintien`, start: today, allDay: true, summary: `Visite à faire — dossier n° ${v.number}`, location: v.city, url: link(v.caseId), stamp: now });
    }
  }
  return calendar.toString();
}
