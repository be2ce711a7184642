import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { logCaseAccess } from "@/lib/server/access-log";
import { AnnexPicker } from "@/components/hearing/annex-picker";
import { ClaimedDebtForm } from "@/components/hearing/claimed-debt-form";
import { DebtCheckSummary } from "@/components/hearing/debt-check";
import { HearingRequests, type HearingRequestRow } from "@/components/hearing/hearing-requests";
import { HearingSummary } from "@/components/hearing/hearing-summary";
import { LedgerPanel, type LedgerRowView } from "@/components/hearing/ledger-panel";
import { PlanResult } from "@/components/hearing/plan-result";
import { RepaymentSimulator } from "@/components/hearing/repayment-simulator";
import { addMonths, formatMonthTitle, monthKey, monthStart } from "@/lib/domain/hearing/month";
import { rentResumption } from "@/lib/domain/hearing/repayment-plan";
import { HEARING_REQUEST_KINDS } from "@/lib/domain/hearing/requests";
import { isPreviewable } from "@/lib/domain/attachments/kinds";
import { listAnnexCandidates } from "@/lib/server/queries/attachments";
import { db } from "@/lib/server/db";
import { getHearingFile, simulateForHearingFile, type HearingFile } from "@/lib/server/queries/get-hearing-file";
import { requireUser } from "@/lib/server/session";
import { formatDay, toIsoDay } from "@/lib/utils/dates";
import { centsToInput, formatCents } from "@/lib/utils/money";
import { parseSimulation, simulationFieldsFrom, type SimulationField } from "@/lib/validation/hearing";

export const metadata: Metadata = { title: "Dossier d'audience" };

type Search = Record<string, string | string[] | undefined>;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`titre-${id}`} id={id} className="scroll-mt-4 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id={`titre-${id}`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function ledgerRows(file: HearingFile): LedgerRowView[] {
  return file.ledger.rows.map((r) => ({
    id: r.line.id,
    token: r.line.token,
    label: formatMonthTitle(r.line.month),
    due: formatCents(r.dueCents),
    paid: formatCents(r.line.paidCents),
    housingBenefit: formatCents(r.line.housingBenefitCents),
    monthBalance: formatCents(r.monthBalanceCents),
    runningBalance: formatCents(r.runningBalanceCents),
    note: r.line.note,
    input: {
      month: monthKey(r.line.month),
      rentDue: centsToInput(r.line.rentDueCents),
      chargesDue: centsToInput(r.line.chargesDueCents),
      paid: centsToInput(r.line.paidCents),
      housingBenefit: centsToInput(r.line.housingBenefitCents),
      note: r.line.note ?? "",
    },
  }));
}

/** A new month starts after the latest one (not after this month), with its amounts, or the lease's. */
function newLineDefaults(file: HearingFile) {
  const latest = file.ledger.rows.at(-1)?.line;
  const current = monthStart(file.today);
  const next = latest ? addMonths(latest.month, 1) : current;
  return {
    month: next.getTime() <= current.getTime() ? monthKey(next) : "",
    rentDue: centsToInput(latest?.rentDueCents ?? file.lease?.rentCents),
    chargesDue: centsToInput(latest?.chargesDueCents ?? file.lease?.chargesCents),
    paid: "",
    housingBenefit: latest ? centsToInput(latest.housingBenefitCents) : "",
    note: "",
  };
}

function requestRows(file: HearingFile): HearingRequestRow[] {
  return HEARING_REQUEST_KINDS.map((kind) => {
    const r = file.requests[kind];
    return {
      kind,
      request: r
        ? {
            id: r.id,
            token: r.token,
            status: r.status,
            filedOn: r.filedOn ? toIsoDay(r.filedOn) : "",
            decidedOn: r.decidedOn ? toIsoDay(r.decidedOn) : "",
            filedOnLabel: r.filedOn ? formatDay(r.filedOn) : null,
            decidedOnLabel: r.decidedOn ? formatDay(r.decidedOn) : null,
            note: r.note ?? "",
          }
        : null,
    };
  });
}

