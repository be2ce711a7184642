import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { logCaseAccess } from "@/lib/server/access-log";
import { AidRequests, type AidRequestRow } from "@/components/support/aid-requests";
import type { DiagnosticFormValues } from "@/components/support/diagnostic-form";
import { DiagnosticsPanel, type DiagnosticCard } from "@/components/support/diagnostics-panel";
import { SupportPeriods, type PeriodCard } from "@/components/support/support-periods";
import { AID_KIND_LABELS, CASE_STATE_LABELS, DIAGNOSTIC_KIND_LABELS, SUPPORT_OUTCOME_LABELS } from "@/lib/domain/labels";
import { sourceLabel, sumAmounts, type AmountsBySource } from "@/lib/domain/support/budget";
import { addDays, capReachedMessage } from "@/lib/domain/support/weeks";
import { db } from "@/lib/server/db";
import { getCaseSupport, type CaseSupport, type DiagnosticView } from "@/lib/server/queries/get-case-support";
import { requireUser } from "@/lib/server/session";
import { formatDay, toIsoDay } from "@/lib/utils/dates";
import { centsToInput, formatCents } from "@/lib/utils/money";

export const metadata: Metadata = { title: "Accompagnement" };

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

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;

function amountsInput(amounts: AmountsBySource): Record<string, string> {
  return Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, centsToInput(v)]));
}

function diagnosticCard(d: DiagnosticView): DiagnosticCard {
  const lines = (["resources", "charges"] as const)
    .map((group) => ({
      group: group === "resources" ? "Ressources mensuelles" : "Charges mensuelles (hors loyer)",
      rows: Object.entries(d[group]).map(([k, v]) => ({ label: sourceLabel(group, k), amount: formatCents(v) })),
      total: formatCents(sumAmounts(d[group])),
    }))
    .filter((g) => g.rows.length > 0);
  const housing = [
    d.rentCents !== null ? { label: "Loyer charges comprises", value: formatCents(d.rentCents) } : null,
    d.housingBenefitCents !== null ? { label: "Aide au logement", value: formatCents(d.housingBenefitCents) } : null,
    d.debtsCents !== null ? { label: "Dettes", value: formatCents(d.debtsCents) } : null,
  ].filter((x): x is { label: string; value: string } => x !== null);
  const texts = (
    [
      ["État du logement", d.housingCondition],
      ["Souhaits du ménage", d.wishes],
      ["Analyse", d.analysis],
      ["Préconisations", d.recommendations],
    ] as const
  )
    .filter(([, v]) => !!v)
    .map(([label, value]) => ({ label, value: value as string }));
  const values: DiagnosticFormValues = {
    kind: d.kind,
    doneOn: toIsoDay(d.doneOn),
    jointVisit: d.jointVisit,
    adults: d.adults === null ? "" : String(d.adults),
    children: d.children === null ? "" : String(d.children),
    resources: amountsInput(d.resources),
    charges: amountsInput(d.charges),
    rent: centsToInput(d.rentCents),
    housingBenefit: centsToInput(d.housingBenefitCents),
    debts: centsToInput(d.debtsCents),
    housingCondition: d.housingCondition ?? "",
    wishes: d.wishes ?? "",
    analysis: d.analysis ?? "",
    recommendations: d.recommendations ?? "",
  };
  return {
    id: d.id,
    token: d.token,
    title: `${DIAGNOSTIC_KIND_LABELS[d.kind]} du ${formatDay(d.doneOn)}`,
    joint: d.jointVisit ? "Visite conjointe ADIL + association" : null,
    author: d.authorName,
    composition: d.adults !== null || d.children !== null ? `Ménage : ${plural(d.adults ?? 0, "adulte")}, ${plural(d.children ?? 0, "enfant")}.` : null,
    remaining: d.remaining
      ? {
          monthly: formatCents(d.remaining.monthlyCents),
          perPersonMonthly: formatCents(d.remaining.perPersonMonthlyCents),
          perPersonDaily: formatCents(d.remaining.perPersonDailyCents),
          negative: d.remaining.monthlyCents < 0,
        }
      : null,
    lines,
    housing,
    texts,
    warnings: d.invalidAmounts.length ? [`Montants illisibles dans ce diagnostic (${d.invalidAmounts.join(", ")}) : non comptés, à ressaisir.`] : [],
    values,
  };
}

function weekLabel(monday: Date): string {
  return `Semaine du ${formatDay(monday)} au ${formatDay(addDays(monday, 6))}`;
}

