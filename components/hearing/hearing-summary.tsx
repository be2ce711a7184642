import { JUDGMENT_DECISION_LABELS, LANDLORD_KIND_LABELS, PROCEDURE_STAGE_LABELS } from "@/lib/domain/labels";
import type { ProcedureStage } from "@/lib/domain/labels";
import { formatDay } from "@/lib/utils/dates";
import { formatCents } from "@/lib/utils/money";

export interface HearingSummaryProps {
  householdName: string;
  persons: number;
  address: string;
  landlord: { name: string; kind: keyof typeof LANDLORD_KIND_LABELS } | null;
  lease: { rentCents: number; chargesCents: number } | null;
  courtName: string | null;
  reference: string | null;
  hearingOn: Date | null;
  stage: ProcedureStage | null;
  /** Hearings (attendance) and judgments (decision) on file, oldest first. */
  events: { stage: ProcedureStage; date: Date; householdPresent: boolean | null; juristPresent: boolean | null; decision: string | null }[];
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col border-b border-slate-200 py-1.5 sm:flex-row sm:gap-4">
      <dt className="font-medium text-slate-700 sm:w-48 sm:shrink-0">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

const presence = (e: HearingSummaryProps["events"][number]) =>
  [e.householdPresent === null ? null : e.householdPresent ? "ménage présent" : "ménage absent", e.juristPresent === null ? null : e.juristPresent ? "avec la juriste" : "sans la juriste"]
    .filter(Boolean)
    .join(", ");

/** Who, which lease, which court: the facts the hearing file rests on (recorded elsewhere on the case). */
export function HearingSummary(props: HearingSummaryProps) {
  const hearings = props.events.filter((e) => e.stage === "HEARING" || e.stage === "JUDGMENT");
  return (
    <dl>
      <Item term="Ménage">
        {props.householdName} · {props.persons} personne{props.persons > 1 ? "s" : ""} · {props.address}
      </Item>
      <Item term="Bailleur">{props.landlord ? `${props.landlord.name} (${LANDLORD_KIND_LABELS[props.landlord.kind]})` : "Non renseigné"}</Item>
      <Item term="Loyer et charges">{props.lease ? `${formatCents(props.lease.rentCents)} + ${formatCents(props.lease.chargesCents)} de charges` : "Non renseignés"}</Item>
      <Item term="Étape de la procédure">{props.stage ? PROCEDURE_STAGE_LABELS[props.stage] : "Inconnue"}</Item>
      <Item term="Tribunal">{props.courtName ?? "Non renseigné"}</Item>
      {props.reference ? <Item term="Référence">{props.reference}</Item> : null}
      <Item term="Audience">{props.hearingOn ? formatDay(props.hearingOn) : "Pas de date connue"}</Item>
      {hearings.map((e, i) => (
        <Item key={i} term={`${PROCEDURE_STAGE_LABELS[e.stage]} du ${formatDay(e.date)}`}>
          {e.stage === "HEARING"
            ? presence(e) || "Présence non renseignée"
            : e.decision
              ? (JUDGMENT_DECISION_LABELS[e.decision as keyof typeof JUDGMENT_DECISION_LABELS] ?? e.decision)
              : "Décision non renseignée"}
        </Item>
      ))}
    </dl>
  );
}
