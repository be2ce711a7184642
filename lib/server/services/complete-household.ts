import "server-only";
import { canCompleteHousehold } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import { buildSearchText, buildSortName } from "@/lib/domain/search-text";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { conflict, ExpectedError, notFound } from "@/lib/server/errors";
import { refreshDeadlinesForCases } from "@/lib/server/services/refresh-deadlines";
import { parisToday } from "@/lib/utils/dates";
import type { CompleteHouseholdInput } from "@/lib/validation/complete-household";

/**
 * Completes a household created quickly (issue 16 §4): the tenant's first
 * name, contact, lease, debt, sector, worker and notes, in one transaction
 * with the audit row, guarded by the case version. The lease date and the
 * rent change the legal deadlines: they are recomputed in the same
 * transaction (decision 008).
 */
export async function completeHousehold(db: Db, actor: Actor, input: CompleteHouseholdInput, now: Date): Promise<void> {
  const today = parisToday(now);
  if (input.leaseSignedOn && input.leaseSignedOn > today) {
    throw new ExpectedError("INVALID_STEP", "Le formulaire contient des erreurs : corrigez les champs signalés.", {
      leaseSignedOn: ["La date de signature du bail ne peut pas être dans le futur."],
    });
  }
  await db.$transaction(async (tx) => {
    const c = await tx.case.findUnique({
      where: { id: input.caseId },
      select: {
        id: true,
        teamId: true,
        version: true,
        debtCents: true,
        sectorId: true,
        assignedWorkerId: true,
        leaseId: true,
        household: {
          select: {
            id: true,
            anonymisedAt: true,
            addressLine: true,
            postcode: true,
            city: true,
            phone: true,
            email: true,
            addressExtra: true,
            notes: true,
            occupants: { orderBy: { position: "asc" }, select: { id: true, role: true, firstName: true, lastName: true } },
          },
        },
        lease: { select: { signedOn: true, rentCents: true, chargesCents: true } },
      },
    });
    if (!c || !canCompleteHousehold(actor, c.teamId)) throw notFound();
    if (c.household.anonymisedAt) throw new ExpectedError("INVALID_STEP", "Ce ménage a été anonymisé : il ne peut plus être complété.");
    if (c.version !== input.version) throw conflict();

    const fieldErrors: Record<string, string[]> = {};
    if (input.sectorId && !(await tx.sector.findFirst({ where: { id: input.sectorId, teamId: c.teamId }, select: { id: true } }))) {
      fieldErrors.sectorId = ["Secteur inconnu."];
    }
    if (input.assignedWorkerId) {
      const member = await tx.teamMembership.findFirst({
        where: { teamId: c.teamId, userId: input.assignedWorkerId, user: { active: true, role: { in: ["SOCIAL_WORKER", "JURIST", "COORDINATOR"] } } },
        select: { userId: true },
      });
      if (!member) fieldErrors.assignedWorkerId = ["Personne inconnue dans l'équipe."];
    }
    if (Object.keys(fieldErrors).length > 0) throw new ExpectedError("NOT_FOUND", "Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors);

    const tenant = c.household.occupants.find((o) => o.role === "TENANT");
    const firstName = input.tenantFirstName ?? "";
    if (tenant && tenant.firstName !== firstName) {
      await tx.occupant.update({ where: { id: tenant.id }, data: { firstName } });
    }
    const names = c.household.occupants.flatMap((o) => [o.id === tenant?.id ? firstName : o.firstName, o.lastName]);
    await tx.household.update({
      where: { id: c.household.id },
      data: {
        phone: input.phone ?? null,
        email: input.email ?? null,
        addressExtra: input.addressExtra ?? null,
        notes: input.notes ?? null,
        searchText: buildSearchText([...names, c.household.addressLine, c.household.postcode, c.household.city]),
        ...(tenant ? { sortName: buildSortName(tenant.lastName, firstName) } : {}),
      },
    });
    if (c.leaseId) {
      await tx.lease.update({ where: { id: c.leaseId }, data: { signedOn: input.leaseSignedOn ?? null, rentCents: input.rent, chargesCents: input.charges ?? 0 } });
    }
    const debtChanged = (input.debt ?? null) !== c.debtCents;
    const updated = await tx.case.updateMany({
      where: { id: c.id, version: input.version },
      data: {
        sectorId: input.sectorId ?? null,
        assignedWorkerId: input.assignedWorkerId ?? null,
        ...(debtChanged ? { debtCents: input.debt ?? null, debtOn: input.debt !== undefined ? today : null } : {}),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw conflict();
    await refreshDeadlinesForCases(tx, [c.id], today);

    // Names and contact details are personal data: the audit says which changed, not their values
    // (anonymisation must not leave them behind in the audit log, decision 014).
    const personal = {
      firstName: [tenant?.firstName ?? "", firstName],
      phone: [c.household.phone, input.phone ?? null],
      email: [c.household.email, input.email ?? null],
      addressExtra: [c.household.addressExtra, input.addressExtra ?? null],
      notes: [c.household.notes, input.notes ?? null],
    };
    await writeAudit(tx, {
      userId: actor.id,
      action: "household.complete",
      entity: "Household",
      entityId: c.household.id,
      caseId: c.id,
      before: {
        leaseSignedOn: c.lease?.signedOn?.toISOString().slice(0, 10) ?? null,
        rentCents: c.lease?.rentCents ?? null,
        chargesCents: c.lease?.chargesCents ?? null,
        debtCents: c.debtCents,
        sectorId: c.sectorId,
        assignedWorkerId: c.assignedWorkerId,
        version: input.version,
      },
      after: {
        leaseSignedOn: input.leaseSignedOn?.toISOString().slice(0, 10) ?? null,
        rentCents: input.rent,
        chargesCents: input.charges ?? 0,
        debtCents: input.debt ?? null,
        sectorId: input.sectorId ?? null,
        assignedWorkerId: input.assignedWorkerId ?? null,
        version: input.version + 1,
        changed: Object.entries(personal)
          .filter(([, [was, is]]) => (was ?? "") !== (is ?? ""))
          .map(([field]) => field),
      },
    });
  });
}
