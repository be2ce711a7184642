import { describeDebtCheck, type DebtCheck } from "@/lib/domain/hearing/ledger";
import { formatDay } from "@/lib/utils/dates";
import { formatCents } from "@/lib/utils/money";

/** "Dette réclamée : 3 250,00 € · Dette calculée : 2 890,00 € · Écart : 360,00 € en faveur du locataire". */
export function DebtCheckSummary({ claimed, computedCents, hasLedger, check }: { claimed: { cents: number; on: Date | null } | null; computedCents: number; hasLedger: boolean; check: DebtCheck | null }) {
  const described = check ? describeDebtCheck(check) : null;
  const tone = !check ? "border-slate-300 bg-slate-50" : check.status === "MATCHES" ? "border-emerald-700 bg-emerald-50" : "border-amber-700 bg-amber-50";
  return (
    <div className={`rounded-md border p-3 ${tone}`}>
      <p className="text-lg">
        <span className="block sm:inline">
          Dette réclamée : <strong>{claimed ? formatCents(claimed.cents) : "non renseignée"}</strong>
        </span>
        <span className="hidden sm:inline"> · </span>
        <span className="block sm:inline">
          Dette calculée : <strong>{hasLedger ? formatCents(computedCents) : "aucun mois saisi"}</strong>
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
      {described ? <p className="mt-1">{described.sentence}</p> : null}
      {!check && claimed && !hasLedger ? <p className="mt-1">Saisissez le relevé des loyers ci-dessous pour vérifier la dette réclamée.</p> : null}
    </div>
  );
}
