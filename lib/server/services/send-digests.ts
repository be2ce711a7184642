import "server-only";
import { composeDigest, type DigestSection } from "@/lib/domain/reminders/digest";
import { canViewDueWork } from "@/lib/domain/permissions";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db";
import { sendMail } from "@/lib/server/mail/send-mail";
import { listDueWork } from "@/lib/server/queries/list-due-work";
import { listReferralsWithoutNews } from "@/lib/server/queries/referrals";
import { parisToday } from "@/lib/utils/dates";

export interface DigestReport {
  today: Date;
  sent: Array<{ userId: string; total: number }>;
  nothingToDo: number;
  alreadySent: number;
  failed: Array<{ userId: string; reason: string }>;
}

/**
 * The daily digest (issue 20, `npm run digest`, from cron): to every active
 * worker who opted in (Mon compte), their own due work in each of their teams
 * ("Moi" in "À faire"), as counts and case numbers. Once a Paris day per
 * person (digestLastSentOn): the command may run twice. A failed send is
 * reported and retried at the next run; nothing else is written.
 */
export async function sendDigests(db: Db, now: Date, env: Record<string, string | undefined> = process.env): Promise<DigestReport> {
  const today = parisToday(now);
  const report: DigestReport = { today, sent: [], nothingToDo: 0, alreadySent: 0, failed: [] };
  const users = await db.user.findMany({
    where: { digestOptIn: true, active: true },
    orderBy: { id: "asc" },
    select: { id: true, email: true, role: true, digestLastSentOn: true, memberships: { select: { team: { select: { id: true, name: true } } } } },
  });
  for (const u of users) {
    if (u.digestLastSentOn && u.digestLastSentOn.getTime() >= today.getTime()) {
      report.alreadySent++;
      continue;
    }
    const actor = { id: u.id, role: u.role, teamIds: u.memberships.map((m) => m.team.id) };
    const digests = [];
    for (const { team } of u.memberships) {
      if (!canViewDueWork(actor, team.id)) continue;
      const [work, referrals] = await Promise.all([
        listDueWork(db, actor, { teamId: team.id, scope: "me", now }),
        listReferralsWithoutNews(db, actor, { teamId: team.id, scope: "me", now }),
      ]);
      const sections: DigestSection[] = (work?.sections ?? []).map((s) => ({ key: s.section, total: s.total, caseNumbers: s.items.map((i) => i.number) }));
      if (referrals) sections.push({ key: "REFERRAL_NO_NEWS", total: referrals.total, caseNumbers: [...new Set(referrals.items.map((r) => r.number))] });
      const d = composeDigest({ today, teamName: team.name, sections, appUrl: env.APP_URL ?? env.AUTH_URL ?? null });
      if (d) digests.push(d);
    }
    if (!digests.length) {
      report.nothingToDo++;
      continue;
    }
    const total = digests.reduce((n, d) => n + d.total, 0);
    try {
      await sendMail({ to: u.email, subject: digests.length === 1 ? digests[0]!.subject : `Maintien — ${total} chose(s) à faire`, text: digests.map((d) => d.text).join("\n\n———\n\n") }, env);
    } catch (error) {
      report.failed.push({ userId: u.id, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: u.id }, data: { digestLastSentOn: today } });
      await writeAudit(tx, { userId: null, action: "digest.sent", entity: "User", entityId: u.id, after: { day: today.toISOString().slice(0, 10), total } });
    });
    report.sent.push({ userId: u.id, total });
  }
  return report;
}
