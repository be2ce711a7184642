import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { logCaseAccess } from "@/lib/server/access-log";
import { db } from "@/lib/server/db";
import { getHouseholdSheet } from "@/lib/server/queries/household-sheet";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Ce qui va se passer" };

/** The household's one-page sheet in plain French (issue 20): to print, or to send as an SMS. */
export default async function HouseholdSheetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const now = new Date();
  const data = await getHouseholdSheet(db, user, id, now);
  if (!data) notFound();
  await logCaseAccess(db, user, data.caseId, now);
  const { sheet } = data;
  return (
    <div className="flex flex-col gap-6">
      <Link href={`/dossiers/${data.caseId}`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        Retour au dossier n° {data.number}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <a href={`/dossiers/${data.caseId}/ce-qui-va-se-passer/pdf`} className={buttonClass()}>
          Imprimer la fiche (PDF)
        </a>
      </div>
      <article aria-labelledby="fiche-titre" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h1 id="fiche-titre" className="text-2xl font-bold">
          {sheet.title}
        </h1>
        <p className="text-sm text-slate-700">{sheet.dateLine}</p>
        <p>{sheet.intro}</p>
        {sheet.sections.map((s) => (
          <section key={s.heading} className="flex flex-col gap-1">
            <h2 className="text-lg font-semibold">{s.heading}</h2>
            {s.paragraphs.some((p) => p.startsWith("- ")) ? (
              <>
                <ul className="list-disc pl-5">
                  {s.paragraphs.filter((p) => p.startsWith("- ")).map((p) => (
                    <li key={p}>{p.slice(2)}</li>
                  ))}
                </ul>
                {s.paragraphs.filter((p) => p && !p.startsWith("- ")).map((p) => (
                  <p key={p}>{p}</p>
                ))}
              </>
            ) : (
              s.paragraphs.filter(Boolean).map((p) => <p key={p}>{p}</p>)
            )}
          </section>
        ))}
        <p className="text-sm text-slate-700">{sheet.footer}</p>
      </article>
      <section aria-labelledby="sms-titre" className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="sms-titre" className="text-lg font-semibold">
          En SMS ({sheet.sms.length} caractères)
        </h2>
        <p className="rounded-md bg-slate-100 p-3">{sheet.sms}</p>
        {data.householdPhone ? (
          <a href={`sms:${data.householdPhone.replace(/\s/g, "")}?body=${encodeURIComponent(sheet.sms)}`} className={`${buttonClass("secondary")} self-start`}>
            Ouvrir dans l&apos;application SMS
          </a>
        ) : (
          <p className="text-sm text-slate-700">Aucun téléphone du ménage n&apos;est renseigné.</p>
        )}
      </section>
    </div>
  );
}
