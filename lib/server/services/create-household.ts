import "server-only";
import { canCreateHousehold } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { buildSearchText, buildSortName } from "@/lib/domain/search-text";
import { sectorForAddress } from "@/lib/domain/teams/sectors";
import type { Db } from "@/lib/server/db";
import { writeAudit } from "@/lib/server/audit";
import { refreshDeadlinesForCases } from "@/lib/server/services/refresh-deadlines";
import { ExpectedError, notFound } from "@/lib/server/errors";
import { parisToday } from "@/lib/utils/dates";
import type { NewHouseholdInput } from "@/lib/validation/household";

/**
 * New household: household, occupants, landlord (picked or created), lease,
 * case and its first procedure events, written in one transaction with the
 * audit rows. Every id that came from the browser is checked against the
 * actor's team.
 */
export async function createHousehold(db: Db, actor: Actor, input: NewHouseholdInput, now: Date): Promise<{ caseId: string }> {
  if (!canCreateHousehold(actor, input.teamId)) throw notFound("Cette équipe");

  const today = parisToday(now);
  const dateErrors: Record<string, string[]> = {};
  if (input.stageDate > today) dateErrors.stageDate = ["La date de l'acte ne peut pas être dans le futur."];
  // Issue 15: a case typed in after the fact keeps the day it was identified, never a future one.
  const identifiedOn = input.identifiedOn ?? today;
  if (identifiedOn > today) dateErrors.identifiedOn = ["La date d'identification ne peut pas être dans le futur."];
  if (input.leaseSignedOn && input.leaseSignedOn > today) dateErrors.leaseSignedOn = ["La date de signature du bail ne peut pas être dans le futur."];
  if (Object.keys(dateErrors).length > 0) {
    throw new ExpectedError("INVALID_STEP", "Le formulaire contient des erreurs : corrigez les champs signalés.", dateErrors);
  }

  return db.$transaction(async (tx) => {
    const teamId = input.teamId;
    let sectorId: string | null = null;
    if (input.sectorId) {
      const sector = await tx.sector.findFirst({ where: { id: input.sectorId, teamId }, select: { id: true } });
      if (!sector) throw new ExpectedError("NOT_FOUND", "Ce secteur n'existe pas dans votre équipe.", { sectorId: ["Secteur inconnu."] });
      sectorId = sector.id;
    } else {
      // Issue 15: no sector chosen, the one covering the postcode or commune.
      const sectors = await tx.sector.findMany({ where: { teamId }, select: { id: true, name: true, postcodes: true, communes: true } });
      sectorId = sectorForAddress(sectors, { postcode: input.postcode, city: input.city });
    }
    if (input.assignedWorkerId) {
      const member = await tx.teamMembership.findFirst({
        where: { teamId, userId: input.assignedWorkerId, user: { active: true, role: { in: ["SOCIAL_WORKER", "JURIST", "COORDINATOR"] } } },
        select: { userId: true },
      });
      if (!member) throw new ExpectedError("NOT_FOUND", "Cette personne ne fait pas partie de l'équipe.", { assignedWorkerId: ["Personne inconnue dans l'équipe."] });
    }

    let landlordId: string;
    if (input.landlordMode === "existing") {
      const landlord = await tx.landlord.findFirst({ where: { id: input.landlordId, teamId }, select: { id: true } });
      if (!landlord) throw new ExpectedError("NOT_FOUND", "Ce bailleur est introuvable dans votre équipe.", { landlordId: ["Bailleur introuvable."] });
      landlordId = landlord.id;
    } else {
      const l = input.landlord!;
      const created = await tx.landlord.create({
        data: {
          teamId,
          kind: l.kind,
          name: l.name,
          addressLine: l.addressLine,
          postcode: l.postcode,
          city: l.city,
          phone: l.phone,
          email: l.email,
          searchText: buildSearchText([l.name, l.city]),
        },
        select: { id: true, kind: true },
      });
      landlordId = created.id;
      await writeAudit(tx, { userId: actor.id, action: "landlord.create", entity: "Landlord", entityId: created.id, after: created });
    }

    const others = (input.others ?? []).filter((o): o is NonNullable<typeof o> => !!o && !!(o.firstName || o.lastName));
    const occupants = [
      // The first name may be unknown on the street (issue 16): stored empty, completed later.
      { role: "TENANT" as const, firstName: input.tenant.firstName ?? "", lastName: input.tenant.lastName, isChild: false },
      ...(input.coTenant?.firstName && input.coTenant.lastName
        ? [{ role: "CO_TENANT" as const, firstName: input.coTenant.firstName, lastName: input.coTenant.lastName, isChild: false }]
        : []),
      ...others.map((o) => ({ role: "OTHER" as const, firstName: o.firstName ?? "", lastName: o.lastName ?? input.tenant.lastName, isChild: o.isChild })),
    ].map((o, position) => ({ ...o, position }));

    const household = await tx.household.create({
      data: {
        teamId,
        addressLine: input.addressLine,
        addressExtra: input.addressExtra,
        postcode: input.postcode,
        city: input.city,
        phone: input.phone,
        email: input.email,
        notes: input.notes,
        searchText: buildSearchText([...occupants.flatMap((o) => [o.firstName, o.lastName]), input.addressLine, input.postcode, input.city]),
        sortName: buildSortName(input.tenant.lastName, input.tenant.firstName ?? ""),
        occupants: { create: occupants },
      },
      select: { id: true },
    });

    const lease = await tx.lease.create({
      data: {
        householdId: household.id,
        landlordId,
        signedOn: input.leaseSignedOn,
        rentCents: input.rent,
        chargesCents: input.charges ?? 0,
      },
      select: { id: true },
    });

    const procedureEvents = [
      { stage: input.stage, date: input.stageDate, reference: input.procedureRef, courtName: input.courtName },
      ...(input.hearingOn ? [{ stage: "HEARING" as const, date: input.hearingOn, courtName: input.courtName }] : []),
    ];
    const created = await tx.case.create({
      data: {
        teamId,
        householdId: household.id,
        leaseId: lease.id,
        sectorId,
        assignedWorkerId: input.assignedWorkerId,
        source: input.source,
        openedOn: identifiedOn,
        stage: input.stage,
        hearingOn: input.hearingOn,
        debtCents: input.debt,
        debtOn: input.debt !== undefined ? today : undefined,
        procedureRef: input.procedureRef,
        courtName: input.courtName,
        eligible: !input.alreadyFollowed,
        eligibilityNote: input.alreadyFollowed ? (input.eligibilityNote ?? "Déjà suivi par les services sociaux") : input.eligibilityNote,
        procedureEvents: { create: procedureEvents.map((e) => ({ ...e, createdById: actor.id })) },
      },
      select: { id: true, number: true, state: true, stage: true },
    });
    await refreshDeadlinesForCases(tx, [created.id], today);

    await writeAudit(tx, {
      userId: actor.id,
      action: "case.create",
      entity: "Case",
      entityId: created.id,
      caseId: created.id,
      after: {
        number: created.number,
        state: created.state,
        stage: created.stage,
        source: input.source,
        identifiedOn: identifiedOn.toISOString().slice(0, 10),
        sectorId,
        householdId: household.id,
        leaseId: lease.id,
        landlordId,
        occupants: occupants.length,
      },
    });
    return { caseId: created.id };
  });
}
