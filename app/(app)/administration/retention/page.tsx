import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canManageRetention } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { listDueHouseholds, listRecentlyAnonymised } from "@/lib/server/services/anonymise-closed-cases";
import { requireUser } from "@/lib/server/session";
import { formatDay, formatInstant } from "@/lib/utils/dates";
import { RunRetentionForm } from "./run-retention-form";

export const metadata: Metadata = { title: "Conservation des données" };

function CaseLinks({ cases }: { cases: ReadonlyArray<{ caseId?: string; id?: string; number: number }> }) {
  return (
    <>
      {cases.map((c, i) => (
        <span key={c.number}>
          {i > 0 ? ", " : null}
          <Link href={`/dossiers/${c.caseId ?? c.id}`} className="font-medium text-blue-800 underline underline-offset-4">
            Dossier n° {c.number}
          </Link>
        </span>
      ))}
    </>
  );
}

/**
 * Retention (issue 8.5): what is due for anonymisation in the admin's teams
 * (the daily command's dry run, shown live), and a button to anonymise it now.
 * No name is shown: case numbers and dates only.
 */
export default async function RetentionPage() {
  const user = await requireUser();
  if (!canManageRetention(user)) notFound();
  const months = getEnv().RETENTION_MONTHS_AFTER_CLOSURE;
  const now = new Date();
  const [{ due, cutoff }, recent] = await Promise.all([listDueHouseholds(db, user, months, now), listRecentlyAnonymised(db, user)]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Link href="/administration" className="self-start font-medium text-blue-800 underline underline-offset-4">
          ← Administration
        </Link>
        <h1 className="text-2xl font-bold">Conservation des données</h1>
        <p className="text-slate-800">
          Un ménage est anonymisé quand tous ses dossiers sont clôturés depuis au moins <strong>{months} mois</strong> : noms, coordonnées,
          adresse et textes libres sont supprimés ; dates, étapes, motifs de clôture et montants restent, pour que les indicateurs ne
          changent pas. La commande quotidienne <code>npm run retention</code> le fait automatiquement ; cette page montre ce qui est échu
          aujourd&apos;hui et permet de l&apos;anonymiser sans attendre.
        </p>
      </div>

      <section aria-labelledby="echus" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="echus" className="text-lg font-semibold">
          Ménages échus
        </h2>
        <p className="text-slate-700">Dernière clôture le {formatDay(cutoff)} ou avant.</p>
        {due.length === 0 ? (
          <p>Aucun ménage n&apos;est échu aujourd&apos;hui.</p>
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="w-full text-left">
                <caption className="sr-only">Ménages à anonymiser : dossiers, dates de clôture et échéance</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 pr-4">Dossiers</th>
                    <th scope="col" className="py-2 pr-4">Dernière clôture</th>
                    <th scope="col" className="py-2">Échu depuis le</th>
                  </tr>
                </thead>
                <tbody>
                  {due.map((h) => (
                    <tr key={h.householdId} className="border-b border-slate-200">
                      <td className="py-2 pr-4">
                        <CaseLinks cases={h.cases} />
                      </td>
                      <td className="py-2 pr-4">{formatDay(h.lastClosedOn)}</td>
                      <td className="py-2">{formatDay(h.dueOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {/* Always mounted: once the run has emptied the list, its message stays on screen. */}
        <RunRetentionForm due={due.length} />
      </section>

      <section aria-labelledby="anonymises" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="anonymises" className="text-lg font-semibold">
          Dernières anonymisations
        </h2>
        {recent.length === 0 ? (
          <p>Aucun ménage anonymisé pour l&apos;instant.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {recent.map((h) => (
              <li key={h.householdId}>
                <CaseLinks cases={h.cases} /> — anonymisé le {formatInstant(h.anonymisedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
