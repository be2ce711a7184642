import { buttonClass } from "@/components/ui/button";

/**
 * The list's upload: a plain multipart form posted to a route handler
 * (server actions cap bodies at 1 MB), so it works without JavaScript too.
 * Type and size are checked again on the server.
 */
export function UploadForm({ teams, error, selectedTeamId }: { teams: { id: string; name: string }[]; error: string | null; selectedTeamId?: string }) {
  const errorId = "import-fichier-err";
  return (
    <form method="post" action="/import/televerser" encType="multipart/form-data" className="flex flex-col gap-4 rounded-md border border-slate-300 bg-white p-4">
      {teams.length > 1 ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="import-equipe" className="text-sm font-medium text-slate-800">
            Équipe
          </label>
          <select id="import-equipe" name="equipe" defaultValue={teams.some((t) => t.id === selectedTeamId) ? selectedTeamId : undefined} className="w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base">
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="equipe" value={teams[0]?.id ?? ""} />
      )}
      <div className="flex flex-col gap-1">
        <div className="text-sm font-medium text-slate-800">
          <label htmlFor="import-fichier">Fichier de la liste</label>
          <span aria-hidden="true" className="text-red-700"> *</span>
        </div>
        <p id="import-fichier-hint" className="text-sm text-slate-600">
          Fichier .csv (séparateur « ; » ou « , », UTF-8 ou Windows) ou classeur .xlsx, 10 Mo au plus.
        </p>
        <input
          id="import-fichier"
          name="fichier"
          type="file"
          required
          aria-required="true"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? `import-fichier-hint ${errorId}` : "import-fichier-hint"}
          aria-invalid={error ? true : undefined}
          className="w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base file:mr-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1"
        />
        {error ? (
          <p id={errorId} role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" className={buttonClass("primary")}>
          Voir l&apos;aperçu
        </button>
      </div>
      <p className="text-sm text-slate-700">Rien n&apos;est enregistré à cette étape : l&apos;aperçu montre ce que l&apos;import ferait, ligne par ligne.</p>
    </form>
  );
}
