import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { verifyPassword } from "@/lib/server/password";

/** Sign-in refused because of too many failed attempts. */
class LockedOut extends CredentialsSignin {
  code = "locked";
}

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Absolute session lifetime: a working day. */
const SESSION_MAX_AGE_SECONDS = 10 * 60 * 60;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(512),
});

// A valid argon2id hash of a random string: verifying against it when the
// e-mail is unknown keeps the response time the same as for a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1lJzK3Y0Hh1p2V2e6jD0m5v6VYQm3mWwq2G3yqQy2tE";

async function authorize(raw: unknown) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, lockedUntil: true, failedLoginCount: true, sessionVersion: true },
  });
  if (!user) {
    await verifyPassword(DUMMY_HASH, password);
    return null;
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) throw new LockedOut();
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok || !user.active) {
    const failed = user.failedLoginCount + 1;
    await db.user.update({
      where: { id: user.id },
      data: failed >= MAX_FAILED_LOGINS
        ? { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
        : { failedLoginCount: failed },
    });
    if (failed >= MAX_FAILED_LOGINS) throw new LockedOut();
    return null;
  }
  await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
  return { id: user.id, sessionVersion: user.sessionVersion };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Behind a reverse proxy or on localhost: the deployment sets AUTH_URL if it needs a fixed origin.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/connexion" },
  providers: [
    Credentials({
      credentials: { email: { label: "Adresse e-mail" }, password: { label: "Mot de passe", type: "password" } },
      authorize,
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Only the user id and the session version travel in the cookie; role and
      // teams are read from the database on every request (lib/server/session.ts),
      // so a role change or a deactivation applies at once.
      if (user?.id) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv };
    },
  },
});
