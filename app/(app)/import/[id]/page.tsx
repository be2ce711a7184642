import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportCounts } from "@/components/import/preview-tables";
import { batchQuery } from "@/lib/domain/letters/selection";
import { logCaseAccesses } from "@/lib/server/access-log";
import { db } from "@/lib/server/db";
import { getImportBatch } from "@/lib/server/import/queries";
import { requireUser } from "@/lib/server/session";
import { formatDay, formatInstant } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Résultat de l'import" };

export default async function ImportResultPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const batch = await getImportBatch(db, user, id);
  if (!batch) notFound();
  // The page names the households the list created: a read of their personal data (issue 14).
  await logCaseAccesses(db, user, batch.cases.map((c) => c.id));
  const notImported = batch.skippedCount + batch.rejectedCount;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Résultat de l&apos;import</h1>
      <p role="status" className="rounded-md border border-green-800 bg-green-50 p-3 font-medium text-green-900">
        {`Import enregistré : ${batch.createdCount} dossier${batch.createdCount > 1 ? "s" : ""} créé${batch.createdCount > 1 ? "s" : ""}, ${batch.updatedCount} complété${batch.updatedCount > 1 ? "s" : ""}.`}
      </p>
      <p>
        {`Fichier ${batch.fileName}, importé le ${formatInstant(batch.importedAt)}${batch.importedByName ? ` par ${batch.importedByName}` : ""} (${batch.totalRows} ligne${batch.totalRows > 1 ? "s" : ""}).`}
      </p>
      <ImportCounts
        items={[
          { label: "Créés", value: batch.createdCount },
          { label: "Complétés", value: batch.updatedCount },
          { label: "Déjà connus", value: batch.skippedCount },
          { label: "Rejetés", value: batch.rejectedCount },
        ]}
      />
      {notImported > 0 ? (
        <p>
          <a href={`/import/${batch.id}/rejets`} download className="font-medium text-blue-800 underline">
            {notImported > 1 ? `Télécharger les ${notImported} lignes non importées avec leur motif (CSV)` : "Télécharger la ligne non importée avec son motif (CSV)"}
          </a>
        </p>
      ) : null}

      {batch.cases.length > 0 ? (
        <section aria-labelledby="courriers-liste" className="flex flex-col gap-2">
          <h2 id="courriers-liste" className="text-xl font-semibold">
            Courriers
          </h2>
          <p>
            <a href={`/courriers/lot/pdf?${batchQuery("TENANT_FIRST_LETTER", { by: "import", importBatchId: batch.id })}`} className="font-medium text-blue-800 underline">
              Premiers courriers aux locataires de cette liste (PDF)
            </a>
          </p>
          <p className="text-sm text-slate-700">Une fois postés, confirmez leur envoi depuis « Courriers » : télécharger le PDF n&apos;enregistre rien.</p>
        </section>
      ) : null}

      <section aria-labelledby="dossiers-crees" className="flex flex-col gap-2">
        <h2 id="dossiers-crees" className="text-xl font-semibold">
          Dossiers créés ({batch.cases.length})
        </h2>
        {batch.cases.length === 0 ? (
          <p>Aucun dossier créé par cet import.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {batch.cases.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-300 bg-white p-3">
                <Link href={`/dossiers/${c.id}`} className="font-medium text-blue-800 underline">
                  {`Dossier n° ${c.number} : ${c.tenantName}`}
                </Link>
                <span className="block text-sm text-slate-700">
                  {c.address}
                  {c.hearingOn ? ` · audience le ${formatDay(c.hearingOn)}` : ""}
                </span>
                {!c.eligible ? <span className="block text-sm font-medium text-amber-900">{`Hors critères : ${c.eligibilityNote ?? "à vérifier"}`}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link href="/import" className="font-medium text-blue-800 underline">
          Importer une autre liste
        </Link>
      </p>
    </div>
  );
}
