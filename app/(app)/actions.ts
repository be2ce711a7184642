"use server";

import { redirect } from "next/navigation";
import { auth, signOut } from "@/lib/server/auth-config";
import { db } from "@/lib/server/db";
import type { SessionFacts } from "@/lib/server/session-claims";
import { revokeSession } from "@/lib/server/session-store";

/**
 * "Se déconnecter": the session's row is revoked first (issue 14), so a copy of
 * the cookie is refused on every instance, then the cookie is cleared. The
 * redirect is a path: Auth.js would build it from the Host header.
 */
export async function signOutAction(): Promise<void> {
  const session = (await auth()) as SessionFacts | null;
  if (session?.sessionId && session.userId) await revokeSession(db, session.sessionId, session.userId, new Date());
  await signOut({ redirect: false });
  redirect("/connexion");
}
