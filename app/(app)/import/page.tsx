import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UploadForm } from "@/components/import/upload-form";
import { IMPORT_COLUMNS, REQUIRED_COLUMNS } from "@/lib/domain/import/columns";
import { uploadErrorMessage } from "@/lib/domain/import/upload-errors";
import { canImport } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { listImportBatches } from "@/lib/server/import/queries";
import { requireUser } from "@/lib/server/session";
import { formatInstant } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Importer une liste de la préfecture" };

type Search = Record<string, string | string[] | undefined>;

export default async function ImportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const teams = user.teams.filter((t) => canImport(user, t.id));
  if (teams.length === 0) notFound();
  const sp = await searchParams;
  const error = uploadErrorMessage(typeof sp.erreur === "string" ? sp.erreur : undefined);
  const history = await listImportBatches(db, user, teams[0]!.id);
  const required = new Set<string>(REQUIRED_COLUMNS);

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Importer une liste de la préfecture</h1>
      <p>
        Envoyez la liste reçue de la préfecture ou du secrétariat de la CCAPEX (assignations notifiées, audiences à venir). Un aperçu montre, ligne par
        ligne, les ménages à créer, les dossiers déjà connus et les lignes rejetées avec leur motif, avant tout enregistrement.
      </p>
      <UploadForm teams={teams} error={error} selectedTeamId={typeof sp.equipe === "string" ? sp.equipe : undefined} />

      <section aria-labelledby="format" className="flex flex-col gap-2">
        <h2 id="format" className="text-xl font-semibold">
          Format attendu
        </h2>
        <p>
          Une ligne d&apos;en-tête qui nomme les colonnes, puis un ménage par ligne. L&apos;ordre des colonnes est libre, les colonnes inconnues sont
          ignorées, les accents et majuscules des en-têtes ne comptent pas. Dates au format 15/03/2026, montants au format 1 234,56.
        </p>
        <ul className="flex flex-wrap gap-3">
          <li>
            <a href="/modele-import-prefecture.csv" download className="font-medium text-blue-800 underline">
              Télécharger le modèle CSV
            </a>
          </li>
          <li>
            <a href="/modele-import-prefecture.xlsx" download className="font-medium text-blue-800 underline">
              Télécharger le modèle Excel (.xlsx)
            </a>
          </li>
        </ul>
        <details className="rounded-md border border-slate-300 bg-white p-3">
          <summary className="cursor-pointer font-medium">Colonnes reconnues et leurs autres intitulés</summary>
          <ul className="mt-2 flex flex-col gap-1 text-sm">
            {IMPORT_COLUMNS.map((c) => (
              <li key={c.key}>
                <span className="font-semibold">{c.label}</span>
                {required.has(c.key) || c.key === "tenantLastName" ? " (obligatoire)" : ""}
                {c.synonyms.length ? ` : aussi ${c.synonyms.slice(0, 4).map((s) => `« ${s} »`).join(", ")}` : ""}
              </li>
            ))}
          </ul>
        </details>
      </section>

      <section aria-labelledby="historique" className="flex flex-col gap-2">
        <h2 id="historique" className="text-xl font-semibold">
          Derniers imports
        </h2>
        {history.length === 0 ? (
          <p>Aucune liste importée pour l&apos;instant.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {history.map((b) => (
              <li key={b.id} className="rounded-md border border-slate-300 bg-white p-3">
                <Link href={`/import/${b.id}`} className="font-medium text-blue-800 underline">
                  {b.fileName}
                </Link>
                <span className="block text-sm text-slate-700">
                  {`${formatInstant(b.importedAt)}${b.importedByName ? `, par ${b.importedByName}` : ""} : ${b.createdCount} créé${b.createdCount > 1 ? "s" : ""}, ${b.updatedCount} complété${b.updatedCount > 1 ? "s" : ""}, ${b.skippedCount} déjà connu${b.skippedCount > 1 ? "s" : ""}, ${b.rejectedCount} rejeté${b.rejectedCount > 1 ? "s" : ""}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
