/**
 * Download links for the current filter. The case list is offered only to
 * the roles that may see cases (never to the funder viewer).
 */
export function ExportLinks({ query, caseList }: { query: string; caseList: boolean }) {
  const link = (file: string) => `/indicateurs/export/${file}?${query}`;
  const cls = "inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-3 py-2 font-medium text-blue-900 underline-offset-4 hover:underline";
  return (
    <nav aria-label="Exports" className="flex flex-col gap-2">
      <h2 className="text-lg font-semibold">Exporter</h2>
      <ul className="flex flex-wrap gap-2">
        <li>
          <a className={cls} href={link("rapport.pdf")} download>
            Rapport imprimable (PDF)
          </a>
        </li>
        <li>
          <a className={cls} href={link("indicateurs.xlsx")} download>
            Indicateurs (Excel)
          </a>
        </li>
        <li>
          <a className={cls} href={link("indicateurs.csv")} download>
            Indicateurs (CSV)
          </a>
        </li>
        {caseList ? (
          <>
            <li>
              <a className={cls} href={link("dossiers.xlsx")} download>
                Liste des dossiers (Excel)
              </a>
            </li>
            <li>
              <a className={cls} href={link("dossiers.csv")} download>
                Liste des dossiers (CSV)
              </a>
            </li>
          </>
        ) : null}
      </ul>
      {caseList ? <p className="text-sm text-slate-700">La liste des dossiers ne contient ni nom, ni adresse, ni note libre.</p> : null}
    </nav>
  );
}
