import type { RepaymentPlan } from "@/lib/domain/hearing/repayment-plan";
import { formatCents } from "@/lib/utils/money";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-3 border-b border-slate-200 py-1.5">
      <dt className="text-slate-800">{term}</dt>
      <dd className="text-right font-medium tabular-nums">{children}</dd>
    </div>
  );
}

const HEADLINES: Record<RepaymentPlan["status"], string> = {
  FEASIBLE: "Plan soutenable",
  NO_DEBT: "Aucune dette à apurer",
  NO_CAPACITY: "Aucune mensualité soutenable",
  OVER_MAX_MONTHS: "Pas de plan possible en 36 mois",
};

/** The simulator's result: the figures, then the explanation in French. */
export function PlanResult({ plan, debtSource }: { plan: RepaymentPlan; debtSource: "LEDGER" | "CLAIM" }) {
  const ok = plan.status === "FEASIBLE" || plan.status === "NO_DEBT";
  return (
    <section aria-labelledby="resultat-simulation" className={`rounded-lg border-2 p-4 ${ok ? "border-emerald-700" : "border-amber-700"}`}>
      <h3 id="resultat-simulation" className="mb-2 text-lg font-semibold">
        Résultat : {HEADLINES[plan.status]}
      </h3>
      {plan.status === "FEASIBLE" ? (
        <p className="mb-2 text-xl font-bold">
          {formatCents(plan.monthlyInstalmentCents!)} par mois pendant {plan.months} mois
        </p>
      ) : null}
      <dl className="mb-3">
        <Item term={debtSource === "LEDGER" ? "Dette à apurer (calculée d'après le relevé)" : "Dette à apurer (dette réclamée)"}>{formatCents(plan.input.debtCents)}</Item>
        <Item term="Loyer courant à charge">{formatCents(plan.input.currentRentCents)}</Item>
        <Item term="Reste à vivre minimal">{formatCents(plan.remainingIncomeFloorCents)}</Item>
        <Item term="Capacité de remboursement">{formatCents(plan.capacityCents)}</Item>
        {plan.status === "FEASIBLE" ? <Item term="Dernière échéance">{formatCents(plan.lastInstalmentCents!)}</Item> : null}
      </dl>
      <div className="flex flex-col gap-2">
        {plan.explanation.map((text) => (
          <p key={text}>{text}</p>
        ))}
      </div>
    </section>
  );
}
