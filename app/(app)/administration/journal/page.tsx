import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditChanges } from "@/components/admin/audit-entry";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { auditScopeIsGlobal, canViewAuditLog } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { auditFilterOptions, listAuditEntries, listCaseAccesses } from "@/lib/server/queries/list-audit";
import { requireUser } from "@/lib/server/session";
import { formatInstant } from "@/lib/utils/dates";
import { parseAuditFilters } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Journal" };

type Search = Record<string, string | string[] | undefined>;

const control = "w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 text-base text-slate-900";

export default async function JournalPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  if (!canViewAuditLog(user)) notFound();
  const filters = parseAuditFilters(await searchParams);
  const consultations = filters.view === "consultations";
  const [options, result] = await Promise.all([
    auditFilterOptions(db, user),
    consultations ? listCaseAccesses(db, user, filters) : listAuditEntries(db, user, filters),
  ]);
  const params = { ...filters.raw, page: undefined };
  const tab = (view: "modifications" | "consultations") => {
    const q = new URLSearchParams(Object.entries({ ...filters.raw, vue: view, action: view === "modifications" ? filters.raw.action : "" }).filter(([, v]) => v));
    return `?${q.toString()}`;
  };
  return (
    <div className="flex flex-col gap-5">
      <Link href="/administration" className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Administration
      </Link>
      <h1 className="text-2xl font-bold">Journal</h1>
      <p className="text-slate-700">
        {auditScopeIsGlobal(user)
          ? "Toutes les modifications enregistrées et toutes les consultations de dossiers."
          : "Les modifications et les consultations des dossiers de votre équipe."}
      </p>
      <nav aria-label="Type d'entrées" className="flex flex-wrap gap-2">
        <Link href={tab("modifications")} aria-current={consultations ? undefined : "page"} className={buttonClass(consultations ? "secondary" : "primary")}>
          Modifications
        </Link>
        <Link href={tab("consultations")} aria-current={consultations ? "page" : undefined} className={buttonClass(consultations ? "primary" : "secondary")}>
          Consultations de dossiers
        </Link>
      </nav>
      <form method="get" className="grid gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-2" aria-labelledby="titre-filtres">
        <h2 id="titre-filtres" className="text-lg font-semibold sm:col-span-2">
          Filtres
        </h2>
        <input type="hidden" name="vue" value={filters.view} />
        <div className="flex flex-col gap-1">
          <label htmlFor="f-utilisateur" className="text-sm font-medium text-slate-800">
            Personne
          </label>
          <select id="f-utilisateur" name="utilisateur" defaultValue={filters.raw.utilisateur} className={control}>
            <option value="">Toutes</option>
            {options.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-dossier" className="text-sm font-medium text-slate-800">
            N° de dossier
          </label>
          <input id="f-dossier" name="dossier" inputMode="numeric" defaultValue={filters.raw.dossier} className={control} />
        </div>
        {consultations ? null : (
          <div className="flex flex-col gap-1 sm:col-span-2">
            <label htmlFor="f-action" className="text-sm font-medium text-slate-800">
              Action
            </label>
            <select id="f-action" name="action" defaultValue={filters.raw.action} className={control}>
              <option value="">Toutes</option>
              {options.actions.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor="f-du" className="text-sm font-medium text-slate-800">
            Du
          </label>
          <input id="f-du" name="du" type="date" defaultValue={filters.raw.du} className={control} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-au" className="text-sm font-medium text-slate-800">
            Au
          </label>
          <input id="f-au" name="au" type="date" defaultValue={filters.raw.au} className={control} />
        </div>
        {filters.problems.length ? (
          <ul role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-800 sm:col-span-2">
            {filters.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <button type="submit" className={buttonClass()}>
            Filtrer
          </button>
          <Link href={`?vue=${filters.view}`} className={buttonClass("secondary")}>
            Effacer les filtres
          </Link>
        </div>
      </form>
      <section aria-labelledby="titre-resultats" className="flex flex-col gap-3">
        <h2 id="titre-resultats" className="text-lg font-semibold" aria-live="polite">
          {result.capped ? "Plus de " : ""}
          {result.total} {consultations ? "consultation" : "modification"}
          {result.total > 1 ? "s" : ""}
        </h2>
        {result.capped ? (
          <p className="text-slate-700">Seules les {result.total} plus récentes sont affichées : précisez la période, la personne ou le dossier pour remonter plus loin.</p>
        ) : null}
        {consultations ? (
          <ul className="flex flex-col gap-2">
            {(result.rows as Awaited<ReturnType<typeof listCaseAccesses>>["rows"]).map((r) => (
              <li key={r.id} className="rounded-md border border-slate-300 bg-white p-3">
                <p>
                  <span className="font-semibold">{r.userName}</span> a consulté le{" "}
                  <Link href={`/dossiers/${r.caseId}`} className="font-medium text-blue-800 underline underline-offset-4">
                    dossier n° {r.caseNumber}
                  </Link>
                </p>
                <p className="text-sm text-slate-700">Le {formatInstant(r.at)}</p>
              </li>
            ))}
          </ul>
        ) : (
          <ul className="flex flex-col gap-2">
            {(result.rows as Awaited<ReturnType<typeof listAuditEntries>>["rows"]).map((r) => (
              <li key={r.id} className="flex flex-col gap-1 rounded-md border border-slate-300 bg-white p-3">
                <p>
                  <span className="font-semibold">{r.actionLabel}</span>
                  {r.caseNumber ? (
                    <>
                      {" · "}
                      <Link href={`/dossiers/${r.caseId}`} className="font-medium text-blue-800 underline underline-offset-4">
                        dossier n° {r.caseNumber}
                      </Link>
                    </>
                  ) : null}
                </p>
                <p className="text-sm text-slate-700">
                  Le {formatInstant(r.at)} par {r.userName ?? "un compte supprimé"}
                </p>
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-blue-800 underline underline-offset-4">Avant / après</summary>
                  <div className="mt-2">
                    <AuditChanges before={r.before} after={r.after} caption={`${r.actionLabel} le ${formatInstant(r.at)} : valeurs avant et après`} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
        {result.total === 0 ? <p className="text-slate-700">Aucune entrée ne correspond à ces filtres.</p> : null}
        <Pagination page={result.page} pageCount={result.pageCount} params={params} />
      </section>
    </div>
  );
}
