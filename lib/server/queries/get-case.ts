import "server-only";
import type { CaseSource, CaseState, DeadlineKind, LandlordKind, ProcedureStage } from "@/lib/domain/labels";
import { canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";

export interface CaseDetail {
  id: string;
  teamId: string;
  /** Ids for the forms that edit them (issue 16: "Compléter le ménage"). */
  sectorId: string | null;
  assignedWorkerId: string | null;
  number: number;
  version: number;
  state: CaseState;
  stage: ProcedureStage | null;
  source: CaseSource;
  openedOn: Date;
  closedOn: Date | null;
  hearingOn: Date | null;
  eligible: boolean;
  eligibilityNote: string | null;
  debtCents: number | null;
  procedureRef: string | null;
  courtName: string | null;
  /** The next legal deadline cached for lists (decision 008); the page shows it only from today on. */
  nextDeadlineOn: Date | null;
  nextDeadlineKind: DeadlineKind | null;
  teamName: string;
  sectorName: string | null;
  assignedWorkerName: string | null;
  assignedJuristName: string | null;
  household: {
    addressLine: string;
    addressExtra: string | null;
    postcode: string;
    city: string;
    phone: string | null;
    email: string | null;
    notes: string | null;
    /** Set when retention anonymised the household (issue 8.5): names and contact are gone. */
    anonymisedAt: Date | null;
    occupants: { id: string; role: "TENANT" | "CO_TENANT" | "OTHER"; firstName: string; lastName: string; isChild: boolean }[];
  };
  lease: { signedOn: Date | null; rentCents: number; chargesCents: number } | null;
  landlord: { id: string; name: string; kind: LandlordKind; city: string | null; phone: string | null; email: string | null } | null;
  procedure: { id: string; stage: ProcedureStage; date: Date; reference: string | null; courtName: string | null }[];
}

/** One case for the case page; null when it does not exist or the actor may not see it. */
export async function getCase(db: Db, actor: Actor, caseId: string): Promise<CaseDetail | null> {
  if (caseId.length > 64) return null;
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      teamId: true,
      sectorId: true,
      assignedWorkerId: true,
      number: true,
      version: true,
      state: true,
      stage: true,
      source: true,
      openedOn: true,
      closedOn: true,
      hearingOn: true,
      eligible: true,
      eligibilityNote: true,
      debtCents: true,
      procedureRef: true,
      courtName: true,
      nextDeadlineOn: true,
      nextDeadlineKind: true,
      team: { select: { name: true } },
      sector: { select: { name: true } },
      assignedWorker: { select: { name: true } },
      assignedJurist: { select: { name: true } },
      household: {
        select: {
          addressLine: true,
          addressExtra: true,
          postcode: true,
          city: true,
          phone: true,
          email: true,
          notes: true,
          anonymisedAt: true,
          occupants: { orderBy: { position: "asc" }, select: { id: true, role: true, firstName: true, lastName: true, isChild: true } },
        },
      },
      lease: {
        select: {
          signedOn: true,
          rentCents: true,
          chargesCents: true,
          landlord: { select: { id: true, name: true, kind: true, city: true, phone: true, email: true } },
        },
      },
      procedureEvents: { orderBy: [{ date: "asc" }, { createdAt: "asc" }], select: { id: true, stage: true, date: true, reference: true, courtName: true } },
    },
  });
  if (!c || !canViewCases(actor, c.teamId)) return null;
  return {
    id: c.id,
    teamId: c.teamId,
    sectorId: c.sectorId,
    assignedWorkerId: c.assignedWorkerId,
    number: c.number,
    version: c.version,
    state: c.state,
    stage: c.stage,
    source: c.source,
    openedOn: c.openedOn,
    closedOn: c.closedOn,
    hearingOn: c.hearingOn,
    eligible: c.eligible,
    eligibilityNote: c.eligibilityNote,
    debtCents: c.debtCents,
    procedureRef: c.procedureRef,
    courtName: c.courtName,
    nextDeadlineOn: c.nextDeadlineOn,
    nextDeadlineKind: c.nextDeadlineKind,
    teamName: c.team.name,
    sectorName: c.sector?.name ?? null,
    assignedWorkerName: c.assignedWorker?.name ?? null,
    assignedJuristName: c.assignedJurist?.name ?? null,
    household: c.household,
    lease: c.lease ? { signedOn: c.lease.signedOn, rentCents: c.lease.rentCents, chargesCents: c.lease.chargesCents } : null,
    landlord: c.lease?.landlord ?? null,
    procedure: c.procedureEvents,
  };
}
