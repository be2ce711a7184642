/**
 * When a signed-in session ends (issue 8 "sessions expire: idle and absolute").
 *
 * Field workers use Maintien on a phone between visits: a home visit lasts an
 * hour or more and the phone sleeps in a pocket, so 30 minutes of inactivity
 * (the usual office figure) would sign them out several times a day and push
 * them to note things on paper. Two hours without any activity ends the
 * session; twelve hours after sign-in it ends whatever happens (a long day
 * with evening visits), so a stolen or forgotten phone does not stay signed in
 * overnight. See docs/decisions/016-accounts-sessions-totp.md.
 *
 * Instants are epoch milliseconds; "now" is a parameter.
 */
export const SESSION_IDLE_MINUTES = 120;
export const SESSION_ABSOLUTE_HOURS = 12;

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const SESSION_POLICY: SessionPolicy = {
  idleMs: SESSION_IDLE_MINUTES * 60_000,
  absoluteMs: SESSION_ABSOLUTE_HOURS * 3_600_000,
};

export interface SessionTimes {
  /** When the person signed in. */
  signedInAt: number;
  /** The last request that counted as activity. */
  lastSeenAt: number;
}

export type ExpiryReason = "idle" | "absolute";

export type SessionDecision = { status: "active" } | { status: "expired"; reason: ExpiryReason };

/** Whether the session is still valid at `now`. A session without times (older cookie) has expired. */
export function decideSession(times: Partial<SessionTimes> | null | undefined, now: number, policy: SessionPolicy = SESSION_POLICY): SessionDecision {
  const signedInAt = times?.signedInAt;
  const lastSeenAt = times?.lastSeenAt;
  if (typeof signedInAt !== "number" || typeof lastSeenAt !== "number" || !Number.isFinite(signedInAt) || !Number.isFinite(lastSeenAt)) {
    return { status: "expired", reason: "absolute" };
  }
  // Absolute first: after 12 hours, "you were idle" would be the lesser truth.
  if (now - signedInAt >= policy.absoluteMs) return { status: "expired", reason: "absolute" };
  // A last-seen in the future (clock change) counts as now, never as extra time.
  if (now - Math.min(lastSeenAt, now) >= policy.idleMs) return { status: "expired", reason: "idle" };
  return { status: "active" };
}

/** The times after a request at `now` that counts as activity (only while the session is active). */
export function touchSession(times: SessionTimes, now: number): SessionTimes {
  return { signedInAt: times.signedInAt, lastSeenAt: Math.max(times.lastSeenAt, now) };
}

/** The times of a session that starts now. */
export function startSession(now: number): SessionTimes {
  return { signedInAt: now, lastSeenAt: now };
}

/** When the session will end if nothing happens: the earlier of the idle and absolute limits. */
export function sessionEndsAt(times: SessionTimes, policy: SessionPolicy = SESSION_POLICY): number {
  return Math.min(times.lastSeenAt + policy.idleMs, times.signedInAt + policy.absoluteMs);
}
