import Link from "next/link";
import { StateBadge } from "@/components/case/state-badge";
import { CONTACT_CHANNEL_LABELS } from "@/lib/domain/labels";
import type { LandlordCaseRow } from "@/lib/server/queries/get-landlord";
import { formatDay } from "@/lib/utils/dates";

/** The landlord's households in the team: state, hearing, letter sent, and what the landlord said. */
export function LandlordCases({ rows }: { rows: LandlordCaseRow[] }) {
  if (rows.length === 0) return <p className="rounded-md border border-slate-300 bg-white p-4 text-slate-700">Aucun ménage suivi chez ce bailleur.</p>;
  return (
    <ul className="flex flex-col gap-2">
      {rows.map((c) => (
        <li key={c.id} className="rounded-md border border-slate-300 bg-white p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link href={`/dossiers/${c.id}`} className="text-lg font-semibold text-blue-800 underline underline-offset-4">
              {c.tenantName ?? `Ménage du dossier n° ${c.number}`}
            </Link>
            <StateBadge state={c.state} />
          </div>
          <p className="text-sm text-slate-700">
            Dossier n° {c.number} · {c.city} · {c.hearingOn ? `Audience le ${formatDay(c.hearingOn)}` : "Pas d'audience connue"}
          </p>
          <p className="text-sm text-slate-900">
            {c.landlordLetterSentOn ? `Courrier au bailleur envoyé le ${formatDay(c.landlordLetterSentOn)}` : "Courrier au bailleur non envoyé"}
          </p>
          {c.contacts.length ? (
            <div className="mt-1 text-sm text-slate-900">
              <p className="font-medium">Contacts du bailleur :</p>
              <ul className="ml-4 list-disc">
                {c.contacts.map((e) => (
                  <li key={e.id}>
                    Le {formatDay(e.on)}
                    {e.channel ? ` (${CONTACT_CHANNEL_LABELS[e.channel]})` : ""}
                    {e.note ? ` : ${e.note}` : ""}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-slate-700">Aucun contact du bailleur</p>
          )}
        </li>
      ))}
    </ul>
  );
}
