import "server-only";
import { letterAsText, contactRefusal, teamDisplayName } from "@/lib/domain/letters/compose";
import { LETTER_KIND_LABELS, LETTER_KIND_SLUGS } from "@/lib/domain/letters/kinds";
import { eventFromRecord, snapshotFromHistory } from "@/lib/domain/outreach/history";
import { transition } from "@/lib/domain/outreach/transitions";
import { canRecordLetters } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { conflict, ExpectedError, notFound } from "@/lib/server/errors";
import { sendMail, type MailReceipt } from "@/lib/server/mail/send-mail";
import { renderLettersPdf } from "@/lib/server/pdf/letters-pdf";
import { getCaseLetter } from "@/lib/server/queries/letters/case-letters";
import { OUTREACH_HISTORY_SELECT, recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { parisTime, parisToday } from "@/lib/utils/dates";
import type { SendLetterEmailInput } from "@/lib/validation/letters";

/**
 * E-mails a letter (the first letter, or the reminder) to a household that
 * gave an address: the letter as the text of the e-mail, and the same letter
 * as a PDF attachment. The EMAIL outreach event is recorded only once the SMTP
 * server has accepted the message; if it refuses, or is not configured,
 * nothing is recorded and the French error says why.
 *
 * Order: check (case, version, the workflow allows an e-mail now), send, then
 * record. An e-mail cannot be taken back, so the check comes first; the record
 * after the send re-reads the case's version, because an e-mail does not move
 * the case and a colleague's change in those seconds must not lose it.
 */
export async function sendLetterEmail(
  db: Db,
  actor: Actor,
  input: SendLetterEmailInput,
  now: Date,
  env: Record<string, string | undefined> = process.env,
): Promise<{ to: string; receipt: MailReceipt; eventId: string }> {
  const c = await db.case.findUnique({
    where: { id: input.caseId },
    select: {
      teamId: true,
      version: true,
      household: { select: { email: true } },
      team: { select: { name: true, letterheadName: true, letterheadEmail: true } },
      outreachEvents: { orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], select: OUTREACH_HISTORY_SELECT },
    },
  });
  if (!c || !canRecordLetters(actor, c.teamId)) throw notFound();
  if (c.version !== input.version) throw conflict();
  const to = c.household.email;
  if (!to) throw new ExpectedError("INVALID_STEP", "Aucune adresse e-mail n'est connue pour ce ménage.");

  const day = parisToday(now);
  const time = parisTime(now);
  const snapshot = snapshotFromHistory(c.outreachEvents.map((e, i) => eventFromRecord(e, i)));
  const allowed = transition(snapshot, { kind: "EMAIL", occurredAt: now }, { now, actorRole: actor.role });
  if (!allowed.ok) throw new ExpectedError("INVALID_STEP", allowed.message);

  const letter = await getCaseLetter(db, actor, input.caseId, input.kind, now);
  if (!letter) throw notFound();
  // Issue 15: a letter that does not say how to reach the team does not go out.
  const refusal = contactRefusal([letter]);
  if (refusal) throw new ExpectedError("INVALID_STEP", refusal);
  const teamName = teamDisplayName({ teamName: c.team.name, name: c.team.letterheadName, address: null, phone: null, email: null, signature: null });
  const pdf = await renderLettersPdf([letter], { title: `${LETTER_KIND_LABELS[input.kind]} — ${letter.reference}`, author: teamName, now });

  const receipt = await sendMail(
    {
      to,
      subject: letter.subject,
      text: letterAsText(letter),
      replyTo: c.team.letterheadEmail,
      attachments: [{ filename: `${LETTER_KIND_SLUGS[input.kind]}-${letter.caseNumber}.pdf`, content: pdf, contentType: "application/pdf" }],
    },
    env,
  );

  const note = `${LETTER_KIND_LABELS[input.kind]} envoyé par e-mail à ${to}.`;
  const record = async (version: number) =>
    recordOutreachEvent(db, actor, { kind: "EMAIL", caseId: input.caseId, version, day, time, note }, now);
  try {
    const { eventId } = await record(input.version);
    return { to, receipt, eventId };
  } catch (error) {
    if (!(error instanceof ExpectedError && error.code === "CONFLICT")) throw sentButNotRecorded(error);
    // Someone changed the case while the e-mail left: record on its new version.
    const fresh = await db.case.findUnique({ where: { id: input.caseId }, select: { version: true } });
    try {
      const { eventId } = await record(fresh?.version ?? input.version);
      return { to, receipt, eventId };
    } catch (again) {
      throw sentButNotRecorded(again);
    }
  }
}

function sentButNotRecorded(error: unknown): unknown {
  if (!(error instanceof ExpectedError)) return error;
  return new ExpectedError("INVALID_STEP", `L'e-mail est parti, mais il n'a pas pu être enregistré dans l'historique : ${error.message} Enregistrez-le à la main (« Courriel au ménage »).`);
}