function periodCards(s: CaseSupport): PeriodCard[] {
  return s.periods.map((p) => ({
    id: p.id,
    title: p.endedOn ? `Accompagnement du ${formatDay(p.startedOn)} au ${formatDay(p.endedOn)}` : `Accompagnement en cours depuis le ${formatDay(p.startedOn)}`,
    open: p.endedOn === null,
    outcome: p.outcome ? SUPPORT_OUTCOME_LABELS[p.outcome] : null,
    outcomeNote: p.outcomeNote,
    weeks: p.weeks.map((w) => ({ id: w.id, token: w.token, weekOf: toIsoDay(w.weekOf), label: weekLabel(w.weekOf), actions: w.actions, author: w.authorName })),
    weekChoices: p.weekChoices.map((w) => ({ value: toIsoDay(w), label: weekLabel(w) })),
    suggestedWeek: p.suggestedWeek ? toIsoDay(p.suggestedWeek) : "",
    startedOn: toIsoDay(p.startedOn),
  }));
}

function aidRows(s: CaseSupport): AidRequestRow[] {
  return s.aidRequests.map((r) => ({
    id: r.id,
    token: r.token,
    kind: r.kind,
    kindLabel: AID_KIND_LABELS[r.kind],
    status: r.status,
    amount: centsToInput(r.amountCents),
    amountLabel: r.amountCents !== null ? formatCents(r.amountCents) : null,
    filedOn: r.filedOn ? toIsoDay(r.filedOn) : "",
    decidedOn: r.decidedOn ? toIsoDay(r.decidedOn) : "",
    filedOnLabel: r.filedOn ? formatDay(r.filedOn) : null,
    decidedOnLabel: r.decidedOn ? formatDay(r.decidedOn) : null,
    note: r.note ?? "",
    inHearingFile: r.inHearingFile,
  }));
}

export default async function SupportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const support = await getCaseSupport(db, user, id, new Date());
  // Not found and not allowed look the same: another team must not learn the id exists.
  if (!support) notFound();
  await logCaseAccess(db, user, id);
  const today = toIsoDay(support.today);
  const latest = support.diagnostics[0];
  const newValues: DiagnosticFormValues = latest
    ? { ...diagnosticCard(latest).values, kind: "IN_DEPTH", doneOn: today, jointVisit: false }
    : {
        kind: "FLASH",
        doneOn: today,
        jointVisit: false,
        adults: support.occupants.adults ? String(support.occupants.adults) : "",
        children: support.occupants.children ? String(support.occupants.children) : "",
        resources: {},
        charges: {},
        rent: centsToInput(support.leaseRentCents),
        housingBenefit: "",
        debts: "",
        housingCondition: "",
        wishes: "",
        analysis: "",
        recommendations: "",
      };

  return (
    <div className="flex flex-col gap-4">
      <Link href={`/dossiers/${support.caseId}`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Dossier n° {support.number}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">Accompagnement</h1>
        <p className="text-lg text-slate-800">
          {support.householdName} · Dossier n° {support.number} · {CASE_STATE_LABELS[support.state]}
        </p>
        {support.firstContactOn ? <p className="text-slate-700">Premier contact du ménage le {formatDay(support.firstContactOn)}.</p> : null}
      </div>
      {!support.canRecord ? <p className="rounded-md border border-slate-400 bg-slate-50 p-3">{support.refusals.DIAGNOSTIC}</p> : null}

      <Section id="semaines" title="Semaines d'accompagnement">
        <SupportPeriods
          caseId={support.caseId}
          version={support.version}
          today={today}
          usage={{ ...support.usage, otherCases: support.otherCasesWeeks }}
          capMessage={capReachedMessage(support.usage.max)}
          periods={periodCards(support)}
          refusals={{ start: support.refusals.START_PERIOD, week: support.refusals.WEEK, end: support.refusals.END_PERIOD }}
        />
      </Section>

      <Section id="diagnostics" title="Diagnostics">
        <DiagnosticsPanel caseId={support.caseId} cards={support.diagnostics.map(diagnosticCard)} newValues={newValues} maxDay={today} refusal={support.refusals.DIAGNOSTIC} />
      </Section>

      <Section id="demarches" title="Démarches et préconisations">
        <AidRequests caseId={support.caseId} rows={aidRows(support)} refusal={support.refusals.AID_REQUEST} hearingFileHref={`/dossiers/${support.caseId}/audience`} />
      </Section>

      <Section id="audience" title="Présence à l'audience">
        {support.hearings.length === 0 ? (
          <p>Aucune audience enregistrée.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {support.hearings.map((h) => (
              <li key={h.date.toISOString()}>
                Audience du {formatDay(h.date)} :{" "}
                {h.householdPresent === null ? "présence non renseignée" : h.householdPresent ? (h.juristPresent ? "ménage présent, avec la juriste de l'ADIL" : "ménage présent, sans la juriste") : "ménage absent"}
                .
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm text-slate-700">
          La présence et la décision se saisissent dans la procédure, sur la{" "}
          <Link href={`/dossiers/${support.caseId}`} className="font-medium text-blue-800 underline underline-offset-4">
            page du dossier
          </Link>
          .
        </p>
      </Section>
    </div>
  );
}
