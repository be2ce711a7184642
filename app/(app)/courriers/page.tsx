import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LETTER_KINDS, LETTER_KIND_PLURALS, type LetterKind } from "@/lib/domain/letters/kinds";
import { batchQuery, type LetterSelection } from "@/lib/domain/letters/selection";
import { db } from "@/lib/server/db";
import { getLettersOverview, lettersTeamId } from "@/lib/server/queries/letters/overview";
import { requireUser } from "@/lib/server/session";
import { formatDayLong, formatInstant, toIsoDay } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Courriers" };

function BatchLinks({ kind, selection, count }: { kind: LetterKind; selection: LetterSelection; count: number }) {
  const query = batchQuery(kind, selection);
  const what = LETTER_KIND_PLURALS[kind];
  if (count === 0) return <span className="text-slate-700">aucun à envoyer</span>;
  return (
    <span className="flex flex-wrap gap-x-4 gap-y-1">
      <a href={`/courriers/lot/pdf?${query}`} className="font-medium text-blue-800 underline underline-offset-4">
        Télécharger le PDF<span className="sr-only"> : {count} {what}</span>
      </a>
      <Link href={`/courriers/lot?${query}`} className="font-medium text-blue-800 underline underline-offset-4">
        Voir la liste et confirmer l&apos;envoi<span className="sr-only"> : {what}</span>
      </Link>
    </span>
  );
}

function plural(n: number, what: string) {
  return `${n} ${what}`;
}

export default async function LettersPage() {
  const user = await requireUser();
  const teamId = lettersTeamId(user);
  if (!teamId) notFound();
  const overview = await getLettersOverview(db, user, teamId, new Date());
  if (!overview) notFound();
  const due: LetterSelection = { by: "due" };
  const today: LetterSelection = { by: "today" };

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Courriers</h1>
        <p className="text-slate-700">
          Au <time dateTime={toIsoDay(overview.today)}>{formatDayLong(overview.today)}</time>. Télécharger un PDF n&apos;enregistre rien : une fois les courriers
          postés, confirmez l&apos;envoi pour l&apos;inscrire dans chaque dossier.
        </p>
        {overview.canEditTemplates ? (
          <Link href="/courriers/modeles" className="self-start font-medium text-blue-800 underline underline-offset-4">
            Modèles de courriers, en-tête et signature
          </Link>
        ) : null}
      </div>

      <section aria-labelledby="a-envoyer" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="a-envoyer" className="mb-3 text-lg font-semibold">
          À envoyer
        </h2>
        <ul className="flex flex-col divide-y divide-slate-200">
          {LETTER_KINDS.map((kind) => (
            <li key={kind} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
              <span className="font-medium">
                {kind === "DOOR_NOTICE" ? "Avis de passage (visites à faire)" : `${LETTER_KIND_PLURALS[kind].charAt(0).toUpperCase()}${LETTER_KIND_PLURALS[kind].slice(1)}`} :{" "}
                {overview.due[kind]}
              </span>
              <BatchLinks kind={kind} selection={due} count={overview.due[kind]} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="aujourd-hui" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="aujourd-hui" className="mb-3 text-lg font-semibold">
          Ménages importés aujourd&apos;hui
        </h2>
        {overview.todayImports.lists === 0 ? (
          <p className="text-slate-700">Aucune liste importée aujourd&apos;hui.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200">
            <li className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
              <span className="font-medium">Premiers courriers aux locataires : {overview.todayImports.firstLettersDue}</span>
              <BatchLinks kind="TENANT_FIRST_LETTER" selection={today} count={overview.todayImports.firstLettersDue} />
            </li>
            <li className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
              <span className="font-medium">Courriers aux bailleurs : {overview.todayImports.landlordLettersDue}</span>
              <BatchLinks kind="LANDLORD_LETTER" selection={today} count={overview.todayImports.landlordLettersDue} />
            </li>
          </ul>
        )}
      </section>

      <section aria-labelledby="listes" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="listes" className="mb-3 text-lg font-semibold">
          Listes importées
        </h2>
        {overview.imports.length === 0 ? (
          <p className="text-slate-700">Aucune liste importée pour le moment.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {overview.imports.map((b) => {
              const selection: LetterSelection = { by: "import", importBatchId: b.id };
              return (
                <li key={b.id} className="rounded-md border border-slate-300 p-3">
                  <p className="font-medium">
                    {b.fileName} <span className="font-normal text-slate-700">· importée le {formatInstant(b.importedAt)} · {plural(b.caseCount, b.caseCount > 1 ? "dossiers" : "dossier")}</span>
                  </p>
                  <p className="mt-2">Premiers courriers aux locataires : {b.firstLettersDue}</p>
                  <BatchLinks kind="TENANT_FIRST_LETTER" selection={selection} count={b.firstLettersDue} />
                  <p className="mt-2">Courriers aux bailleurs : {b.landlordLettersDue}</p>
                  <BatchLinks kind="LANDLORD_LETTER" selection={selection} count={b.landlordLettersDue} />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
