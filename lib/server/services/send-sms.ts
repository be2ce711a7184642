import "server-only";
import { mergeValuesFor } from "@/lib/domain/letters/compose";
import { SMS_TEXT } from "@/lib/domain/letters/defaults";
import { renderBody } from "@/lib/domain/letters/template";
import { canRecordLetters } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { ExpectedError, notFound } from "@/lib/server/errors";
import { LETTER_CASE_SELECT, toLetterCase } from "@/lib/server/queries/letters/case-letters";
import { recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { getSmsProvider, type SmsProvider } from "@/lib/server/sms/sms-provider";
import { parisTime, parisToday } from "@/lib/utils/dates";
import type { SendSmsInput } from "@/lib/validation/letters";

/** The suggested SMS for a case, merged with the team's letterhead (one paragraph; the page shows the same). */
function smsTextFor(values: Parameters<typeof renderBody>[1]): string {
  return renderBody(SMS_TEXT, values).join(" ");
}

/**
 * An SMS to the household, through the SMS provider (lib/server/sms): with
 * the manual provider, the person sent it from the team's phone and confirms;
 * with a gateway, it is sent here. The SMS outreach event is recorded only
 * after the provider answered, through the outreach service (the workflow
 * decides, the version guards against a concurrent change, the audit follows).
 */
export async function sendSms(db: Db, actor: Actor, input: SendSmsInput, now: Date, provider: SmsProvider = getSmsProvider()): Promise<{ eventId: string }> {
  const row = await db.case.findUnique({ where: { id: input.caseId }, select: { ...LETTER_CASE_SELECT, team: { select: { name: true, letterheadName: true, letterheadPhone: true, letterheadEmail: true } } } });
  if (!row || !canRecordLetters(actor, row.teamId)) throw notFound();
  const phone = row.household.phone;
  if (!phone) throw new ExpectedError("INVALID_STEP", "Aucun numéro de téléphone n'est connu pour ce ménage.");
  const values = mergeValuesFor(
    toLetterCase(row),
    { teamName: row.team.name, name: row.team.letterheadName, address: null, phone: row.team.letterheadPhone, email: row.team.letterheadEmail, signature: null },
    parisToday(now),
  );
  const receipt = await provider.send({ to: phone, text: smsTextFor(values) });
  const note = receipt.status === "MANUAL" ? `SMS ${provider.description}.` : `SMS envoyé (${provider.description}${receipt.providerId ? `, n° ${receipt.providerId}` : ""}).`;
  const { eventId } = await recordOutreachEvent(db, actor, { kind: "SMS", caseId: input.caseId, version: input.version, day: parisToday(now), time: parisTime(now), note }, now);
  return { eventId };
}
