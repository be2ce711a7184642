import { auditDiff } from "@/lib/domain/accounts/audit-diff";

/** One audit entry's before/after, as a small table of fields (changed ones first). */
export function AuditChanges({ before, after, caption }: { before: unknown; after: unknown; caption: string }) {
  const rows = auditDiff(before, after);
  if (!rows.length) return <p className="text-sm text-slate-700">Aucun détail enregistré.</p>;
  return (
    // No horizontal scrolling at 360 px: fixed columns, long values wrap anywhere.
    <div>
      <table className="w-full table-fixed border-collapse text-sm [overflow-wrap:anywhere]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-1 pr-3 font-semibold">
              Champ
            </th>
            <th scope="col" className="py-1 pr-3 font-semibold">
              Avant
            </th>
            <th scope="col" className="py-1 font-semibold">
              Après
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} className={`border-b border-slate-200 align-top ${r.changed ? "" : "text-slate-600"}`}>
              <th scope="row" className="py-1 pr-3 text-left font-mono font-normal">
                {r.field}
                {r.changed ? <span className="sr-only"> (modifié)</span> : null}
              </th>
              <td className={`break-words py-1 pr-3 ${r.changed ? "text-red-800 line-through decoration-1" : ""}`}>{r.before}</td>
              <td className={`break-words py-1 ${r.changed ? "font-medium text-emerald-900" : ""}`}>{r.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
