import "server-only";
import { canRecordReferrals, canViewCases } from "@/lib/domain/permissions";
import { isBeforeDay } from "@/lib/domain/procedure/calendar";
import { effectiveShared, followUp, type ReferralStatus } from "@/lib/domain/referrals/referral";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, ExpectedError, forbidden, notFound } from "@/lib/server/errors";
import { parisToday, toIsoDay } from "@/lib/utils/dates";
import type { ReferralFollowUpInput, ReferralInput } from "@/lib/validation/referrals";

const field = (name: string, message: string) => new ExpectedError("INVALID_STEP", message, { [name]: [message] });

/** The case a referral write acts on, locked, with the permission checked again for the id from the browser. */
async function lockReferralCase(tx: Prisma.TransactionClient, actor: Actor, caseId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Case" WHERE "id" = ${caseId} FOR UPDATE`;
  const c = await tx.case.findUnique({ where: { id: caseId }, select: { id: true, teamId: true } });
  if (!c || !canViewCases(actor, c.teamId)) throw notFound();
  if (!canRecordReferrals(actor, c.teamId)) throw forbidden("Votre rôle ne permet pas d'orienter un ménage : c'est le travail des travailleurs sociaux, des juristes et de la coordination.");
  return c;
}

/**
 * Records a referral of a household to a partner of the team's directory,
 * with the household's consent (issue 20). Without consent nothing personal
 * is kept as "shared", whatever the form ticked.
 */
export async function recordReferral(db: Db, actor: Actor, input: ReferralInput, now: Date): Promise<{ referralId: string }> {
  const today = parisToday(now);
  if (isBeforeDay(today, input.referredOn)) throw field("referredOn", "La date de l'orientation ne peut pas être à venir.");
  if (input.consentOn && isBeforeDay(today, input.consentOn)) throw field("consentOn", "La date de l'accord ne peut pas être à venir.");
  const consent = input.consent !== "NONE";
  const shared = effectiveShared(input.consent, input.shared);
  return db.$transaction(async (tx) => {
    const c = await lockReferralCase(tx, actor, input.caseId);
    const partner = await tx.partner.findUnique({ where: { id: input.partnerId }, select: { id: true, teamId: true, active: true, kind: true, name: true } });
    if (!partner || partner.teamId !== c.teamId) throw field("partnerId", "Ce partenaire n'est pas dans l'annuaire de l'équipe.");
    if (!partner.active) throw field("partnerId", "Ce partenaire n'est plus actif dans l'annuaire.");
    const data = {
      referredOn: input.referredOn,
      reason: input.reason,
      shared,
      consent: input.consent,
      consentOn: consent ? (input.consentOn ?? null) : null,
      consentCollectedBy: consent ? (input.consentCollectedBy ?? null) : null,
    };
    const row = await tx.referral.create({ data: { teamId: c.teamId, caseId: c.id, partnerId: partner.id, createdById: actor.id, ...data }, select: { id: true } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "referral.create",
      entity: "Referral",
      entityId: row.id,
      caseId: c.id,
      after: { ...data, referredOn: toIsoDay(data.referredOn), consentOn: data.consentOn ? toIsoDay(data.consentOn) : null, partner: { kind: partner.kind, name: partner.name } },
    });
    return { referralId: row.id };
  });
}

/** "RDV pris le …", "reçu", "sans suite": the follow-up of a referral, through the domain's table. */
export async function recordReferralFollowUp(db: Db, actor: Actor, input: ReferralFollowUpInput, now: Date): Promise<{ status: ReferralStatus }> {
  const today = parisToday(now);
  return db.$transaction(async (tx) => {
    const c = await lockReferralCase(tx, actor, input.caseId);
    const r = await tx.referral.findUnique({ where: { id: input.referralId }, select: { id: true, caseId: true, status: true, referredOn: true, appointmentOn: true, followUpOn: true, version: true } });
    if (!r || r.caseId !== c.id) throw notFound("Cette orientation");
    if (r.version !== input.version) throw conflict("Cette orientation a été modifiée par quelqu'un d'autre entre-temps. La page a été rechargée : vérifiez puis recommencez.");
    const result = followUp(r, input.event, { appointmentOn: input.appointmentOn });
    if (!result.ok) throw result.field === "appointmentOn" ? field("appointmentOn", result.message) : new ExpectedError("INVALID_STEP", result.message);
    const after = {
      status: result.to,
      appointmentOn: result.appointmentOn ?? r.appointmentOn,
      followUpOn: r.followUpOn ?? today,
      followUpNote: input.note ?? null,
    };
    await tx.referral.update({ where: { id: r.id }, data: { ...after, version: { increment: 1 } } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "referral.follow_up",
      entity: "Referral",
      entityId: r.id,
      caseId: c.id,
      before: { status: r.status, appointmentOn: r.appointmentOn ? toIsoDay(r.appointmentOn) : null },
      after: { ...after, appointmentOn: after.appointmentOn ? toIsoDay(after.appointmentOn) : null, followUpOn: toIsoDay(after.followUpOn) },
    });
    return { status: result.to };
  });
}
