import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { UploadForm } from "@/components/attachments/upload-form";
import { buttonClass } from "@/components/ui/button";
import { ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS, FILE_REFUSALS, isFileRefusal, type AttachmentKind } from "@/lib/domain/attachments/kinds";
import { logCaseAccess } from "@/lib/server/access-log";
import { db } from "@/lib/server/db";
import { listCaseAttachments } from "@/lib/server/queries/attachments";
import { requireUser } from "@/lib/server/session";
import { formatDay, formatInstant, parisToday, toIsoDay } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Documents et photos" };

type Search = Record<string, string | string[] | undefined>;

function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} Mo`;
}

export default async function DocumentsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const user = await requireUser();
  const { id } = await params;
  const search = await searchParams;
  const kindParam = typeof search.type === "string" ? search.type : "";
  const kind = (ATTACHMENT_KINDS as readonly string[]).includes(kindParam) ? (kindParam as AttachmentKind) : undefined;
  const data = await listCaseAttachments(db, user, id, kind);
  // Not found and not allowed look the same: another team must not learn the id exists.
  if (!data) notFound();
  await logCaseAccess(db, user, data.caseId);
  const now = new Date();
  const error = typeof search.erreur === "string" && isFileRefusal(search.erreur) ? FILE_REFUSALS[search.erreur] : typeof search.erreur === "string" ? "Le document n'a pas été ajouté : vérifiez le type, la date et le fichier." : null;

  return (
    <div className="flex flex-col gap-4">
      <Link href={`/dossiers/${data.caseId}`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Dossier n° {data.number}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">Documents et photos</h1>
        <p className="text-lg text-slate-800">
          {data.anonymised ? "Ménage anonymisé" : data.householdName} · Dossier n° {data.number}
        </p>
      </div>
      {error ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {error}
        </p>
      ) : null}
      {typeof search.ajoute === "string" ? <p className="rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">Document ajouté.</p> : null}

      {data.canManage ? (
        <section aria-labelledby="titre-ajout" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="titre-ajout" className="mb-3 text-lg font-semibold">
            Ajouter un document ou une photo
          </h2>
          <UploadForm caseId={data.caseId} today={toIsoDay(parisToday(now))} />
        </section>
      ) : null}

      <section aria-labelledby="titre-liste" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="titre-liste" className="mb-3 text-lg font-semibold">
          Documents du dossier ({data.total})
        </h2>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="filtre-type" className="text-sm font-medium text-slate-800">
              Type de document
            </label>
            <select id="filtre-type" name="type" defaultValue={kind ?? ""} className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base">
              <option value="">Tous les types</option>
              {ATTACHMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ATTACHMENT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Filtrer
          </button>
        </form>
        {data.items.length === 0 ? (
          <p>{kind ? `Aucun document de type « ${ATTACHMENT_KIND_LABELS[kind]} ».` : "Aucun document pour ce dossier."}</p>
        ) : (
          <AttachmentList
            caseId={data.caseId}
            canManage={data.canManage}
            rows={data.items.map((a) => ({
              id: a.id,
              kind: a.kind,
              documentOnLabel: formatDay(a.documentOn),
              note: a.note,
              fileName: a.fileName,
              sizeLabel: sizeLabel(a.sizeBytes),
              addedLabel: `Ajouté par ${a.addedByName ?? "un compte supprimé"} le ${formatInstant(a.addedAt)}`,
              previewable: a.previewable,
              available: a.available,
            }))}
          />
        )}
      </section>
    </div>
  );
}
