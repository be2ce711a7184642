import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BillingQueryForm } from "@/components/billing/billing-query-form";
import { BillingReport, type BillingReportView } from "@/components/billing/billing-report";
import type { Billing } from "@/lib/domain/billing/billing";
import { BILLABLE_ACT_LABELS, type BillableAct } from "@/lib/domain/labels";
import { canViewBilling } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { getBilling, listAgreements, type AgreementView, type BillingReport as Report } from "@/lib/server/queries/get-billing";
import { requireUser } from "@/lib/server/session";
import { formatDay, parisToday, toIsoDay } from "@/lib/utils/dates";
import { formatCents } from "@/lib/utils/money";
import { billingFieldsFrom, parseBillingPeriod } from "@/lib/validation/billing";

export const metadata: Metadata = { title: "Facturation" };

const PLURAL: Record<BillableAct, string> = {
  FLASH_DIAGNOSTIC: "Diagnostics flash",
  IN_DEPTH_DIAGNOSTIC: "Diagnostics approfondis",
  SUPPORT_WEEK: "Semaines d'accompagnement",
};

function agreementLabel(a: Pick<AgreementView, "funderName" | "reference" | "periodStart" | "periodEnd" | "teamName">, manyTeams: boolean): string {
  return [a.funderName, a.reference, `${formatDay(a.periodStart)} – ${formatDay(a.periodEnd)}`, manyTeams ? a.teamName : null].filter(Boolean).join(" · ");
}

function reportView(report: Report, billing: Billing): BillingReportView {
  const rates = new Map(report.agreement.rates.map((r) => [r.act, r.amountCents]));
  const balance = billing.balanceCents;
  return {
    periodLabel: `du ${formatDay(billing.period.from)} au ${formatDay(billing.period.to)}`,
    totals: billing.byAct.map((t) => ({ label: PLURAL[t.act], count: t.count, billable: t.billable, amount: formatCents(t.amountCents) })),
    due: formatCents(billing.dueCents),
    notBillable: billing.notBillable,
    dueToDate: formatCents(billing.dueToDateCents),
    advanceShare: `${(billing.advanceShareBp / 100).toLocaleString("fr-FR")} %`,
    advanceExpected: billing.advanceExpectedCents === null ? null : formatCents(billing.advanceExpectedCents),
    advanceReceived: formatCents(billing.advanceReceivedCents),
    balance:
      balance >= 0
        ? { label: "Solde à verser par le financeur (dû depuis le début − avance reçue)", amount: formatCents(balance) }
        : { label: "Avance reçue non encore couverte par des actes", amount: formatCents(-balance) },
    cap: billing.capCents === null ? null : formatCents(billing.capCents),
    capLeft: billing.capLeftCents === null ? null : formatCents(billing.capLeftCents),
    households: billing.households.map((h) => {
      const info = report.households[h.householdId];
      const summary = (Object.keys(BILLABLE_ACT_LABELS) as BillableAct[]).flatMap((act) => {
        const billed = h.acts.filter((a) => a.act === act && a.billable);
        if (billed.length === 0) return [];
        const rate = rates.get(act) ?? 0;
        const full = billed.every((a) => a.amountCents === rate);
        const amount = billed.reduce((s, a) => s + a.amountCents, 0);
        return [full ? `${BILLABLE_ACT_LABELS[act]} : ${billed.length} × ${formatCents(rate)} = ${formatCents(amount)}` : `${BILLABLE_ACT_LABELS[act]} : ${billed.length}, ${formatCents(amount)} (plafond atteint)`];
      });
      if (h.notBillable > 0) summary.push(`${h.notBillable} acte${h.notBillable > 1 ? "s" : ""} non facturable${h.notBillable > 1 ? "s" : ""} (motif dans le détail)`);
      return {
        id: h.householdId,
        name: info?.name ?? "Ménage",
        city: info?.city ?? "",
        cases: info?.cases ?? [],
        summary,
        total: formatCents(h.billedCents),
        earlier: h.earlier.count ? `Avant la période : ${h.earlier.count} acte${h.earlier.count > 1 ? "s" : ""} (${formatCents(h.earlier.amountCents)}), comptés pour les plafonds.` : null,
        acts: h.acts.map((a) => ({
          key: `${a.act}-${a.id}`,
          day: formatDay(a.on),
          label: a.act === "SUPPORT_WEEK" ? `${BILLABLE_ACT_LABELS[a.act]} (${a.rank}e du ménage)` : BILLABLE_ACT_LABELS[a.act],
          amount: formatCents(a.amountCents),
          billable: a.billable,
          reason: a.reason,
        })),
      };
    }),
  };
}

