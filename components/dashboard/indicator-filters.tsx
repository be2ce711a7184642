import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { LANDLORD_KIND_LABELS } from "@/lib/domain/labels";

export interface IndicatorFilterValues {
  du: string;
  au: string;
  equipe: string;
  secteur: string;
  bailleur: string;
}

/**
 * The dashboard's filters as a GET form: a filtered dashboard is a URL that a
 * coordinator can bookmark or send, and the exports reuse the same parameters.
 */
export function IndicatorFilters({
  values,
  errors,
  teams,
  sectors,
}: {
  values: IndicatorFilterValues;
  errors: Partial<Record<"from" | "to", string>>;
  teams: { id: string; name: string }[];
  sectors: { id: string; name: string; teamName: string }[];
}) {
  const manyTeams = teams.length > 1;
  return (
    <form method="get" aria-label="Filtrer les indicateurs" className="grid grid-cols-1 gap-3 rounded-md border border-slate-300 bg-white p-3 sm:grid-cols-2 lg:grid-cols-3">
      <TextField
        name="du"
        type="date"
        label="Du"
        hint="Vide : depuis le premier dossier."
        defaultValue={values.du}
        errors={errors.from ? [errors.from] : undefined}
      />
      <TextField name="au" type="date" label="Au" defaultValue={values.au} errors={errors.to ? [errors.to] : undefined} />
      {manyTeams ? (
        <SelectField name="equipe" label="Équipe" defaultValue={values.equipe}>
          <option value="">Toutes mes équipes</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField name="secteur" label="Secteur" defaultValue={values.secteur}>
        <option value="">Tous les secteurs</option>
        {sectors.map((s) => (
          <option key={s.id} value={s.id}>
            {manyTeams ? `${s.name} (${s.teamName})` : s.name}
          </option>
        ))}
      </SelectField>
      <SelectField name="bailleur" label="Type de bailleur" defaultValue={values.bailleur}>
        <option value="">Tous les bailleurs</option>
        {Object.entries(LANDLORD_KIND_LABELS).map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </SelectField>
      <div className="flex items-end">
        <Button type="submit">Afficher</Button>
      </div>
    </form>
  );
}
