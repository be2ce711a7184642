import { DeleteAttachmentButton } from "@/components/attachments/delete-attachment-button";
import { ATTACHMENT_KIND_LABELS, type AttachmentKind } from "@/lib/domain/attachments/kinds";

export interface AttachmentRow {
  id: string;
  kind: AttachmentKind;
  documentOnLabel: string;
  note: string | null;
  fileName: string;
  sizeLabel: string;
  addedLabel: string;
  previewable: boolean;
  available: boolean;
}

const link = "inline-flex min-h-11 items-center rounded-md border border-blue-800 bg-white px-4 py-2 font-semibold text-blue-800 underline-offset-4 hover:underline";

/** The case's documents: kind, date, note, who added them; preview (PDF, images), download, delete. */
export function AttachmentList({ caseId, rows, canManage }: { caseId: string; rows: AttachmentRow[]; canManage: boolean }) {
  return (
    <ul className="flex flex-col gap-3" aria-label="Documents du dossier">
      {rows.map((r) => {
        const title = `${ATTACHMENT_KIND_LABELS[r.kind]} du ${r.documentOnLabel}`;
        return (
          <li key={r.id} className="flex flex-col gap-2 rounded-md border border-slate-300 p-3">
            <h3 className="font-semibold">{title}</h3>
            {r.available ? (
              <p className="break-all text-slate-800">
                {r.fileName} · {r.sizeLabel}
              </p>
            ) : (
              <p className="text-slate-800">Fichier supprimé lors de l&apos;anonymisation du ménage.</p>
            )}
            {r.note ? <p className="whitespace-pre-line text-slate-800">{r.note}</p> : null}
            <p className="text-sm text-slate-700">{r.addedLabel}</p>
            {r.available ? (
              <div className="flex flex-wrap gap-3">
                {r.previewable ? (
                  <a href={`/dossiers/${caseId}/documents/${r.id}/apercu`} target="_blank" rel="noopener" className={link} aria-label={`Aperçu : ${title} (nouvel onglet)`}>
                    Aperçu
                  </a>
                ) : null}
                <a href={`/dossiers/${caseId}/documents/${r.id}`} className={link} aria-label={`Télécharger : ${title}`}>
                  Télécharger
                </a>
                {canManage ? <DeleteAttachmentButton caseId={caseId} attachmentId={r.id} label={title} /> : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
