import type { Abbreviation } from "@/lib/domain/abbreviations";
import type { CaseProcedure } from "@/lib/server/queries/get-case-procedure";
import { abbrText } from "./abbr-text";
import { LegalBasis } from "./legal-basis";
import { ProcedureAlerts } from "./procedure-alerts";
import { ProcedureRecorder } from "./procedure-recorder";
import { ProcedureTimeline } from "./procedure-timeline";

/**
 * The case's eviction procedure (issue 4): alerts first, the next legal step,
 * the form to record an act, then every stage with its dates and legal basis.
 */
export function ProcedureSection({ procedure }: { procedure: CaseProcedure }) {
  const { computation, today, showVerify } = procedure;
  const next = computation.nextStep;
  // Issue 13: abbreviations are spelled out on their first use in the section; the
  // parts are called as functions, in reading order, so that "first" is the first read.
  const seen = new Set<Abbreviation>();
  const alerts = ProcedureAlerts({ alerts: computation.alerts, seen, showVerify });
  const nextLabel = next ? abbrText(next.label, seen) : null;
  const timeline = ProcedureTimeline({ computation, events: procedure.events, today, seen, showVerify });
  return (
    <section aria-labelledby="procedure" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="procedure" className="text-lg font-semibold">
        Procédure
      </h2>
      {alerts}
      {next ? (
        <div className="rounded-md border border-slate-300 bg-slate-50 p-3">
          <p>
            <span className="font-semibold">Prochaine étape :</span> {nextLabel}
          </p>
          <LegalBasis ruleIds={[next.ruleId]} showVerify={showVerify} />
        </div>
      ) : null}
      {procedure.canRecord ? <ProcedureRecorder caseId={procedure.caseId} version={procedure.version} stages={procedure.recordableStages} /> : null}
      {timeline}
    </section>
  );
}
