import Link from "next/link";
import type { ReactNode } from "react";

export interface RejectedView {
  rowNumber: number;
  errors: { column: string; value: string; message: string }[];
}
export interface CreateView {
  rowNumber: number;
  tenant: string;
  address: string;
  landlord: string;
  stage: string;
  hearing: string;
  flags: string[];
}
export interface UpdateView {
  rowNumber: number;
  caseId: string;
  caseNumber: number;
  tenant: string;
  added: string;
}
export interface SkipView {
  rowNumber: number;
  tenant: string;
  reason: string;
  caseId: string | null;
  caseNumber: number | null;
}

/** A table that scrolls sideways on a phone; the region is focusable so the keyboard can scroll it. */
function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-md border border-slate-300 bg-white focus-visible:outline-2">
      {children}
    </div>
  );
}

const th = "border-b border-slate-300 bg-slate-100 px-3 py-2 text-left text-sm font-semibold";
const td = "border-b border-slate-200 px-3 py-2 align-top text-sm";

function More({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return <p className="text-sm text-slate-700">{`Seules les ${shown} premières lignes sont affichées sur ${total}.`}</p>;
}

export function RejectedTable({ rows, total }: { rows: RejectedView[]; total: number }) {
  return (
    <section aria-labelledby="rejetees" className="flex flex-col gap-2">
      <h2 id="rejetees" className="text-xl font-semibold">
        Lignes rejetées ({total})
      </h2>
      <p className="text-sm text-slate-700">Ces lignes ne seront pas importées. Corrigez-les dans le fichier puis envoyez-le de nouveau : les lignes déjà importées seront reconnues.</p>
      <Scroll label="Lignes rejetées">
        <table className="w-full border-collapse">
          <thead>
            <tr>
              <th scope="col" className={th}>Ligne</th>
              <th scope="col" className={th}>Colonne</th>
              <th scope="col" className={th}>Valeur lue</th>
              <th scope="col" className={th}>Motif</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((r) =>
              r.errors.map((e, i) => (
                <tr key={`${r.rowNumber}-${i}`}>
                  {i === 0 ? (
                    <th scope="row" rowSpan={r.errors.length} className={`${td} font-semibold`}>
                      {r.rowNumber}
                    </th>
                  ) : null}
                  <td className={td}>{e.column}</td>
                  <td className={`${td} break-all`}>{e.value === "" ? <span className="italic text-slate-700">(vide)</span> : e.value}</td>
                  <td className={td}>{e.message}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </Scroll>
      <More shown={rows.length} total={total} />
    </section>
  );
}

export function CreateTable({ rows, total }: { rows: CreateView[]; total: number }) {
  return (
    <section aria-labelledby="a-creer" className="flex flex-col gap-2">
      <h2 id="a-creer" className="text-xl font-semibold">
        Ménages à créer ({total})
      </h2>
      <Scroll label="Ménages à créer">
        <table className="w-full border-collapse">
          <thead>
            <tr>
              <th scope="col" className={th}>Ligne</th>
              <th scope="col" className={th}>Locataire</th>
              <th scope="col" className={th}>Adresse</th>
              <th scope="col" className={th}>Bailleur</th>
              <th scope="col" className={th}>Étape</th>
              <th scope="col" className={th}>Audience</th>
              <th scope="col" className={th}>Éligibilité</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rowNumber}>
                <th scope="row" className={`${td} font-semibold`}>{r.rowNumber}</th>
                <td className={td}>{r.tenant}</td>
                <td className={td}>{r.address}</td>
                <td className={td}>{r.landlord}</td>
                <td className={td}>{r.stage}</td>
                <td className={td}>{r.hearing}</td>
                <td className={td}>
                  {r.flags.length === 0 ? (
                    "Éligible"
                  ) : (
                    <ul className="flex flex-col gap-1">
                      {r.flags.map((f) => (
                        <li key={f} className="font-medium text-amber-900">
                          {f}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <More shown={rows.length} total={total} />
    </section>
  );
}

export function UpdateTable({ rows, total }: { rows: UpdateView[]; total: number }) {
  return (
    <section aria-labelledby="a-completer" className="flex flex-col gap-2">
      <h2 id="a-completer" className="text-xl font-semibold">
        Dossiers connus à compléter ({total})
      </h2>
      <p className="text-sm text-slate-700">Le ménage est déjà en file active : l&apos;import ajoute seulement ce qui manque au dossier, sans rien remplacer.</p>
      <Scroll label="Dossiers connus à compléter">
        <table className="w-full border-collapse">
          <thead>
            <tr>
              <th scope="col" className={th}>Ligne</th>
              <th scope="col" className={th}>Dossier</th>
              <th scope="col" className={th}>Locataire</th>
              <th scope="col" className={th}>Ajouts</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rowNumber}>
                <th scope="row" className={`${td} font-semibold`}>{r.rowNumber}</th>
                <td className={td}>
                  <Link href={`/dossiers/${r.caseId}`} className="text-blue-800 underline">{`n° ${r.caseNumber}`}</Link>
                </td>
                <td className={td}>{r.tenant}</td>
                <td className={td}>{r.added}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <More shown={rows.length} total={total} />
    </section>
  );
}

export function SkipTable({ rows, total }: { rows: SkipView[]; total: number }) {
  return (
    <section aria-labelledby="ignorees" className="flex flex-col gap-2">
      <h2 id="ignorees" className="text-xl font-semibold">
        Lignes déjà connues, non importées ({total})
      </h2>
      <Scroll label="Lignes déjà connues">
        <table className="w-full border-collapse">
          <thead>
            <tr>
              <th scope="col" className={th}>Ligne</th>
              <th scope="col" className={th}>Locataire</th>
              <th scope="col" className={th}>Motif</th>
              <th scope="col" className={th}>Dossier</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rowNumber}>
                <th scope="row" className={`${td} font-semibold`}>{r.rowNumber}</th>
                <td className={td}>{r.tenant}</td>
                <td className={td}>{r.reason}</td>
                <td className={td}>
                  {r.caseId ? (
                    <Link href={`/dossiers/${r.caseId}`} className="text-blue-800 underline">{`n° ${r.caseNumber}`}</Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <More shown={rows.length} total={total} />
    </section>
  );
}

/** The four counts of a preview or a result, as a description list. */
export function ImportCounts({ items }: { items: { label: string; value: number }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((i) => (
        <div key={i.label} className="rounded-md border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">{i.label}</dt>
          <dd className="text-2xl font-bold">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
