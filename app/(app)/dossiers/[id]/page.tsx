import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { logCaseAccess } from "@/lib/server/access-log";
import { AnonymisedNotice } from "@/components/case/anonymised-notice";
import { CaseSummary } from "@/components/case/case-summary";
import { OutreachPanel } from "@/components/outreach/outreach-panel";
import { OutreachTimeline } from "@/components/outreach/timeline";
import { ProcedureSection } from "@/components/procedure/procedure-section";
import { db } from "@/lib/server/db";
import { getCase } from "@/lib/server/queries/get-case";
import { getCaseProcedure } from "@/lib/server/queries/get-case-procedure";
import { getCaseWorkflow } from "@/lib/server/queries/get-case-workflow";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Dossier" };

export default async function CasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cree?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const data = await getCase(db, user, id);
  // Not found and not allowed look the same: another team must not learn the id exists.
  if (!data) notFound();
  await logCaseAccess(db, user, data.id);
  const now = new Date();
  const workflow = await getCaseWorkflow(db, user, id, now);
  if (!workflow) notFound();
  const procedure = await getCaseProcedure(db, user, id, now);
  if (!procedure) notFound();
  const { cree } = await searchParams;
  const tenant = data.household.occupants.find((o) => o.role === "TENANT");
  return (
    <div className="flex flex-col gap-4">
      <Link href="/dossiers" className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Dossiers
      </Link>
      {cree ? (
        <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">
          Le dossier a été créé.
        </p>
      ) : null}
      <h1 className="text-2xl font-bold">
        {data.household.anonymisedAt ? "Ménage anonymisé" : tenant ? `${tenant.firstName} ${tenant.lastName.toUpperCase()}` : "Ménage"}{" "}
        <span className="text-lg font-normal text-slate-700">· Dossier n° {data.number}</span>
      </h1>
      <AnonymisedNotice anonymisedAt={data.household.anonymisedAt} />
      <Link href={`/dossiers/${data.id}/audience`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        Dossier d&apos;audience (dette, plan d&apos;apurement, demandes, PDF)
      </Link>
      <Link href={`/courriers/dossiers/${data.id}`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        Courriers (premier courrier, bailleur, avis de passage, relance, e-mail, SMS)
      </Link>
      <Link href={`/dossiers/${data.id}/accompagnement`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        Accompagnement (diagnostics, semaines, démarches)
      </Link>
      <Link href={`/dossiers/${data.id}/documents`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        Documents et photos (bail, actes, justificatifs, photos du logement)
      </Link>
      <Link href={`/dossiers/${data.id}/orientations`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        Orientations vers les partenaires
      </Link>
      <Link href={`/dossiers/${data.id}/ce-qui-va-se-passer`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        Fiche « Ce qui va se passer » pour le ménage
      </Link>
      <section aria-labelledby="aller-vers" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="aller-vers" className="mb-3 text-lg font-semibold">
          Aller-vers
        </h2>
        <OutreachPanel caseId={data.id} version={workflow.version} availability={workflow.availability} pending={workflow.pending} closureReasons={workflow.closureReasons} />
      </section>
      <ProcedureSection procedure={procedure} />
      <CaseSummary data={data} />
      <section aria-labelledby="historique" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="historique" className="mb-3 text-lg font-semibold">
          Historique
        </h2>
        <OutreachTimeline entries={workflow.timeline} />
      </section>
    </div>
  );
}
