import "server-only";
import { decideSession, startSession, touchSession, type ExpiryReason } from "@/lib/domain/accounts/session-expiry";
import type { Actor, Role } from "@/lib/domain/roles";
import type { Db } from "@/lib/server/db";
import { sign, verifySigned } from "@/lib/server/signing";

/**
 * What the session cookie (an encrypted Auth.js JWT) carries, and how it
 * changes on each request. Kept apart from auth-config.ts so the tests can run
 * the same code with their own clock, without Next.js.
 *
 *   sub  the user id          sv   the user's session version at sign-in
 *   sat  signed in at (ms)    lsa  last seen at (ms)
 *   sid  the UserSession row (issue 14): checked on every request, revoked at sign-out
 *   end  why the session ended ("idle" | "absolute"); the id is then gone
 */
export interface SessionClaims {
  sub?: string;
  sv?: number;
  sat?: number;
  lsa?: number;
  sid?: string;
  end?: ExpiryReason;
  [key: string]: unknown;
}

/** Auth.js jwt callback: called at sign-in (with the user) and on every read of the session. */
export function nextClaims(
  token: SessionClaims,
  event: { user?: { id?: string; sessionVersion?: number; sessionId?: string } | null; trigger?: string; update?: unknown },
  now: number,
): SessionClaims {
  if (event.user?.id) {
    const times = startSession(now);
    return { sub: event.user.id, sv: event.user.sessionVersion ?? 0, sid: event.user.sessionId, sat: times.signedInAt, lsa: times.lastSeenAt };
  }
  if (token.end || !token.sub) return { end: token.end ?? "absolute" };
  const decision = decideSession({ signedInAt: token.sat, lastSeenAt: token.lsa }, now);
  // An ended session keeps only the reason: the sign-in page says why, and
  // nothing in the cookie can bring the user back.
  if (decision.status === "expired") return { end: decision.reason };
  const times = touchSession({ signedInAt: token.sat!, lastSeenAt: token.lsa! }, now);
  let sv = token.sv ?? 0;
  if (event.trigger === "update") {
    const granted = reissueGrantVersion(event.update, token.sub, now);
    if (granted !== null) sv = granted;
  }
  return { sub: token.sub, sv, sid: token.sid, sat: times.signedInAt, lsa: times.lastSeenAt };
}

/** What Auth.js's session callback exposes (to the server and to the page's own script). */
export function sessionFromClaims(token: SessionClaims): SessionFacts {
  if (token.end || !token.sub) return { ended: token.end ?? "absolute" };
  return { userId: token.sub, sessionVersion: token.sv ?? 0, sessionId: token.sid };
}

/** What the cookie says about the session, before the database is asked. */
export interface SessionFacts {
  userId?: string;
  sessionVersion?: number;
  sessionId?: string;
  ended?: ExpiryReason;
}

/**
 * After a password change the user's session version is bumped: every other
 * session stops, and this one is re-issued with the new version. The browser
 * could ask Auth.js to update its own session with any data, so the new
 * version only counts with a grant signed by the server for this user, valid
 * one minute.
 */
export function reissueGrant(userId: string, sessionVersion: number, now: number): { reissue: string } {
  return { reissue: sign("session-reissue-v1", { uid: userId, sv: sessionVersion }, now + 60_000) };
}

function reissueGrantVersion(update: unknown, userId: string, now: number): number | null {
  const grant = (update as { reissue?: unknown } | null | undefined)?.reissue;
  if (typeof grant !== "string") return null;
  const payload = verifySigned("session-reissue-v1", grant, now);
  return payload && payload.uid === userId && typeof payload.sv === "number" ? payload.sv : null;
}

export interface SessionUser extends Actor {
  name: string;
  email: string;
  teams: { id: string; name: string }[];
  /** This browser's UserSession row (issue 14). */
  sessionId?: string;
}

/** Why there is no signed-in user: never signed in, expired, or closed (deactivated, password changed elsewhere). */
export type NoSessionReason = "none" | ExpiryReason | "closed";

export type SessionState = { user: SessionUser } | { user: null; reason: NoSessionReason };

/**
 * The signed-in user re-read from the database: a deactivated account, a
 * bumped session version or a revoked session row (sign-out, "déconnecter mes
 * autres sessions", deactivation) stops at once, whatever the cookie says.
 * A cookie without a session id (issued before issue 14) is closed.
 */
export async function loadSessionUser(db: Db, session: SessionFacts | null): Promise<SessionState> {
  if (!session) return { user: null, reason: "none" };
  if (session.ended) return { user: null, reason: session.ended };
  if (!session.userId) return { user: null, reason: "none" };
  if (!session.sessionId) return { user: null, reason: "closed" };
  // One statement (relationJoins): the session row with its user and teams.
  const row = await db.userSession.findUnique({
    where: { id: session.sessionId },
    select: {
      userId: true,
      revokedAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          active: true,
          sessionVersion: true,
          memberships: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
        },
      },
    },
  });
  // Expiry (idle, absolute) is decided from the cookie's times with the
  // request's clock (nextClaims); the row only says whether it was revoked.
  if (!row || row.userId !== session.userId || row.revokedAt) return { user: null, reason: "closed" };
  const user = row.user;
  if (!user.active || user.sessionVersion !== (session.sessionVersion ?? 0)) return { user: null, reason: "closed" };
  const teams = user.memberships.map((m) => m.team);
  return {
    user: { id: user.id, name: user.name, email: user.email, role: user.role as Role, teams, teamIds: teams.map((t) => t.id), sessionId: session.sessionId },
  };
}
