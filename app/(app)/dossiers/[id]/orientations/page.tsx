import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FollowUpForm, ReferralEmailForm, ReferralForm } from "@/components/referrals/referral-forms";
import { buttonClass } from "@/components/ui/button";
import { NEED_LABELS, NEEDS, PARTNER_KIND_SHORT, type Need } from "@/lib/domain/referrals/partners";
import { CONSENT_LABELS, REFERRAL_STATUS_LABELS, SHARED_ITEM_LABELS } from "@/lib/domain/referrals/referral";
import { logCaseAccess } from "@/lib/server/access-log";
import { db } from "@/lib/server/db";
import { getCaseReferrals } from "@/lib/server/queries/referrals";
import { requireUser } from "@/lib/server/session";
import { formatDay, toIsoDay } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Orientations" };

type Search = Record<string, string | string[] | undefined>;

/** A case's referrals to partners (issue 20): suggestions from the commune and needs, the consent, the letter, the follow-up. */
export default async function ReferralsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const user = await requireUser();
  const { id } = await params;
  const search = await searchParams;
  const ticked = ([] as string[]).concat(search.besoin ?? []).filter((n): n is Need => (NEEDS as string[]).includes(n));
  const now = new Date();
  const data = await getCaseReferrals(db, user, id, ticked, now);
  if (!data) notFound();
  await logCaseAccess(db, user, data.caseId, now);
  const suggestedIds = new Set(data.suggestions.map((s) => s.partner.id));
  const today = toIsoDay(data.today);
  return (
    <div className="flex flex-col gap-6">
      <Link href={`/dossiers/${data.caseId}`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        Retour au dossier n° {data.number}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Orientations — dossier n° {data.number}</h1>
        <p className="text-slate-700">
          {data.displayName}, {data.city}
        </p>
      </div>

      <section aria-labelledby="suggestions-titre" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="suggestions-titre" className="text-lg font-semibold">
          Partenaires suggérés
        </h2>
        <form method="get" className="flex flex-col gap-2">
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-medium text-slate-800">Besoins du ménage</legend>
            {NEEDS.map((n) => (
              <label key={n} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="besoin" value={n} defaultChecked={ticked.includes(n)} className="h-5 w-5" />
                {NEED_LABELS[n]}
              </label>
            ))}
          </fieldset>
          <div>
            <button type="submit" className={buttonClass("secondary")}>
              Suggérer
            </button>
          </div>
        </form>
        {data.partners.length === 0 ? (
          <p>
            L&apos;annuaire de l&apos;équipe est vide : <Link href="/partenaires" className="font-medium text-blue-800 underline underline-offset-4">ajoutez des partenaires</Link>.
          </p>
        ) : data.suggestions.length === 0 ? (
          <p>Aucun partenaire de l&apos;annuaire ne couvre {data.city} pour ces besoins.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {data.suggestions.map((s) => (
              <li key={s.partner.id} className="rounded-md border border-slate-300 p-3">
                <p className="font-semibold">
                  {PARTNER_KIND_SHORT[s.partner.kind]} — {s.partner.name}
                </p>
                <p className="text-sm text-slate-700">
                  {s.coversCommune ? `Couvre ${data.city}` : "Couvre tout le département"}
                  {s.partner.phone ? ` · Tél. ${s.partner.phone}` : ""}
                  {s.partner.openingHours ? ` · ${s.partner.openingHours}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.canRecord && data.partners.length ? (
        <section aria-labelledby="nouvelle-titre" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="nouvelle-titre" className="mb-3 text-lg font-semibold">
            Nouvelle orientation
          </h2>
          <ReferralForm caseId={data.caseId} today={today} authorName={user.name} partners={data.partners.map((p) => ({ id: p.id, kind: p.kind, name: p.name, suggested: suggestedIds.has(p.id) }))} />
        </section>
      ) : null}

      <section aria-labelledby="liste-titre" className="flex flex-col gap-3">
        <h2 id="liste-titre" className="text-xl font-semibold">
          Orientations du dossier ({data.referrals.length})
        </h2>
        {data.referrals.length === 0 ? <p>Aucune orientation pour ce dossier.</p> : null}
        <ul className="flex flex-col gap-3">
          {data.referrals.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 rounded-md border border-slate-300 bg-white p-3">
              <p className="font-semibold">
                {PARTNER_KIND_SHORT[r.partnerKind]} — {r.partnerName}, le {formatDay(r.referredOn)}
              </p>
              <p>
                <span className="font-medium">Suite : </span>
                {REFERRAL_STATUS_LABELS[r.status]}
                {r.appointmentOn ? ` — RDV le ${formatDay(r.appointmentOn)}` : ""}
                {r.status === "SENT" ? ` (rappel dans « À faire » à partir du ${formatDay(r.noNewsFrom)})` : ""}
              </p>
              <p>Motif : {r.reason}</p>
              <p>
                {CONSENT_LABELS[r.consent]}
                {r.consentOn ? ` le ${formatDay(r.consentOn)}` : ""}
                {r.consentCollectedBy ? `, recueilli par ${r.consentCollectedBy}` : ""}.{" "}
                {r.shared.length ? `Transmis : ${r.shared.map((s) => SHARED_ITEM_LABELS[s].toLowerCase()).join(", ")}.` : "Aucune donnée personnelle transmise."}
              </p>
              {r.emailedAt ? <p className="text-sm text-slate-700">Envoyé par e-mail.</p> : null}
              <div className="flex flex-wrap gap-3">
                <a href={`/dossiers/${data.caseId}/orientations/${r.id}/pdf`} className={buttonClass("secondary")}>
                  Imprimer le courrier (PDF)
                </a>
              </div>
              {data.canRecord && r.partnerEmail ? <ReferralEmailForm caseId={data.caseId} referralId={r.id} email={r.partnerEmail} /> : null}
              {data.canRecord && r.followUps.length ? (
                <FollowUpForm caseId={data.caseId} referralId={r.id} version={r.version} events={r.followUps} today={today} label={`Suite de l'orientation vers ${r.partnerName}`} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