export default async function HearingFilePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const user = await requireUser();
  const { id } = await params;
  const file = await getHearingFile(db, user, id, new Date());
  // Not found and not allowed look the same: another team must not learn the id exists.
  if (!file) notFound();
  // The access log and the annexes together (issue 17).
  const [, annexCandidates] = await Promise.all([logCaseAccess(db, user, file.caseId), listAnnexCandidates(db, file.caseId)]);

  const submitted = simulationFieldsFrom(await searchParams);
  const simulation = parseSimulation(submitted);
  const plan = simulation?.ok ? simulateForHearingFile(file, simulation.value) : null;
  // Before any simulation, the form starts from the latest diagnostic's budget.
  const diagnostic = file.diagnostic;
  const simulatorValues: Partial<Record<SimulationField, string>> = simulation
    ? submitted
    : {
        // Issue 13: the simulator starts from the debt the jurist confirms; the proposal is only a starting value.
        dette: file.debtToRepay ? centsToInput(file.debtToRepay.debtCents) : undefined,
        ressources: diagnostic?.resourcesCents != null ? centsToInput(diagnostic.resourcesCents) : undefined,
        personnes: String(diagnostic?.persons ?? (file.household.occupants.length || "")),
        charges: diagnostic?.chargesCents != null ? centsToInput(diagnostic.chargesCents) : undefined,
      };
  const pdfQuery = simulation?.ok ? `?${new URLSearchParams(submitted as Record<string, string>).toString()}` : "";
  const resumption = plan?.rentResumption ?? rentResumption(file.ledger.rows.map((r) => r.line), file.today);
  const gaps = file.ledger.missingMonths;

  return (
    <div className="flex flex-col gap-4">
      <Link href={`/dossiers/${file.caseId}`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Dossier n° {file.number}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">Dossier d&apos;audience</h1>
        <p className="text-lg text-slate-800">
          {file.household.displayName} · Dossier n° {file.number}
        </p>
      </div>
      <a
        href={`/dossiers/${file.caseId}/audience/pdf${pdfQuery}`}
        className="self-start rounded-md border border-blue-800 bg-white px-4 py-2.5 font-semibold text-blue-800 underline-offset-4 hover:underline"
      >
        Télécharger le dossier d&apos;audience (PDF)
      </a>
      {!file.canEdit ? <p className="rounded-md border border-slate-400 bg-slate-50 p-3">Consultation seule : votre rôle ne permet pas de modifier le dossier d&apos;audience.</p> : null}

      <Section id="situation" title="Situation">
        <HearingSummary
          householdName={file.household.displayName}
          persons={file.household.occupants.length}
          address={file.household.address}
          landlord={file.landlord}
          lease={file.lease}
          courtName={file.procedure.courtName}
          reference={file.procedure.reference}
          hearingOn={file.procedure.hearingOn}
          stage={file.procedure.stage}
          events={file.procedure.events.filter((e) => e.date.getTime() <= file.today.getTime())}
        />
      </Section>

      <Section id="dette" title="Vérification de la dette">
        <div className="flex flex-col gap-3">
          <DebtCheckSummary claimed={file.claimedDebt} computedCents={file.debtCheck?.computedDebtCents ?? file.ledger.totals.balanceCents} hasLedger={file.ledger.rows.length > 0} check={file.debtCheck} />
          {file.canEdit ? (
            <ClaimedDebtForm
              caseId={file.caseId}
              version={file.version}
              claimedDebt={file.claimedDebt ? centsToInput(file.claimedDebt.cents) : ""}
              claimedOn={file.claimedDebt?.on ? toIsoDay(file.claimedDebt.on) : ""}
            />
          ) : null}
        </div>
      </Section>

      <Section id="releve" title="Relevé des loyers">
        <LedgerPanel
          caseId={file.caseId}
          canEdit={file.canEdit}
          rows={ledgerRows(file)}
          totals={{
            due: formatCents(file.ledger.totals.dueCents),
            paid: formatCents(file.ledger.totals.paidCents),
            housingBenefit: formatCents(file.ledger.totals.housingBenefitCents),
            balance: formatCents(file.ledger.totals.balanceCents),
          }}
          newDefaults={newLineDefaults(file)}
          maxMonth={monthKey(monthStart(file.today))}
          gapsWarning={gaps.length ? `Mois absents du relevé : ${gaps.map(formatMonthTitle).join(", ")}. Le solde calculé ne les compte pas.` : null}
        />
      </Section>

      <Section id="loyer-courant" title="Reprise du loyer courant">
        <p className={resumption.status === "RESUMED" ? "font-medium text-emerald-900" : resumption.status === "NOT_RESUMED" ? "font-medium text-red-800" : ""}>{resumption.message}</p>
      </Section>

      <Section id="simulation" title="Simulation d'un plan d'apurement">
        <div className="flex flex-col gap-4">
          {file.debtToRepay === null || file.currentRentCents === null ? (
            <p>Saisissez la dette réclamée ou le relevé des loyers, et le loyer du bail, pour simuler un plan.</p>
          ) : (
            <p className="text-slate-800">
              Dette proposée : {formatCents(file.debtToRepay.debtCents)} ({file.debtToRepay.source === "LEDGER" ? "calculée d'après le relevé" : "dette réclamée"}), à confirmer ou
              corriger ci-dessous · loyer courant à charge : {formatCents(file.currentRentCents)}.
            </p>
          )}
          <RepaymentSimulator
            caseId={file.caseId}
            values={simulatorValues}
            errors={simulation && !simulation.ok ? simulation.fieldErrors : {}}
            prefilledFrom={!simulation && diagnostic?.resourcesCents != null ? `d'après le diagnostic du ${formatDay(diagnostic.doneOn)}` : null}
          />
          {plan && file.debtToRepay ? <PlanResult plan={plan} debtSource={file.debtToRepay.source} /> : null}
        </div>
      </Section>

      <Section id="demandes" title="Demandes">
        <HearingRequests caseId={file.caseId} canEdit={file.canEdit} rows={requestRows(file)} />
      </Section>

      <Section id="pieces" title="Pièces jointes">
        <AnnexPicker
          caseId={file.caseId}
          carry={simulation?.ok ? (submitted as Record<string, string>) : {}}
          choices={annexCandidates.map((a) => ({ id: a.id, kind: a.kind, documentOnLabel: formatDay(a.documentOn), fileName: a.fileName, appendable: isPreviewable(a.mimeType) }))}
        />
      </Section>
    </div>
  );
}
