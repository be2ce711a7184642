import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { logCaseAccess } from "@/lib/server/access-log";
import { AnonymisedNotice } from "@/components/case/anonymised-notice";
import { CaseHeader } from "@/components/case/case-header";
import { CaseSectionNav, parseCaseSection } from "@/components/case/case-sections";
import { CaseSummary } from "@/components/case/case-summary";
import { CompleteHouseholdForm } from "@/components/household/complete-household-form";
import { OutreachPanel } from "@/components/outreach/outreach-panel";
import { OutreachTimeline } from "@/components/outreach/timeline";
import { ProcedureSection } from "@/components/procedure/procedure-section";
import { SavedNotice } from "@/components/ui/saved-notice";
import { OUTREACH_SAVED_MESSAGES } from "@/lib/domain/outreach/saved-messages";
import { canCompleteHousehold, canPrepareLetters } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { getCase } from "@/lib/server/queries/get-case";
import { getCaseProcedure } from "@/lib/server/queries/get-case-procedure";
import { getCaseWorkflow } from "@/lib/server/queries/get-case-workflow";
import { getTeamOptions } from "@/lib/server/queries/team-options";
import { requireUser } from "@/lib/server/session";
import { parisToday, toIsoDay } from "@/lib/utils/dates";
import { centsToInput } from "@/lib/utils/money";

export const metadata: Metadata = { title: "Dossier" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The case as a worker uses it on a phone (issue 16 §2): who, where, the
 * phone, the state, the next deadline and the next action first; then one
 * section at a time (Historique, Procédure, Ménage here; Accompagnement and
 * Courriers on their own pages), each with its URL.
 */
export default async function CasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const user = await requireUser();
  const { id } = await params;
  const now = new Date();
  const search = await searchParams;
  const section = parseCaseSection(search.section, user.role);
  // The case's reads together (issue 17; on PostgreSQL they run in parallel): each checks access itself.
  const [data, workflow, procedure] = await Promise.all([
    getCase(db, user, id),
    getCaseWorkflow(db, user, id, now),
    section === "procedure" ? getCaseProcedure(db, user, id, now) : null,
  ]);
  // Not found and not allowed look the same: another team must not learn the id exists.
  if (!data || !workflow) notFound();
  if (section === "procedure" && !procedure) notFound();
  await logCaseAccess(db, user, data.id);

  // The event just saved (the panel comes back here with its id): confirmed and highlighted.
  const savedId = one(search.enregistre);
  const savedEntry = savedId ? workflow.timeline.find((e) => e.id === savedId) : undefined;
  const saved = savedEntry ? { id: savedEntry.id, message: OUTREACH_SAVED_MESSAGES[savedEntry.kind] } : null;
  const opening = one(search.action) === "visite" ? "VISIT" : null;
  // "Compléter le ménage" (the quick household's "later"), in the Ménage section.
  const completing = section === "menage" && !data.household.anonymisedAt && canCompleteHousehold(user, data.teamId);
  const options = completing ? await getTeamOptions(db, user, data.teamId) : null;
  const tenant = data.household.occupants.find((o) => o.role === "TENANT");

  return (
    <div className="flex flex-col gap-4">
      <Link href="/dossiers" className="inline-flex min-h-11 items-center self-start font-medium text-blue-800 underline underline-offset-4 print:hidden">
        ← Dossiers
      </Link>
      {one(search.cree) ? <SavedNotice message="Le dossier a été créé." token="cree" /> : null}
      <CaseHeader data={data} today={parisToday(now)} />
      <AnonymisedNotice anonymisedAt={data.household.anonymisedAt} />
      <section aria-labelledby="aller-vers" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="aller-vers" className="mb-3 text-lg font-semibold">
          Aller-vers
        </h2>
        <OutreachPanel
          caseId={data.id}
          version={workflow.version}
          availability={workflow.availability}
          pending={workflow.pending}
          closureReasons={workflow.closureReasons}
          saved={saved}
          initialKind={opening}
        />
      </section>
      <CaseSectionNav caseId={data.id} current={section} showLetters={user.teamIds.some((t) => canPrepareLetters(user, t))} />

      {section === "historique" ? (
        <section aria-labelledby="historique" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="historique" className="mb-3 text-lg font-semibold">
            Historique
          </h2>
          <OutreachTimeline entries={workflow.timeline} highlightId={saved?.id} />
        </section>
      ) : null}

      {section === "procedure" && procedure ? (
        <>
          <ProcedureSection procedure={procedure} />
          <Link href={`/dossiers/${data.id}/audience`} className="inline-flex min-h-11 items-center self-start font-medium text-blue-800 underline underline-offset-4">
            Dossier d&apos;audience (dette, plan d&apos;apurement, demandes, PDF)
          </Link>
          <Link href={`/dossiers/${data.id}/ce-qui-va-se-passer`} className="inline-flex min-h-11 items-center self-start font-medium text-blue-800 underline underline-offset-4">
            Fiche « Ce qui va se passer » pour le ménage
          </Link>
        </>
      ) : null}

      {section === "menage" ? (
        <>
          {completing && options ? (
            <CompleteHouseholdForm
              caseId={data.id}
              version={data.version}
              sectors={options.sectors}
              workers={options.workers}
              today={toIsoDay(parisToday(now))}
              values={{
                tenantFirstName: tenant?.firstName ?? "",
                phone: data.household.phone ?? "",
                email: data.household.email ?? "",
                addressExtra: data.household.addressExtra ?? "",
                leaseSignedOn: data.lease?.signedOn ? toIsoDay(data.lease.signedOn) : "",
                rent: data.lease ? centsToInput(data.lease.rentCents) : "",
                charges: data.lease && data.lease.chargesCents ? centsToInput(data.lease.chargesCents) : "",
                debt: centsToInput(data.debtCents),
                sectorId: data.sectorId ?? "",
                assignedWorkerId: data.assignedWorkerId ?? "",
                notes: data.household.notes ?? "",
              }}
            />
          ) : null}
          <CaseSummary data={data} />
        </>
      ) : null}
    </div>
  );
}
