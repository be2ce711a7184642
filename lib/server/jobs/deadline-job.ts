import "server-only";
import { db } from "@/lib/server/db";
import { recomputeOutdatedDeadlines, rollNextDeadlinesForward, trustOutdatedDeadlinesCheck } from "@/lib/server/services/refresh-deadlines";
import { parisToday } from "@/lib/utils/dates";

/**
 * The daily roll-forward of procedure deadlines (decision 008), off the
 * request path (issue 17, decision 036): the server runs it once when it
 * starts and then whenever the Paris day has changed, checked every
 * CHECK_EVERY_MS. Lists never wait for it: until it has run on a new day, a
 * passed next deadline is simply not shown (the lists keep only deadlines
 * from today on). `npm run deadlines:roll` does the same from cron.
 */
const CHECK_EVERY_MS = 5 * 60_000;
/** In the server, a list request's check for outdated deadlines that found none is trusted this long (decision 047). */
const OUTDATED_CHECK_TRUST_MS = 60_000;

export async function runDailyDeadlineJob(now: Date): Promise<{ recomputed: number; rolled: number }> {
  const today = parisToday(now);
  const recomputed = await recomputeOutdatedDeadlines(db, today);
  const rolled = await rollNextDeadlinesForward(db, today);
  return { recomputed, rolled };
}

const state = globalThis as unknown as { maintienDeadlineJob?: { timer: NodeJS.Timeout; lastDay: string | null } };

/** Starts the job once per process (instrumentation.ts); idempotent. */
export function startDeadlineJob(log: (line: string) => void = console.log): void {
  if (state.maintienDeadlineJob) return;
  trustOutdatedDeadlinesCheck(OUTDATED_CHECK_TRUST_MS);
  const job = { lastDay: null as string | null, timer: undefined as unknown as NodeJS.Timeout };
  let running = false;
  const tick = async () => {
    const now = new Date();
    const day = parisToday(now).toISOString().slice(0, 10);
    if (running || job.lastDay === day) return;
    running = true;
    try {
      const { recomputed, rolled } = await runDailyDeadlineJob(now);
      job.lastDay = day;
      if (recomputed || rolled) log(`[deadlines] ${day}: ${recomputed} case(s) recomputed, ${rolled} next deadline(s) rolled forward`);
    } catch (error) {
      // Retried at the next check; the lists stay correct meanwhile.
      log(`[deadlines] roll-forward failed, retried in ${CHECK_EVERY_MS / 60_000} min: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  job.timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  job.timer.unref();
  state.maintienDeadlineJob = job;
  void tick();
}
