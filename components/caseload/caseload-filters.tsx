import { CASE_STATE_LABELS } from "@/lib/domain/labels";
import { SelectField, TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export interface CaseloadFilterValues {
  q?: string;
  etat?: string;
  secteur?: string;
  attribution?: string;
  echeance?: string;
  tri?: string;
}

/** A GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function CaseloadFilters({
  values,
  sectors,
  workers,
  deadlineWindows,
}: {
  values: CaseloadFilterValues;
  /** Choices of "within N days" for the next deadline. */
  deadlineWindows: readonly number[];
  sectors: { id: string; name: string }[];
  workers: { id: string; name: string }[];
}) {
  return (
    <form method="get" role="search" aria-label="Filtrer les dossiers" className="grid grid-cols-1 gap-3 rounded-md border border-slate-300 bg-white p-3 sm:grid-cols-2 lg:grid-cols-3">
      <TextField name="q" label="Rechercher (nom, adresse, ville, n° de dossier)" type="search" defaultValue={values.q} />
      <SelectField name="etat" label="Étape" defaultValue={values.etat ?? ""}>
        <option value="">Dossiers en cours</option>
        {Object.entries(CASE_STATE_LABELS).map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
        <option value="tous">Tous, y compris clôturés</option>
      </SelectField>
      <SelectField name="secteur" label="Secteur" defaultValue={values.secteur ?? ""}>
        <option value="">Tous les secteurs</option>
        {sectors.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <SelectField name="attribution" label="Suivi par" defaultValue={values.attribution ?? ""}>
        <option value="">Tout le monde</option>
        <option value="moi">Moi</option>
        <option value="personne">Personne (non attribués)</option>
        {workers.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </SelectField>
      <SelectField name="echeance" label="Prochaine échéance de procédure" defaultValue={values.echeance ?? ""}>
        <option value="">Toutes</option>
        {deadlineWindows.map((days) => (
          <option key={days} value={String(days)}>
            Dans les {days} jours
          </option>
        ))}
      </SelectField>
      <SelectField name="tri" label="Trier par" defaultValue={values.tri ?? "audience"}>
        <option value="echeance">Prochaine échéance de procédure</option>
        <option value="audience">Date d&apos;audience la plus proche</option>
        <option value="nom">Nom du locataire</option>
        <option value="recent">Ouverture la plus récente</option>
      </SelectField>
      <div className="flex items-end">
        <Button type="submit">Filtrer</Button>
      </div>
    </form>
  );
}
