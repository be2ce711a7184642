"use server";

import { signOut } from "@/lib/server/auth-config";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/connexion" });
}
