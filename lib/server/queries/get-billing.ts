import "server-only";
import { agreementToken } from "@/lib/domain/billing/agreement";
import { actOfDiagnostic, billingPeriodErrors, computeBilling, type Act, type Billing } from "@/lib/domain/billing/billing";
import type { BillableAct } from "@/lib/domain/labels";
import { canManageAgreements, canViewBilling } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";

export interface AgreementView {
  id: string;
  token: string;
  teamId: string;
  teamName: string;
  funderName: string;
  reference: string | null;
  periodStart: Date;
  periodEnd: Date;
  advanceShareBp: number;
  advanceReceivedCents: number;
  maxSupportWeeks: number;
  capCents: number | null;
  rates: { act: BillableAct; amountCents: number; maxPerHousehold: number | null }[];
  canEdit: boolean;
}

const SELECT = {
  id: true,
  teamId: true,
  team: { select: { name: true } },
  funderName: true,
  reference: true,
  periodStart: true,
  periodEnd: true,
  advanceShareBp: true,
  advanceReceivedCents: true,
  maxSupportWeeks: true,
  capCents: true,
  rates: { orderBy: { act: "asc" }, select: { act: true, amountCents: true, maxPerHousehold: true } },
} as const;

type Row = {
  id: string;
  teamId: string;
  team: { name: string };
  funderName: string;
  reference: string | null;
  periodStart: Date;
  periodEnd: Date;
  advanceShareBp: number;
  advanceReceivedCents: number;
  maxSupportWeeks: number;
  capCents: number | null;
  rates: { act: BillableAct; amountCents: number; maxPerHousehold: number | null }[];
};

function view(actor: Actor, a: Row): AgreementView {
  const { team, ...values } = a;
  return { ...values, teamName: team.name, token: agreementToken(values), canEdit: canManageAgreements(actor, a.teamId) };
}

/** The agreements of the teams whose billing the actor sees, the latest first. */
export async function listAgreements(db: Db, actor: Actor): Promise<AgreementView[]> {
  const teamIds = actor.teamIds.filter((t) => canViewBilling(actor, t));
  if (teamIds.length === 0) return [];
  const rows = await db.funderAgreement.findMany({ where: { teamId: { in: teamIds } }, orderBy: [{ periodStart: "desc" }, { funderName: "asc" }], select: SELECT });
  return rows.map((r) => view(actor, r));
}

/** One agreement, or null when it does not exist or the actor may not see it ("not found"). */
export async function getAgreement(db: Db, actor: Actor, agreementId: string): Promise<AgreementView | null> {
  if (agreementId.length > 64) return null;
  const row = await db.funderAgreement.findUnique({ where: { id: agreementId }, select: SELECT });
  if (!row || !canViewBilling(actor, row.teamId)) return null;
  return view(actor, row);
}

export interface BilledHousehold {
  name: string;
  city: string;
  cases: { id: string; number: number }[];
}

export interface BillingReport {
  agreement: AgreementView;
  /** Period errors in French (the period must lie within the agreement); billing is null then. */
  periodErrors: Record<"from" | "to", string[]>;
  billing: Billing | null;
  households: Record<string, BilledHousehold>;
}

/**
 * The billing of an agreement over a chosen period: the acts of the team's
 * cases from the agreement's start to the period's end (earlier acts count
 * toward the caps), computed by lib/domain/billing. Null when the agreement
 * does not exist or the actor may not see it.
 */
export async function getBilling(db: Db, actor: Actor, agreementId: string, period: { from: Date; to: Date }): Promise<BillingReport | null> {
  const agreement = await getAgreement(db, actor, agreementId);
  if (!agreement) return null;
  const periodErrors = billingPeriodErrors(agreement, period);
  if (periodErrors.from.length || periodErrors.to.length) return { agreement, periodErrors, billing: null, households: {} };

  const range = { gte: agreement.periodStart, lte: period.to };
  const caseSelect = { select: { id: true, number: true, householdId: true } } as const;
  const [diagnostics, weeks] = await Promise.all([
    db.diagnostic.findMany({ where: { case: { teamId: agreement.teamId }, doneOn: range }, select: { id: true, kind: true, doneOn: true, case: caseSelect } }),
    db.supportWeek.findMany({ where: { period: { case: { teamId: agreement.teamId } }, weekOf: range }, select: { id: true, weekOf: true, period: { select: { case: caseSelect } } } }),
  ]);

  const acts: Act[] = [
    ...diagnostics.map((d) => ({ id: d.id, householdId: d.case.householdId, act: actOfDiagnostic(d.kind), on: d.doneOn })),
    ...weeks.map((w) => ({ id: w.id, householdId: w.period.case.householdId, act: "SUPPORT_WEEK" as const, on: w.weekOf })),
  ];
  const billing = computeBilling(agreement, acts, period);

  // Names of the households billed in the period, with the cases their acts come from.
  const casesOf = new Map<string, Map<string, number>>();
  for (const c of [...diagnostics.map((d) => d.case), ...weeks.map((w) => w.period.case)]) {
    if (!casesOf.has(c.householdId)) casesOf.set(c.householdId, new Map());
    casesOf.get(c.householdId)!.set(c.id, c.number);
  }
  const ids = billing.households.map((h) => h.householdId);
  const rows = ids.length
    ? await db.household.findMany({
        where: { id: { in: ids }, teamId: agreement.teamId },
        select: { id: true, city: true, occupants: { orderBy: { position: "asc" }, select: { firstName: true, lastName: true, role: true } } },
      })
    : [];
  const households: Record<string, BilledHousehold> = {};
  for (const h of rows) {
    const tenant = h.occupants.find((o) => o.role === "TENANT") ?? h.occupants[0];
    households[h.id] = {
      name: tenant ? `${tenant.firstName} ${tenant.lastName.toUpperCase()}` : "Ménage",
      city: h.city,
      cases: [...(casesOf.get(h.id) ?? new Map<string, number>()).entries()].map(([id, number]) => ({ id, number })).sort((a, b) => a.number - b.number),
    };
  }
  // Households in alphabetical order, as a coordinator looks them up.
  billing.households.sort((a, b) => (households[a.householdId]?.name ?? "").localeCompare(households[b.householdId]?.name ?? "", "fr"));
  return { agreement, periodErrors, billing, households };
}
