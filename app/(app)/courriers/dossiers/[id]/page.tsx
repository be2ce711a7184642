import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { logCaseAccess } from "@/lib/server/access-log";
import { ConfirmLettersForm } from "@/components/letters/confirm-letters-form";
import { LetterPreview } from "@/components/letters/letter-preview";
import { SendEmailForm } from "@/components/letters/send-email-form";
import { SmsForm } from "@/components/letters/sms-form";
import { LETTER_KIND_LABELS, LETTER_KIND_SLUGS, LETTER_OUTREACH_EVENT, type LetterKind } from "@/lib/domain/letters/kinds";
import { db } from "@/lib/server/db";
import { contactRefusal } from "@/lib/domain/letters/compose";
import { getCaseLetters, type CaseLetters } from "@/lib/server/queries/letters/case-letters";
import { requireUser } from "@/lib/server/session";
import { formatDay, toIsoDay } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Courriers du dossier" };

function status(kind: LetterKind, data: CaseLetters, due: boolean): string {
  if (kind === "TENANT_FIRST_LETTER" && data.tenantLetterSentOn) return `Envoyé le ${formatDay(data.tenantLetterSentOn)}.`;
  if (kind === "LANDLORD_LETTER" && data.landlordLetterSentOn) return `Envoyé le ${formatDay(data.landlordLetterSentOn)}.`;
  if (kind === "DOOR_NOTICE") return "À laisser dans la boîte aux lettres quand personne ne répond ; il s'enregistre avec la visite.";
  if (due) return "À envoyer.";
  if (kind === "REMINDER") return "La relance vient 15 jours après la deuxième visite sans contact.";
  return "Pas attendu à cette étape du dossier.";
}

export default async function CaseLettersPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const data = await getCaseLetters(db, user, id, new Date());
  // Not found and not allowed look the same: another team must not learn the id exists.
  if (!data) notFound();
  await logCaseAccess(db, user, data.caseId);
  const today = toIsoDay(data.today);
  // Issue 15: a letter without the team's contact will be refused: say so before anyone tries.
  const missingContact = contactRefusal([data.firstLetter]);

  return (
    <div className="flex flex-col gap-4">
      <Link href={`/dossiers/${data.caseId}`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Dossier n° {data.number}
      </Link>
      <h1 className="text-2xl font-bold">
        Courriers <span className="text-lg font-normal text-slate-700">· {data.displayName}</span>
      </h1>
      <p className="text-slate-700">
        {data.address}
        {data.landlordName ? ` · bailleur : ${data.landlordName}` : ""}. Télécharger un courrier n&apos;enregistre rien : confirmez l&apos;envoi une fois posté.
      </p>

      {missingContact ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {missingContact}
        </p>
      ) : null}

      {data.options.map(({ kind, due, unavailable }) => {
        const records = LETTER_OUTREACH_EVENT[kind];
        const sentAlready = (kind === "TENANT_FIRST_LETTER" && !!data.tenantLetterSentOn) || (kind === "LANDLORD_LETTER" && !!data.landlordLetterSentOn);
        const canConfirm = data.canRecord && !!records && !unavailable && (due || (kind === "REMINDER" && data.state === "VISIT_2_FAILED"));
        const mailable = (kind === "TENANT_FIRST_LETTER" || kind === "REMINDER") && data.canRecord && !!data.email && data.state !== "CLOSED";
        const slug = LETTER_KIND_SLUGS[kind];
        return (
          <section key={kind} aria-labelledby={`titre-${slug}`} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
            <h2 id={`titre-${slug}`} className="text-lg font-semibold">
              {LETTER_KIND_LABELS[kind]}
            </h2>
            {unavailable ? (
              <p>{unavailable}</p>
            ) : (
              <>
                <p>{status(kind, data, due)}</p>
                <a href={`/courriers/dossiers/${data.caseId}/pdf?courrier=${slug}`} className="self-start font-medium text-blue-800 underline underline-offset-4">
                  Télécharger le PDF<span className="sr-only"> : {LETTER_KIND_LABELS[kind].toLowerCase()}</span>
                </a>
                {/* Kept mounted once sent, with no case: it shows its report after the page refreshes. */}
                {data.canRecord && records ? (
                  <ConfirmLettersForm teamId={data.teamId} kind={kind} cases={canConfirm && !sentAlready ? [{ id: data.caseId, version: data.version }] : []} today={today} submitLabel="Courrier envoyé" idPrefix={`envoi-${slug}`} />
                ) : null}
                {mailable ? (
                  <SendEmailForm caseId={data.caseId} version={data.version} kind={kind as "TENANT_FIRST_LETTER" | "REMINDER"} email={data.email!} label={kind === "REMINDER" ? "Envoyer la relance par e-mail" : "Envoyer le premier courrier par e-mail"} />
                ) : null}
              </>
            )}
          </section>
        );
      })}

      <section aria-labelledby="titre-sms" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="titre-sms" className="text-lg font-semibold">
          SMS
        </h2>
        {!data.phone ? (
          <p>Aucun numéro de téléphone n&apos;est connu pour ce ménage.</p>
        ) : data.canRecord && data.state !== "CLOSED" ? (
          <SmsForm caseId={data.caseId} version={data.version} phone={data.phone} text={data.smsText} />
        ) : (
          <p>Numéro : {data.phone}</p>
        )}
      </section>

      <details className="rounded-lg border border-slate-300 bg-white p-4">
        <summary className="cursor-pointer font-semibold">Aperçu du premier courrier</summary>
        <div className="mt-3">
          <LetterPreview letter={data.firstLetter} />
        </div>
      </details>
    </div>
  );
}
