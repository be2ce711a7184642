import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ConflictChoices } from "@/components/import/conflict-choices";
import { ImportRunner } from "@/components/import/import-runner";
import { CreateTable, ImportCounts, RejectedTable, SkipTable, UpdateTable } from "@/components/import/preview-tables";
import { buttonClass } from "@/components/ui/button";
import { COLUMN_LABELS, type ImportColumnKey } from "@/lib/domain/import/columns";
import { CONFLICT_CHOICE_LABELS, ELIGIBILITY_FLAG_LABELS } from "@/lib/domain/import/matching";
import { LANDLORD_KIND_LABELS, PROCEDURE_STAGE_LABELS } from "@/lib/domain/labels";
import { canImport } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { previewImport } from "@/lib/server/import/preview-import";
import { loadUpload } from "@/lib/server/import/upload-store";
import { requireUser } from "@/lib/server/session";
import { CONFLICT_FIELD_PREFIX, conflictFieldValue } from "@/lib/validation/import";
import { formatDay, formatInstant } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Aperçu de l'import" };

type Search = Record<string, string | string[] | undefined>;

/** Rows shown per table; the counts and the report cover every row. */
const SHOWN = 200;

export default async function ImportPreviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const sp = await searchParams;
  const token = typeof sp.fichier === "string" ? sp.fichier : "";
  const now = new Date();
  const upload = await loadUpload(db, user.id, token, now);
  if (!upload) redirect("/import?erreur=expire");
  if (!canImport(user, upload.teamId)) notFound();
  const plan = await previewImport(db, user, { teamId: upload.teamId, fileName: upload.fileName, bytes: upload.bytes, parsed: upload.parsed }, now);

  if (!plan.ok) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">Aperçu de l&apos;import</h1>
        <p>
          Fichier : <span className="font-medium">{upload.fileName}</span>
        </p>
        <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {plan.message}
        </div>
        <p>
          <Link href="/import" className="font-medium text-blue-800 underline">
            Envoyer un autre fichier
          </Link>
        </p>
      </div>
    );
  }

  const name = (p: { lastName: string; firstName: string }) => `${p.lastName} ${p.firstName}`.trim();
  const creates = plan.decisions.filter((d) => d.action === "create");
  const updates = plan.decisions.filter((d) => d.action === "update");
  // Issue 14: a row whose reference is another household's case waits for the coordinator's choice.
  const conflicts = plan.decisions.filter((d) => d.action === "skip" && d.conflict);
  const skips = plan.decisions.filter((d) => d.action === "skip" && !d.conflict);
  const toWrite = creates.length + updates.length;
  const RUN_FORM = "import-executer";

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Aperçu de l&apos;import</h1>
      <p>
        Fichier : <span className="font-medium">{plan.fileName}</span>
        {` (${plan.format === "xlsx" ? "classeur Excel" : `CSV ${plan.encoding === "windows-1252" ? "Windows" : "UTF-8"}, séparateur « ${plan.delimiter === "\t" ? "tabulation" : plan.delimiter} »`}, ${plan.totalRows} ligne${plan.totalRows > 1 ? "s" : ""}). Rien n'est encore enregistré.`}
      </p>
      {plan.previousImports.length > 0 ? (
        <p role="note" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
          {`Ce même fichier a déjà été importé le ${formatInstant(plan.previousImports[0]!.importedAt)}${plan.previousImports[0]!.importedByName ? ` par ${plan.previousImports[0]!.importedByName}` : ""}. Les ménages déjà créés sont reconnus : un nouvel import ne les crée pas une seconde fois.`}
        </p>
      ) : null}
      <ImportCounts
        items={[
          { label: "À créer", value: creates.length },
          { label: "À compléter", value: updates.length },
          { label: "Déjà connues", value: skips.length },
          ...(conflicts.length > 0 ? [{ label: "Conflits à trancher", value: conflicts.length }] : []),
          { label: "Rejetées", value: plan.rejected.length },
        ]}
      />
      {plan.ignoredColumns.length > 0 ? (
        <p className="text-sm text-slate-700">{`Colonnes ignorées : ${plan.ignoredColumns.map((c) => `« ${c} »`).join(", ")}.`}</p>
      ) : null}

      <div className="flex flex-col gap-3 rounded-md border border-slate-300 bg-slate-50 p-4">
        {toWrite > 0 || conflicts.length > 0 ? (
          <>
            <p>
              {`L'import écrit ${creates.length} nouveau${creates.length > 1 ? "x" : ""} dossier${creates.length > 1 ? "s" : ""} et complète ${updates.length} dossier${updates.length > 1 ? "s" : ""} connu${updates.length > 1 ? "s" : ""}${conflicts.length > 0 ? `, plus les conflits selon vos choix ci-dessous` : ""}, en une seule fois : si un problème survient, rien n'est enregistré.`}
            </p>
            <ImportRunner fileToken={plan.sha256} rowCount={toWrite} formId={RUN_FORM} label={toWrite === 0 ? "Appliquer mes choix" : undefined} />
          </>
        ) : (
          <p className="font-medium">Aucune ligne à importer : toutes sont déjà connues ou rejetées.</p>
        )}
        <p>
          <Link href="/import" className={buttonClass("secondary")}>
            Annuler et envoyer un autre fichier
          </Link>
        </p>
      </div>

      {plan.rejected.length > 0 ? (
        <RejectedTable
          total={plan.rejected.length}
          rows={plan.rejected.slice(0, SHOWN).map((r) => ({
            rowNumber: r.rowNumber,
            errors: r.errors.map((e) => ({ column: COLUMN_LABELS[e.column as ImportColumnKey] ?? e.column, value: e.value, message: e.message })),
          }))}
        />
      ) : null}
      {conflicts.length > 0 ? (
        <ConflictChoices
          formId={RUN_FORM}
          total={conflicts.length}
          rows={conflicts.slice(0, SHOWN).map((d) => {
            const c = d.conflict!;
            return {
              rowNumber: d.row.rowNumber,
              field: `${CONFLICT_FIELD_PREFIX}${d.row.rowNumber}`,
              values: {
                same: conflictFieldValue("SAME_HOUSEHOLD", c.caseId),
                different: conflictFieldValue("DIFFERENT_HOUSEHOLD", c.caseId),
                ignore: conflictFieldValue("IGNORE", c.caseId),
              },
              labels: { same: CONFLICT_CHOICE_LABELS.SAME_HOUSEHOLD, different: CONFLICT_CHOICE_LABELS.DIFFERENT_HOUSEHOLD, ignore: CONFLICT_CHOICE_LABELS.IGNORE },
              existing: { caseId: c.caseId, caseNumber: c.caseNumber, tenant: c.onFile.tenant ?? "Ménage anonymisé", address: c.onFile.address, reference: c.onFile.reference ?? "—" },
              imported: { tenant: name(d.row.tenant), address: `${d.row.addressLine}, ${d.row.postcode} ${d.row.city}`, reference: d.row.procedureRef ?? "—" },
            };
          })}
        />
      ) : null}
      {creates.length > 0 ? (
        <CreateTable
          total={creates.length}
          rows={creates.slice(0, SHOWN).map((d) => ({
            rowNumber: d.row.rowNumber,
            tenant: [d.row.tenant, ...(d.row.coTenant ? [d.row.coTenant] : [])].map(name).join(" et "),
            address: `${d.row.addressLine}, ${d.row.postcode} ${d.row.city}`,
            landlord: `${d.row.landlord.name} (${LANDLORD_KIND_LABELS[d.row.landlord.kind]})`,
            stage: `${PROCEDURE_STAGE_LABELS[d.row.stage]} du ${formatDay(d.row.actDate)}`,
            hearing: d.row.hearingOn ? formatDay(d.row.hearingOn) : "—",
            flags: d.flags.map((f) => ELIGIBILITY_FLAG_LABELS[f]),
          }))}
        />
      ) : null}
      {updates.length > 0 ? (
        <UpdateTable
          total={updates.length}
          rows={updates.slice(0, SHOWN).map((d) => ({
            rowNumber: d.row.rowNumber,
            caseId: d.action === "update" ? d.caseId : "",
            caseNumber: d.action === "update" ? d.caseNumber : 0,
            tenant: name(d.row.tenant),
            added: d.action === "update" ? d.described.join(", ") : "",
          }))}
        />
      ) : null}
      {skips.length > 0 ? (
        <SkipTable
          total={skips.length}
          rows={skips.slice(0, SHOWN).map((d) => ({
            rowNumber: d.row.rowNumber,
            tenant: name(d.row.tenant),
            reason: d.action === "skip" ? d.reason : "",
            caseId: d.action === "skip" ? d.caseId : null,
            caseNumber: d.action === "skip" ? d.caseNumber : null,
          }))}
        />
      ) : null}
    </div>
  );
}
