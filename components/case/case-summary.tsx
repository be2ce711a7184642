import Link from "next/link";
import { StateBadge } from "@/components/case/state-badge";
import { CASE_SOURCE_LABELS, LANDLORD_KIND_LABELS, OCCUPANT_ROLE_LABELS, PROCEDURE_STAGE_LABELS } from "@/lib/domain/labels";
import type { CaseDetail } from "@/lib/server/queries/get-case";
import { formatDay } from "@/lib/utils/dates";
import { formatCents } from "@/lib/utils/money";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col border-b border-slate-200 py-2 sm:flex-row sm:gap-4">
      <dt className="font-medium text-slate-700 sm:w-56 sm:shrink-0">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** What is on file for a case: household, lease, landlord, court file (the acts and deadlines are in components/procedure). */
export function CaseSummary({ data }: { data: CaseDetail }) {
  const h = data.household;
  return (
    <div className="flex flex-col gap-4">
      <Section id="menage" title="Ménage">
        <ul className="mb-2 flex flex-col gap-1">
          {h.occupants.map((o) => (
            <li key={o.id}>
              <span className="font-medium">
                {h.anonymisedAt ? "Personne anonymisée" : `${o.firstName} ${o.lastName.toUpperCase()}`}
              </span>{" "}
              <span className="text-slate-700">
                ({OCCUPANT_ROLE_LABELS[o.role]}
                {o.isChild ? ", enfant" : ""})
              </span>
            </li>
          ))}
        </ul>
        <dl>
          <Item term="Adresse">
            {h.anonymisedAt ? (
              "Supprimée (ménage anonymisé)"
            ) : (
              <>
                {h.addressLine}
                {h.addressExtra ? `, ${h.addressExtra}` : ""}, {h.postcode} {h.city}
              </>
            )}
          </Item>
          <Item term="Téléphone">{h.phone ?? "Non renseigné"}</Item>
          <Item term="E-mail">{h.email ?? "Non renseigné"}</Item>
          {h.notes ? <Item term="Remarques">{h.notes}</Item> : null}
        </dl>
      </Section>

      <Section id="bail" title="Bail et bailleur">
        <dl>
          <Item term="Bailleur">
            {data.landlord ? (
              <>
                <Link href={`/bailleurs/${data.landlord.id}`} className="font-medium text-blue-800 underline underline-offset-4">
                  {data.landlord.name}
                </Link>{" "}
                <span className="text-slate-700">({LANDLORD_KIND_LABELS[data.landlord.kind]})</span>
              </>
            ) : (
              "Non renseigné"
            )}
          </Item>
          {data.landlord?.phone ? <Item term="Téléphone du bailleur">{data.landlord.phone}</Item> : null}
          {data.landlord?.email ? <Item term="E-mail du bailleur">{data.landlord.email}</Item> : null}
          <Item term="Bail signé le">{data.lease?.signedOn ? formatDay(data.lease.signedOn) : "Date inconnue"}</Item>
          <Item term="Loyer hors charges">{data.lease ? formatCents(data.lease.rentCents) : "—"}</Item>
          <Item term="Charges">{data.lease ? formatCents(data.lease.chargesCents) : "—"}</Item>
        </dl>
      </Section>

      <Section id="dossier-judiciaire" title="Dossier judiciaire">
        <dl>
          <Item term="Étape">{data.stage ? PROCEDURE_STAGE_LABELS[data.stage] : "Inconnue"}</Item>
          <Item term="Audience">{data.hearingOn ? formatDay(data.hearingOn) : "Pas de date connue"}</Item>
          <Item term="Dette déclarée">{data.debtCents !== null ? formatCents(data.debtCents) : "Non renseignée"}</Item>
          {data.procedureRef ? <Item term="Référence">{data.procedureRef}</Item> : null}
          {data.courtName ? <Item term="Tribunal">{data.courtName}</Item> : null}
        </dl>
      </Section>

      <Section id="suivi" title="Suivi">
        <dl>
          <Item term="Étape du suivi">
            <StateBadge state={data.state} />
          </Item>
          <Item term="Identifié le">{formatDay(data.openedOn)}</Item>
          {data.closedOn ? <Item term="Clôturé le">{formatDay(data.closedOn)}</Item> : null}
          <Item term="Origine">{CASE_SOURCE_LABELS[data.source]}</Item>
          <Item term="Équipe">{data.teamName}</Item>
          <Item term="Secteur">{data.sectorName ?? "Aucun"}</Item>
          <Item term="Travailleur social">{data.assignedWorkerName ?? "Non attribué"}</Item>
          <Item term="Juriste">{data.assignedJuristName ?? "Non attribué"}</Item>
          <Item term="Éligibilité">{data.eligible ? "Éligible" : `Hors critères${data.eligibilityNote ? ` : ${data.eligibilityNote}` : ""}`}</Item>
        </dl>
      </Section>
    </div>
  );
}
