"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { changePassword } from "@/lib/server/services/change-password";
import { disableTotp } from "@/lib/server/services/disable-totp";
import { endOtherSessions } from "@/lib/server/services/end-other-sessions";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/server/services/enable-totp";
import { reissueCurrentSession } from "@/lib/server/session";
import { changePasswordSchema, confirmTotpSchema, disableTotpSchema } from "@/lib/validation/accounts";
import { z } from "zod";

const refresh = () => revalidatePath("/compte");

export const changePasswordAction = formAction(changePasswordSchema, async (input, { user, now }) => {
  const { sessionVersion } = await changePassword(db, user, input, now);
  // Every other session stops; this browser keeps going with the new version.
  await reissueCurrentSession(user.id, sessionVersion, now);
  refresh();
  return { status: "success", message: "Mot de passe changé. Vos autres sessions (autres appareils) sont fermées." };
});

export const startTotpAction = formAction(z.object({}), async (_input, { user }) => {
  await startTotpEnrolment(db, user);
  refresh();
  return { status: "success" };
});

export const confirmTotpAction = formAction(confirmTotpSchema, async (input, { user, now }) => {
  await confirmTotpEnrolment(db, user, input, now);
  refresh();
  return { status: "success", message: "Double authentification activée : le code vous sera demandé à chaque connexion." };
});

export const disableTotpAction = formAction(disableTotpSchema, async (input, { user, now }) => {
  await disableTotp(db, user, input, now);
  refresh();
  return { status: "success", message: "Double authentification désactivée." };
});

/** "Déconnecter mes autres sessions" (issue 14): this browser stays signed in. */
export const endOtherSessionsAction = formAction(z.object({}), async (_input, { user, now }) => {
  const ended = await endOtherSessions(db, user, now);
  refresh();
  return {
    status: "success",
    message: ended === 0 ? "Aucune autre session n'était ouverte." : ended === 1 ? "Votre autre session est fermée." : `Vos ${ended} autres sessions sont fermées.`,
  };
});
