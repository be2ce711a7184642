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
import { createCalendarToken, revokeCalendarToken, setDigestOptIn } from "@/lib/server/services/manage-reminders";
import { digestOptInSchema } from "@/lib/validation/referrals";

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

// Issue 20: reminders that reach people (the daily digest, the private calendar feed).
export const setDigestAction = formAction(digestOptInSchema, async (input, { user }) => {
  await setDigestOptIn(db, user, input.digest);
  refresh();
  return { status: "success", message: input.digest ? "Vous recevrez chaque matin le récapitulatif de ce qui est à faire." : "Le récapitulatif quotidien est arrêté." };
});

export const createCalendarTokenAction = formAction(z.object({}), async (_input, { user, now }) => {
  const { token } = await createCalendarToken(db, user, now);
  refresh();
  // The token is shown once, in this answer only: it is never stored in clear.
  return { status: "success", message: `calendar:${token}` };
});

export const revokeCalendarTokenAction = formAction(z.object({}), async (_input, { user }) => {
  await revokeCalendarToken(db, user);
  refresh();
  return { status: "success", message: "L'adresse de votre agenda est révoquée : elle ne répond plus." };
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
