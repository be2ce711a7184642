import "server-only";
import { canRecordReferrals } from "@/lib/domain/permissions";
import { letterAsText } from "@/lib/domain/letters/compose";
import type { Actor } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { ExpectedError, forbidden, notFound } from "@/lib/server/errors";
import { sendMail } from "@/lib/server/mail/send-mail";
import { renderLettersPdf } from "@/lib/server/pdf/letters-pdf";
import { getReferralLetter } from "@/lib/server/queries/referrals";

/**
 * E-mails the referral letter to the partner (issue 20), through the SMTP
 * server when one is configured (decision 013): the letter as text, the PDF
 * attached, Reply-To the team. Recorded (emailedAt, audit) only once the
 * server accepted the recipient.
 */
export async function sendReferralEmail(db: Db, actor: Actor & { name?: string }, input: { caseId: string; referralId: string }, now: Date, env: Record<string, string | undefined> = process.env): Promise<{ to: string }> {
  const found = await getReferralLetter(db, actor, input.caseId, input.referralId, now);
  if (!found) throw notFound("Cette orientation");
  if (!canRecordReferrals(actor, found.teamId)) throw forbidden("Votre rôle ne permet pas d'envoyer une orientation.");
  if (!found.partnerEmail) throw new ExpectedError("INVALID_STEP", "Ce partenaire n'a pas d'adresse e-mail dans l'annuaire : imprimez le courrier, ou ajoutez son adresse.");
  const pdf = await renderLettersPdf([found.letter], { title: found.letter.subject, author: found.letter.letterhead[0] ?? "Maintien", now });
  await sendMail(
    {
      to: found.partnerEmail,
      subject: found.letter.subject,
      text: letterAsText({ ...found.letter, kind: "TENANT_FIRST_LETTER" }),
      replyTo: found.teamEmail,
      attachments: [{ filename: "orientation.pdf", content: pdf, contentType: "application/pdf" }],
    },
    env,
  );
  await db.$transaction(async (tx) => {
    await tx.referral.update({ where: { id: input.referralId }, data: { emailedAt: now } });
    await writeAudit(tx, { userId: actor.id, action: "referral.email", entity: "Referral", entityId: input.referralId, caseId: input.caseId, after: { to: found.partnerEmail, at: now.toISOString() } });
  });
  return { to: found.partnerEmail };
}
