import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SESSION_POLICY } from "@/lib/domain/accounts/session-expiry";
import { db } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { clientAddress, createSignInLimiter } from "@/lib/server/rate-limit";
import { nextClaims, sessionFromClaims, type SessionClaims } from "@/lib/server/session-claims";
import { signInWithPassword, type SignInResult } from "@/lib/server/services/sign-in";
import { authLogger, logSignInRefused } from "@/lib/server/sign-in-log";

export { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from "@/lib/domain/accounts/lockout";

/**
 * A refused sign-in. `code` travels in the URL when the Auth.js route is
 * called directly, so it stays a short word; the server action reads the
 * details (until when, the second-step challenge) from the error itself.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(readonly result: Exclude<SignInResult, { ok: true }>) {
    super();
    this.code = result.reason;
  }
}

async function authorize(credentials: Partial<Record<string, unknown>>, request: Request) {
  const text = (k: string) => (typeof credentials[k] === "string" ? (credentials[k] as string) : undefined);
  const result = await signInWithPassword(
    db,
    { email: text("email"), password: text("password"), challenge: text("challenge"), totp: text("totp") },
    { address: clientAddress(request.headers, getEnv().TRUST_PROXY), now: new Date(), limiter: createSignInLimiter(db) },
  );
  if (!result.ok) {
    // One JSON line per refused sign-in: reason and request id, nothing personal (issue 14).
    logSignInRefused(result.reason, request.headers.get("x-request-id"));
    if (result.reason === "invalid") return null;
    throw new SignInRefused(result);
  }
  return { id: result.user.id, sessionVersion: result.user.sessionVersion, sessionId: result.user.sessionId };
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  // Behind a reverse proxy or on localhost: the deployment sets AUTH_URL if it needs a fixed origin.
  trustHost: true,
  // The cookie lives as long as the longest session; the idle and absolute
  // limits are decided in the jwt callback (session-claims.ts) so that the
  // sign-in page can say which one ended the session. Auth.js re-signs the
  // JWT on every read of /api/auth/session; `updateAge` only throttles
  // database sessions and plays no part here.
  session: { strategy: "jwt", maxAge: Math.round(SESSION_POLICY.absoluteMs / 1000) },
  pages: { signIn: "/connexion" },
  // Refusals are logged once by authorize (above); Auth.js's stack traces for them are silenced.
  logger: authLogger,
  providers: [
    Credentials({
      credentials: {
        email: { label: "Adresse e-mail" },
        password: { label: "Mot de passe", type: "password" },
        challenge: {},
        totp: { label: "Code de vérification" },
      },
      authorize,
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      // Only the user id, the session version and the session's times travel
      // in the cookie; role and teams are read from the database on every
      // request (lib/server/session.ts), so a role change or a deactivation
      // applies at once.
      return nextClaims(token as SessionClaims, { user: user as { id?: string; sessionVersion?: number; sessionId?: string } | undefined, trigger, update: session }, Date.now()) as typeof token;
    },
    session({ token }) {
      return sessionFromClaims(token as SessionClaims) as never;
    },
  },
});
