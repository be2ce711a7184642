import Link from "next/link";
import { PARTNER_KIND_SHORT } from "@/lib/domain/referrals/partners";
import { REFERRAL_NO_NEWS_DAYS } from "@/lib/domain/referrals/referral";
import type { StaleReferral } from "@/lib/server/queries/referrals";
import { formatDay } from "@/lib/utils/dates";

/** "Orientation sans nouvelles" in "À faire" (issue 20): referrals still without news 15 days on. */
export function StaleReferralsSection({ data }: { data: { total: number; items: StaleReferral[] } }) {
  return (
    <section id="orientations-sans-nouvelles" aria-labelledby="orientations-sans-nouvelles-titre" className="flex flex-col gap-2">
      <h2 id="orientations-sans-nouvelles-titre" className="text-xl font-semibold">
        Orientation sans nouvelles <span className="font-normal text-slate-700">({data.total})</span>
      </h2>
      <p className="text-sm text-slate-700">Aucune suite enregistrée {REFERRAL_NO_NEWS_DAYS} jours après l&apos;orientation : appelez le partenaire ou le ménage.</p>
      <ul className="flex flex-col gap-2">
        {data.items.map((r) => (
          <li key={r.referralId} className="rounded-md border border-slate-300 bg-white p-3">
            <Link href={`/dossiers/${r.caseId}/orientations`} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-4">
              Dossier n° {r.number}
            </Link>
            <p>
              Orienté vers {PARTNER_KIND_SHORT[r.partnerKind]} — {r.partnerName} le {formatDay(r.referredOn)}
            </p>
          </li>
        ))}
      </ul>
      {data.total > data.items.length ? <p className="text-sm text-slate-700">Les {data.items.length} premières sont affichées sur {data.total}.</p> : null}
    </section>
  );
}