type Search = Record<string, string | string[] | undefined>;

export default async function BillingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  // Coordinators and admins only: for anyone else the page does not exist.
  if (!user.teamIds.some((t) => canViewBilling(user, t))) notFound();
  const agreements = await listAgreements(db, user);
  const manyTeams = new Set(agreements.map((a) => a.teamId)).size > 1;
  const canCreate = user.teamIds.some((t) => canViewBilling(user, t));
  const fields = billingFieldsFrom(await searchParams);
  const today = parisToday(new Date());
  // By default the agreement running today, else the latest one; the whole agreement as the period.
  const current = agreements.find((a) => a.id === fields.convention) ?? agreements.find((a) => a.periodStart <= today && today <= a.periodEnd) ?? agreements[0];
  const values = { convention: current?.id ?? "", du: fields.du ?? (current ? toIsoDay(current.periodStart) : ""), au: fields.au ?? (current ? toIsoDay(current.periodEnd) : "") };
  const period = parseBillingPeriod(values);
  const report = current && period.ok ? await getBilling(db, user, current.id, period) : null;
  const errors = !period.ok ? period.fieldErrors : report ? { du: report.periodErrors.from, au: report.periodErrors.to } : {};

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Facturation</h1>
        {canCreate ? (
          <Link href="/facturation/conventions/nouvelle" className="font-medium text-blue-800 underline underline-offset-4">
            Nouvelle convention
          </Link>
        ) : null}
      </div>
      <p className="text-slate-800">
        Actes réalisés sur une période, au tarif de la convention du financeur. Les plafonds (semaines par ménage, actes par ménage, plafond de la convention) se comptent depuis le début
        de la convention ; un acte au-delà est listé comme non facturable, avec son motif.
      </p>
      {agreements.length === 0 ? (
        <p className="rounded-md border border-slate-400 bg-slate-50 p-3">Aucune convention enregistrée pour votre équipe : créez-en une pour calculer la facturation.</p>
      ) : (
        <>
          <BillingQueryForm agreements={agreements.map((a) => ({ id: a.id, label: agreementLabel(a, manyTeams) }))} values={values} errors={errors} />
          {current ? (
            <section aria-labelledby="titre-convention" className="rounded-lg border border-slate-300 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="titre-convention" className="text-lg font-semibold">
                  {current.funderName}
                  {current.reference ? ` · ${current.reference}` : ""}
                </h2>
                {current.canEdit ? (
                  <Link href={`/facturation/conventions/${current.id}`} className="font-medium text-blue-800 underline underline-offset-4">
                    Modifier la convention
                  </Link>
                ) : null}
              </div>
              <p>
                Du {formatDay(current.periodStart)} au {formatDay(current.periodEnd)} · {current.maxSupportWeeks} semaines au plus par ménage
                {current.capCents !== null ? ` · plafond ${formatCents(current.capCents)}` : ""}
              </p>
              <ul className="mt-1 list-disc pl-5">
                {current.rates.map((r) => (
                  <li key={r.act}>
                    {BILLABLE_ACT_LABELS[r.act]} : {formatCents(r.amountCents)}
                    {r.maxPerHousehold !== null ? `, ${r.maxPerHousehold} au plus par ménage` : ""}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {report?.billing ? <BillingReport report={reportView(report, report.billing)} /> : null}
        </>
      )}
    </div>
  );
}
