import type { AlertSeverity, ProcedureAlert } from "@/lib/domain/procedure/compute-procedure";
import { abbrText, type AbbrSeen } from "./abbr-text";
import { LegalBasis } from "./legal-basis";

const ORDER: Record<AlertSeverity, number> = { danger: 0, warning: 1, info: 2 };

/** Severity is said in words as well as in colour (WCAG 1.4.1). */
const STYLE: Record<AlertSeverity, { word: string; box: string }> = {
  danger: { word: "Urgent", box: "border-red-700 bg-red-50 text-red-950" },
  warning: { word: "Attention", box: "border-amber-700 bg-amber-50 text-amber-950" },
  info: { word: "À noter", box: "border-blue-700 bg-blue-50 text-slate-900" },
};

/** The procedure's alerts, most serious first, each with the rule it comes from. */
export function ProcedureAlerts({ alerts, seen, showVerify }: { alerts: ProcedureAlert[]; seen: AbbrSeen; showVerify: boolean }) {
  if (alerts.length === 0) return null;
  const sorted = [...alerts].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <div>
      <h3 id="alertes-procedure" className="mb-2 font-semibold">
        Alertes
      </h3>
      <ul aria-labelledby="alertes-procedure" className="flex flex-col gap-2">
        {sorted.map((alert, i) => (
          <li key={`${alert.code}-${i}`} className={`rounded-md border-l-4 border p-3 ${STYLE[alert.severity].box}`}>
            <p>
              <span className="font-bold">{alert.audience === "jurist" ? "Pour la ou le juriste" : STYLE[alert.severity].word} :</span>{" "}
              {abbrText(alert.message, seen)}
            </p>
            <LegalBasis ruleIds={[alert.ruleId]} showVerify={showVerify} />
          </li>
        ))}
      </ul>
    </div>
  );
}
