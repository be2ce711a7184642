import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmLettersForm } from "@/components/letters/confirm-letters-form";
import { LETTER_KIND_PLURALS, LETTER_OUTREACH_EVENT } from "@/lib/domain/letters/kinds";
import { batchQuery, batchTitle, parseBatchQuery } from "@/lib/domain/letters/selection";
import { db } from "@/lib/server/db";
import { getLetterBatch, MAX_BATCH_LETTERS } from "@/lib/server/queries/letters/batches";
import { lettersTeamId } from "@/lib/server/queries/letters/overview";
import { requireUser } from "@/lib/server/session";
import { toIsoDay } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Lot de courriers" };

type Search = Record<string, string | string[] | undefined>;

export default async function LetterBatchPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const parsed = parseBatchQuery(await searchParams);
  const teamId = lettersTeamId(user);
  if (!parsed || !teamId) notFound();
  const batch = await getLetterBatch(db, user, teamId, parsed.kind, parsed.selection, new Date());
  // Another team's list looks like one that does not exist.
  if (!batch) notFound();
  const title = batchTitle(batch.kind, batch.selection, batch.importBatch?.fileName);
  const count = batch.cases.length;
  const records = LETTER_OUTREACH_EVENT[batch.kind];

  return (
    <div className="flex flex-col gap-4">
      <Link href="/courriers" className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Courriers
      </Link>
      <h1 className="text-2xl font-bold">{title}</h1>
      {/* Stable positions: after "Confirmer l'envoi" the list comes back empty, and the form keeps its report. */}
      {count === 0 ? <p className="rounded-md border border-slate-300 bg-white p-4 font-medium">Aucun courrier à envoyer dans ce lot.</p> : null}
      {count > 0 ? (
        <section aria-labelledby="imprimer" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="imprimer" className="text-lg font-semibold">
            1. Imprimer
          </h2>
          <p>
            {count} {LETTER_KIND_PLURALS[batch.kind]}, un par page, prêts pour des enveloppes à fenêtre.
            {batch.truncated ? ` Le lot est limité aux ${MAX_BATCH_LETTERS} premiers : confirmez leur envoi pour obtenir les suivants.` : ""}
          </p>
          <a href={`/courriers/lot/pdf?${batchQuery(batch.kind, batch.selection)}`} className="self-start rounded-md bg-blue-800 px-4 py-2.5 font-semibold text-white hover:bg-blue-900">
            Télécharger le PDF
          </a>
        </section>
      ) : null}
      {records && batch.canRecord ? (
        <section aria-labelledby="confirmer" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="confirmer" className="text-lg font-semibold">
            2. Confirmer l&apos;envoi
          </h2>
          {count > 0 ? <p>Une fois les courriers postés, confirmez : chaque dossier de la liste ci-dessous reçoit l&apos;envoi dans son historique.</p> : null}
          <ConfirmLettersForm teamId={batch.teamId} kind={batch.kind} cases={batch.cases.map((c) => ({ id: c.caseId, version: c.version }))} today={toIsoDay(batch.today)} />
        </section>
      ) : count > 0 ? (
        <section aria-labelledby="confirmer" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="confirmer" className="text-lg font-semibold">
            2. Confirmer l&apos;envoi
          </h2>
          <p>
            {records
              ? "Votre rôle permet d'imprimer les courriers ; leur envoi est confirmé par l'équipe."
              : "Les avis de passage ne s'enregistrent pas ici : cochez « Avis de passage laissé » en enregistrant la visite."}
          </p>
        </section>
      ) : null}
      {count > 0 ? (
        <section aria-labelledby="menages" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="menages" className="mb-3 text-lg font-semibold">
            Dans ce lot ({count})
          </h2>
          <ul className="flex flex-col divide-y divide-slate-200">
            {batch.cases.map((c) => (
              <li key={c.caseId} className="flex flex-col py-2">
                <Link href={`/dossiers/${c.caseId}`} className="font-medium text-blue-800 underline underline-offset-4">
                  {c.displayName}
                </Link>
                <span className="text-slate-700">
                  {c.address} · dossier n° {c.number}
                  {c.recipientName ? ` · bailleur : ${c.recipientName}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
