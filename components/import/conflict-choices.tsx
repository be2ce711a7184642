import Link from "next/link";

export interface ConflictView {
  rowNumber: number;
  /** The radio group's field name and the value of each choice (lib/validation/import.ts). */
  field: string;
  values: { same: string; different: string; ignore: string };
  labels: { same: string; different: string; ignore: string };
  existing: { caseId: string; caseNumber: number; tenant: string; address: string; reference: string };
  imported: { tenant: string; address: string; reference: string };
}

/**
 * Issue 14: the rows whose procedure reference is another household's case.
 * Each shows the case on file and the imported row side by side, and the
 * coordinator's choice, posted with the import (the radios belong to the
 * import's form through their `form` attribute). "Ignorer cette ligne" is
 * checked: nothing is written to the case without a decision.
 */
export function ConflictChoices({ rows, total, formId }: { rows: ConflictView[]; total: number; formId: string }) {
  return (
    <section aria-labelledby="conflits" className="flex flex-col gap-3">
      <h2 id="conflits" className="text-xl font-semibold">
        Conflits à trancher ({total})
      </h2>
      <p>
        Ces lignes portent la référence de procédure d&apos;un dossier existant, mais un autre nom de locataire ou une autre adresse. Comparez et
        choisissez pour chacune, puis lancez l&apos;import : sans choix, la ligne est ignorée et rien n&apos;est écrit dans le dossier.
      </p>
      <ul className="flex flex-col gap-4">
        {rows.map((r) => {
          const legendId = `conflit-${r.rowNumber}-legende`;
          return (
            <li key={r.rowNumber}>
              <fieldset aria-labelledby={legendId} className="flex flex-col gap-3 rounded-md border border-amber-700 bg-amber-50 p-3">
                <legend id={legendId} className="px-1 font-semibold">
                  {`Ligne ${r.rowNumber} : référence ${r.imported.reference}`}
                </legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  <div className="rounded-md border border-slate-300 bg-white p-3">
                    <p className="font-semibold">
                      Dossier existant{" "}
                      <Link href={`/dossiers/${r.existing.caseId}`} className="text-blue-800 underline">{`n° ${r.existing.caseNumber}`}</Link>
                    </p>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-sm">
                      <dt className="text-slate-700">Locataire</dt>
                      <dd>{r.existing.tenant}</dd>
                      <dt className="text-slate-700">Adresse</dt>
                      <dd>{r.existing.address}</dd>
                      <dt className="text-slate-700">Référence</dt>
                      <dd>{r.existing.reference}</dd>
                    </dl>
                  </div>
                  <div className="rounded-md border border-slate-300 bg-white p-3">
                    <p className="font-semibold">{`Ligne ${r.rowNumber} de la liste`}</p>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-sm">
                      <dt className="text-slate-700">Locataire</dt>
                      <dd>{r.imported.tenant}</dd>
                      <dt className="text-slate-700">Adresse</dt>
                      <dd>{r.imported.address}</dd>
                      <dt className="text-slate-700">Référence</dt>
                      <dd>{r.imported.reference}</dd>
                    </dl>
                  </div>
                </div>
                <div className="flex flex-col gap-1">
                  {(
                    [
                      ["same", r.values.same, r.labels.same],
                      ["different", r.values.different, r.labels.different],
                      ["ignore", r.values.ignore, r.labels.ignore],
                    ] as const
                  ).map(([key, value, label]) => {
                    const id = `conflit-${r.rowNumber}-${key}`;
                    return (
                      <div key={key} className="flex min-h-11 items-center gap-2">
                        <input id={id} type="radio" name={r.field} value={value} form={formId} defaultChecked={key === "ignore"} className="size-5 shrink-0" />
                        <label htmlFor={id}>{label}</label>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      {total > rows.length ? <p className="text-sm text-slate-700">{`${rows.length} conflits affichés sur ${total} : les autres sont ignorés ; importez-les en plusieurs fois.`}</p> : null}
    </section>
  );
}
