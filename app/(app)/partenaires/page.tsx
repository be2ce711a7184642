import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PartnerForm, PartnerImportForm } from "@/components/referrals/partner-forms";
import { PARTNER_KIND_SHORT } from "@/lib/domain/referrals/partners";
import { canEditHouseholdSheet, canManagePartners, canViewPartners } from "@/lib/domain/permissions";
import Link from "next/link";
import { db } from "@/lib/server/db";
import { listPartners } from "@/lib/server/queries/referrals";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Partenaires" };

/** The team's partner directory (issue 20): MDS, CCAS, ADIL, CAF, FSL, Banque de France, associations. */
export default async function PartnersPage() {
  const user = await requireUser();
  const team = user.teams[0];
  if (!team || !canViewPartners(user, team.id)) notFound();
  const partners = await listPartners(db, user, team.id);
  if (!partners) notFound();
  const manage = canManagePartners(user, team.id);
  const editSheet = canEditHouseholdSheet(user, team.id);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Partenaires</h1>
        <p className="text-slate-700">Les services vers qui l&apos;équipe oriente les ménages. Ils sont proposés selon la commune et les besoins du ménage.</p>
        {editSheet ? (
          <Link href="/fiche-menage" className="self-start font-medium text-blue-800 underline underline-offset-4">
            Relire les textes de la fiche « Ce qui va se passer »
          </Link>
        ) : null}
      </div>
      <section aria-labelledby="annuaire-titre" className="flex flex-col gap-3">
        <h2 id="annuaire-titre" className="text-xl font-semibold">
          Annuaire ({partners.length})
        </h2>
        {partners.length === 0 ? <p>Aucun partenaire pour l&apos;instant.</p> : null}
        <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
          {partners.map((p) => (
            <li key={p.id} className="rounded-md border border-slate-300 bg-white p-3">
              <p className="font-semibold">
                {p.name} <span className="font-normal text-slate-700">— {PARTNER_KIND_SHORT[p.kind]}</span>
                {p.active ? null : <span className="ml-2 text-sm text-slate-700">(inactif)</span>}
              </p>
              {p.addressLine || p.city ? <p>{[p.addressLine, [p.postcode, p.city].filter(Boolean).join(" ")].filter(Boolean).join(", ")}</p> : null}
              {p.phone ? (
                <p>
                  Tél. : <a className="text-blue-800 underline underline-offset-4" href={`tel:${p.phone.replace(/\s/g, "")}`}>{p.phone}</a>
                </p>
              ) : null}
              {p.email ? <p className="break-all">E-mail : {p.email}</p> : null}
              {p.openingHours ? <p>Horaires : {p.openingHours}</p> : null}
              {p.contactName ? <p>Contact : {p.contactName}</p> : null}
              <p className="text-sm text-slate-700">{p.communes.length ? `Communes : ${p.communes.join(", ")}` : "Tout le département"}</p>
            </li>
          ))}
        </ul>
      </section>
      {manage ? (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <section aria-labelledby="ajout-titre" className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="ajout-titre" className="mb-3 text-lg font-semibold">
              Ajouter un partenaire
            </h2>
            <PartnerForm teamId={team.id} />
          </section>
          <section aria-labelledby="import-titre" className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="import-titre" className="mb-3 text-lg font-semibold">
              Importer un annuaire (CSV)
            </h2>
            <PartnerImportForm teamId={team.id} />
          </section>
        </div>
      ) : (
        <p className="text-sm text-slate-700">L&apos;annuaire est tenu par la coordination de l&apos;équipe.</p>
      )}
    </div>
  );
}
