import { LANDLORD_KIND_LABELS } from "@/lib/domain/labels";
import { answerLine, letterLine } from "@/lib/domain/landlords/status";
import type { LandlordDetail } from "@/lib/server/queries/get-landlord";
import { formatDay } from "@/lib/utils/dates";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col border-b border-slate-200 py-2 sm:flex-row sm:gap-4">
      <dt className="font-medium text-slate-700 sm:w-56 sm:shrink-0">{term}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </div>
  );
}

/**
 * "Courrier envoyé le 12/03/2026 (2 / 3 dossiers) · A répondu le 02/04/2026":
 * the letter and the answer apart (issue 15), in the dashboard's words.
 */
export function landlordSummaryText(summary: LandlordDetail["summary"]): string {
  const status = { lastLetterOn: summary.lastLetterOn, lastAnswerOn: summary.lastContactOn };
  const letters = `${letterLine(status)} (${summary.lettersSent} / ${summary.caseCount} dossier${summary.caseCount > 1 ? "s" : ""})`;
  return `${letters} · ${answerLine(status)}`;
}

/** Who the landlord is, how to reach them, and what the team has done with them. */
export function LandlordSummary({ data }: { data: LandlordDetail }) {
  const address = [data.addressLine, [data.postcode, data.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return (
    <div className="flex flex-col gap-4">
      <p className="rounded-lg border border-blue-200 bg-blue-50 p-3 font-medium text-slate-900">{landlordSummaryText(data.summary)}</p>
      <section aria-labelledby="coordonnees" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="coordonnees" className="mb-2 text-lg font-semibold">
          Coordonnées
        </h2>
        <dl>
          <Item term="Type de bailleur">{LANDLORD_KIND_LABELS[data.kind]}</Item>
          <Item term="Adresse">{address || "Non renseignée"}</Item>
          <Item term="Téléphone">
            {data.phone ? (
              <a href={`tel:${data.phone.replace(/[^\d+]/g, "")}`} className="font-medium text-blue-800 underline underline-offset-4">
                {data.phone}
              </a>
            ) : (
              "Non renseigné"
            )}
          </Item>
          <Item term="E-mail">
            {data.email ? (
              <a href={`mailto:${data.email}`} className="font-medium text-blue-800 underline underline-offset-4">
                {data.email}
              </a>
            ) : (
              "Non renseigné"
            )}
          </Item>
        </dl>
      </section>
    </div>
  );
}
