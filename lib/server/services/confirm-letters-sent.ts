import "server-only";
import { tenantNames } from "@/lib/domain/letters/compose";
import { letterDue, notDueReason } from "@/lib/domain/letters/due";
import { LETTER_KIND_LABELS, LETTER_OUTREACH_EVENT } from "@/lib/domain/letters/kinds";
import { canRecordLetters, canViewCases } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { ExpectedError, notFound } from "@/lib/server/errors";
import { dueFacts } from "@/lib/server/queries/letters/case-letters";
import { recordOutreachEvent } from "@/lib/server/services/record-outreach-event";
import { formatDay, parisTime, parisToday } from "@/lib/utils/dates";
import type { ConfirmLettersInput } from "@/lib/validation/letters";

export interface ConfirmedCase {
  caseId: string;
  number: number;
  displayName: string;
}

export interface RefusedCase extends ConfirmedCase {
  /** Why nothing was recorded for this case, in French. */
  reason: string;
}

export interface ConfirmLettersResult {
  recorded: ConfirmedCase[];
  refused: RefusedCase[];
}

/**
 * "Courriers envoyés": the user confirms that the printed letters went out.
 * Generating a PDF records nothing; this records, on each case, the outreach
 * event of the letter (LETTER_TENANT, LETTER_LANDLORD or REMINDER) through the
 * outreach service, so the workflow's transition table decides and the audit
 * row is written with it.
 *
 * One transaction per case (docs/decisions/013-letters-and-email.md): each
 * letter is its own fact, and a case a colleague changed meanwhile must not
 * undo the 199 others. Nothing is skipped silently: a case whose letter is no
 * longer due (already recorded, closed, contact made), that changed since the
 * page was shown (its version), or that the workflow refuses, is reported with
 * the reason. Sending the same confirmation twice records nothing the second
 * time: every case is then "already recorded" or "changed".
 *
 * Every id is checked first: one case of another team (or unknown) refuses
 * the whole confirmation before anything is written.
 */
export async function confirmLettersSent(db: Db, actor: Actor, input: ConfirmLettersInput, now: Date): Promise<ConfirmLettersResult> {
  if (!canRecordLetters(actor, input.teamId)) throw notFound("Cette équipe");
  const event = LETTER_OUTREACH_EVENT[input.kind];
  if (!event) {
    throw new ExpectedError("INVALID_STEP", "L'avis de passage s'enregistre avec la visite (« Avis de passage laissé »), pas comme un courrier.");
  }
  const today = parisToday(now);
  if (input.day.getTime() > today.getTime()) {
    throw new ExpectedError("INVALID_STEP", "La date d'envoi ne peut pas être dans le futur.", { day: ["La date d'envoi ne peut pas être dans le futur."] });
  }
  const ids = [...new Set(input.cases.map((c) => c.id))];
  const rows = await db.case.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      teamId: true,
      number: true,
      version: true,
      state: true,
      tenantLetterSentOn: true,
      landlordLetterSentOn: true,
      reminderDueOn: true,
      lease: { select: { landlord: { select: { id: true } } } },
      household: { select: { occupants: { where: { role: { in: ["TENANT", "CO_TENANT"] }, isChild: false }, orderBy: { position: "asc" }, select: { firstName: true, lastName: true } } } },
    },
  });
  if (rows.length !== ids.length || rows.some((r) => r.teamId !== input.teamId || !canViewCases(actor, r.teamId))) throw notFound("Un des dossiers");

  // Letters posted today carry the time of the confirmation; earlier days, midday.
  const time = input.day.getTime() === today.getTime() ? parisTime(now) : "12:00";
  const byId = new Map(rows.map((r) => [r.id, r]));
  const result: ConfirmLettersResult = { recorded: [], refused: [] };
  const seen = new Set<string>();
  for (const { id, version } of input.cases) {
    if (seen.has(id)) continue;
    seen.add(id);
    const row = byId.get(id)!;
    const who: ConfirmedCase = { caseId: id, number: row.number, displayName: tenantNames(row.household.occupants) || "Ménage" };
    const facts = dueFacts(row);
    // The first letter and the landlord letter are confirmed once; the reminder, the workflow decides.
    if (input.kind !== "REMINDER" && !letterDue(input.kind, facts, today)) {
      result.refused.push({ ...who, reason: notDueReason(input.kind, facts, formatDay) });
      continue;
    }
    if (row.version !== version) {
      result.refused.push({ ...who, reason: "Le dossier a été modifié depuis l'affichage de la liste : vérifiez-le puis confirmez de nouveau." });
      continue;
    }
    try {
      await recordOutreachEvent(
        db,
        actor,
        { kind: event, caseId: id, version, day: input.day, time, note: `${LETTER_KIND_LABELS[input.kind]} : envoi confirmé depuis « Courriers ».` },
        now,
      );
      result.recorded.push(who);
    } catch (error) {
      if (!(error instanceof ExpectedError)) throw error;
      result.refused.push({ ...who, reason: error.message });
    }
  }
  return result;
}
