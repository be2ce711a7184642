import type { CaseProcedure } from "@/lib/server/queries/get-case-procedure";
import { LegalBasis } from "./legal-basis";
import { ProcedureAlerts } from "./procedure-alerts";
import { ProcedureRecorder } from "./procedure-recorder";
import { ProcedureTimeline } from "./procedure-timeline";

/**
 * The case's eviction procedure (issue 4): alerts first, the next legal step,
 * the form to record an act, then every stage with its dates and legal basis.
 */
export function ProcedureSection({ procedure }: { procedure: CaseProcedure }) {
  const { computation, today } = procedure;
  const next = computation.nextStep;
  return (
    <section aria-labelledby="procedure" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="procedure" className="text-lg font-semibold">
        Procédure
      </h2>
      <ProcedureAlerts alerts={computation.alerts} />
      {next ? (
        <div className="rounded-md border border-slate-300 bg-slate-50 p-3">
          <p>
            <span className="font-semibold">Prochaine étape :</span> {next.label}
          </p>
          <LegalBasis ruleIds={[next.ruleId]} />
        </div>
      ) : null}
      {procedure.canRecord ? <ProcedureRecorder caseId={procedure.caseId} version={procedure.version} stages={procedure.recordableStages} /> : null}
      <ProcedureTimeline computation={computation} events={procedure.events} today={today} />
    </section>
  );
}
