import { describeDebtCheck, type DebtCheck } from "@/lib/domain/hearing/ledger";
import { formatDay } from "@/lib/utils/dates";
import { formatCents } from "@/lib/utils/money";

/** "Dette réclamée : 3 250,00 € · Dette calculée : 2 890,00 € · Écart : 360,00 € en faveur du locataire". */
export function DebtCheckSummary({ claimed, computedCents, hasLedger, check }: { claimed: { cents: number; on: Date | null } | null; computedCents: number; hasLedger: boolean; check: DebtCheck | null }) {
  const described = check ? describeDebtCheck(check) : null;
  const tone = !check ? "border-slate-300 bg-slate-50" : check.status === "MATCHES" ? "border-emerald-700 bg-emerald-50" : "border-amber-700 bg-amber-50";
  // Issue 13: a ledger that does not cover the claim's months gives no computed debt to compare.
  const notCovered = check?.status === "NOT_COVERED";
  return (
    <div className={`rounded-md border p-3 ${tone}`}>
      <p className="text-lg">
        <span className="block sm:inline">
          Dette réclamée : <strong>{claimed ? formatCents(claimed.cents) : "non renseignée"}</strong>
        </span>
        <span className="hidden sm:inline"> · </span>
        <span className="block sm:inline">
          Dette calculée : <strong>{!hasLedger ? "aucun mois saisi" : notCovered ? "relevé incomplet" : formatCents(computedCents)}</strong>
        </span>
        {described ? (
          <>
            <span className="hidden sm:inline"> · </span>
            <span className="block sm:inline">
              Écart : <strong>{described.difference}</strong>
            </span>
          </>
        ) : null}
      </p>
      {claimed?.on ? <p className="text-sm text-slate-700">Dette réclamée arrêtée au {formatDay(claimed.on)}.</p> : null}
      {described ? (
        <p className="mt-1" role={notCovered ? "status" : undefined}>
          {described.sentence}
        </p>
      ) : null}
      {check?.monthsAfterClaim ? (
        <p className="mt-1 text-sm text-slate-700">
          {check.monthsAfterClaim} mois du relevé postérieur{check.monthsAfterClaim > 1 ? "s" : ""} à la date d&apos;arrêté non compté{check.monthsAfterClaim > 1 ? "s" : ""} dans la comparaison.
        </p>
      ) : null}
      {!check && claimed && !hasLedger ? <p className="mt-1">Saisissez le relevé des loyers ci-dessous pour vérifier la dette réclamée.</p> : null}
    </div>
  );
}
