import { buttonClass } from "@/components/ui/button";
import { ATTACHMENT_KIND_LABELS, type AttachmentKind } from "@/lib/domain/attachments/kinds";

export interface AnnexChoice {
  id: string;
  kind: AttachmentKind;
  documentOnLabel: string;
  fileName: string;
  /** PDF and images can go into the bundle; DOCX/ODT are only listed. */
  appendable: boolean;
}

/**
 * The jurist chooses the documents to produce as numbered annexes (issue 19
 * §4). A GET form to the PDF route: nothing is stored, the PDF lists the
 * pieces checked here, in this order, and with "joindre" appends them.
 * The simulator's values travel along so the PDF keeps the plan on screen.
 */
export function AnnexPicker({ caseId, choices, carry }: { caseId: string; choices: AnnexChoice[]; carry: Record<string, string> }) {
  if (!choices.length) {
    return (
      <p>
        Aucun document sur ce dossier. Ajoutez le bail, les actes et les justificatifs depuis{" "}
        <a href={`/dossiers/${caseId}/documents`} className="font-medium text-blue-800 underline underline-offset-4">
          Documents et photos
        </a>
        .
      </p>
    );
  }
  return (
    <form method="get" action={`/dossiers/${caseId}/audience/pdf`} className="flex flex-col gap-4">
      {Object.entries(carry).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Pièces à produire (numérotées dans cet ordre)</legend>
        {choices.map((c) => (
          <div key={c.id} className="flex items-start gap-3">
            <input type="checkbox" id={`piece-${c.id}`} name="piece" value={c.id} className="mt-1 h-6 w-6 shrink-0 accent-blue-800" />
            <label htmlFor={`piece-${c.id}`} className="min-h-11 break-all">
              {ATTACHMENT_KIND_LABELS[c.kind]} du {c.documentOnLabel} <span className="text-slate-700">({c.fileName}{c.appendable ? "" : ", listé seulement"})</span>
            </label>
          </div>
        ))}
      </fieldset>
      <div className="flex items-start gap-3">
        <input type="checkbox" id="joindre-pieces" name="joindre" value="1" className="mt-1 h-6 w-6 shrink-0 accent-blue-800" />
        <label htmlFor="joindre-pieces" className="min-h-11">
          Joindre les documents eux-mêmes à la suite du dossier (un seul PDF)
        </label>
      </div>
      <button type="submit" className={`${buttonClass("primary")} self-start`}>
        Télécharger le dossier d&apos;audience avec ces pièces
      </button>
    </form>
  );
}
