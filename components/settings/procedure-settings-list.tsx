import type { Abbreviation } from "@/lib/domain/abbreviations";
import type { ProcedureSettingsPage } from "@/lib/server/queries/get-procedure-settings";
import { formatInstant } from "@/lib/utils/dates";
import { abbrText } from "@/components/procedure/abbr-text";
import { ProcedureSettingForm } from "./procedure-setting-form";

/**
 * The settings page (issue 13): for each setting, the value in force, the
 * rule and article it affects, who changed it and when, and its form.
 */
export function ProcedureSettingsList({ page }: { page: ProcedureSettingsPage }) {
  const seen = new Set<Abbreviation>();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Réglages de la procédure</h1>
        <p className="text-slate-800">
          Équipe {page.teamName}, département {page.departement}. Ces réglages sont utilisés par tous les calculs de l&apos;équipe : page du dossier, listes et
          échéances, dossier d&apos;audience et son PDF. Chaque modification est enregistrée dans le journal et recalcule les échéances des dossiers de l&apos;équipe.
        </p>
      </div>
      <ul className="flex flex-col gap-4">
        {page.settings.map((s) => (
          <li key={s.definition.key}>
            <section aria-labelledby={`reglage-${s.definition.key}`} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
              <h2 id={`reglage-${s.definition.key}`} className="text-lg font-semibold">
                {abbrText(s.definition.label, seen)}
              </h2>
              <p className="text-slate-800">{abbrText(s.definition.effect, seen)}</p>
              <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium">Valeur actuelle</dt>
                <dd>
                  <strong>{s.valueText}</strong>
                  {s.isDefault ? " (valeur par défaut de l'application)" : ` (par défaut : ${s.defaultText})`}
                </dd>
                <dt className="font-medium">Règle concernée</dt>
                <dd>{abbrText(s.ruleTitle, seen)}</dd>
                <dt className="font-medium">Article</dt>
                <dd>{s.article}</dd>
                <dt className="font-medium">Dernière modification</dt>
                <dd>{s.changedAt ? `par ${s.changedBy} le ${formatInstant(s.changedAt)}` : "jamais modifié"}</dd>
              </dl>
              {s.verifyNote ? (
                <p className="rounded-md border border-amber-700 bg-amber-50 p-2 text-amber-950">
                  <span className="font-semibold">À vérifier :</span> {abbrText(s.verifyNote, seen)}
                </p>
              ) : null}
              <ProcedureSettingForm teamId={page.teamId} definition={s.definition} value={s.value} token={s.token} />
            </section>
          </li>
        ))}
      </ul>
    </div>
  );
}
