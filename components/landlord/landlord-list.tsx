import Link from "next/link";
import { ContactStatus } from "@/components/landlord/contact-status";
import { LANDLORD_KIND_LABELS } from "@/lib/domain/labels";
import type { LandlordRow } from "@/lib/server/queries/list-landlords";

/** The team's landlords as cards: readable on a 360 px phone and on a desktop. */
export function LandlordList({ rows }: { rows: LandlordRow[] }) {
  if (rows.length === 0) return <p className="rounded-md border border-slate-300 bg-white p-4 text-slate-700">Aucun bailleur ne correspond.</p>;
  return (
    <ul className="flex flex-col gap-2">
      {rows.map((l) => (
        <li key={l.id} className="rounded-md border border-slate-300 bg-white p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link href={`/bailleurs/${l.id}`} className="text-lg font-semibold text-blue-800 underline underline-offset-4">
              {l.name}
            </Link>
            <ContactStatus status={{ lastLetterOn: l.lastLetterOn, lastAnswerOn: l.lastAnswerOn }} />
          </div>
          <p className="text-sm text-slate-700">
            {LANDLORD_KIND_LABELS[l.kind]}
            {l.city ? ` · ${l.city}` : ""}
            {` · ${l.householdCount} ménage${l.householdCount > 1 ? "s" : ""}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
