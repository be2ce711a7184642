import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SheetTemplateForm } from "@/components/referrals/sheet-template-form";
import { canEditHouseholdSheet } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { currentSheetTemplate, listSheetTemplateVersions } from "@/lib/server/queries/household-sheet";
import { requireUser } from "@/lib/server/session";
import { formatInstant } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Textes de la fiche « Ce qui va se passer »" };

/** The jurist's review of the household sheet's texts (issue 20): every version kept. */
export default async function SheetTemplatePage() {
  const user = await requireUser();
  const team = user.teams[0];
  if (!team || !canEditHouseholdSheet(user, team.id)) notFound();
  const [current, versions] = await Promise.all([currentSheetTemplate(db, team.id), listSheetTemplateVersions(db, user, team.id)]);
  if (!versions) notFound();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Textes de la fiche « Ce qui va se passer »</h1>
        <p className="text-slate-700">
          Version en service : {current.version === 0 ? "textes par défaut de l'application" : `version ${current.version}`}. Les phrases qui donnent les dates
          de la procédure ne se modifient pas : elles viennent du calcul des délais légaux (« à partir du … au plus tôt »).
        </p>
      </div>
      <section aria-labelledby="modifier-titre" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="modifier-titre" className="mb-3 text-lg font-semibold">
          Relire et modifier
        </h2>
        <SheetTemplateForm teamId={team.id} version={current.version} blocks={current.blocks} />
      </section>
      <section aria-labelledby="versions-titre" className="flex flex-col gap-2">
        <h2 id="versions-titre" className="text-xl font-semibold">
          Versions enregistrées ({versions.length})
        </h2>
        {versions.length === 0 ? <p>Aucune version enregistrée : les textes par défaut s&apos;appliquent.</p> : null}
        <ul className="flex flex-col gap-2">
          {versions.map((v) => (
            <li key={v.version} className="rounded-md border border-slate-300 bg-white p-3">
              <p className="font-medium">
                Version {v.version}
                {v.createdAt ? ` — ${formatInstant(v.createdAt)}` : ""}
                {v.authorName ? ` — ${v.authorName}` : ""}
              </p>
              {v.note ? <p>{v.note}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
