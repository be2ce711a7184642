import { MAX_FAILED_LOGINS } from "./lockout";

/**
 * The French messages of the sign-in page (issue 8: "a clear message"). Pure:
 * the hour is shown in Europe/Paris, the way the person reads the clock.
 */
export function parisHour(instant: Date, now: Date): string {
  const opts = { timeZone: "Europe/Paris" } as const;
  const hm = new Intl.DateTimeFormat("fr-FR", { ...opts, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const hour = Number(hm.find((p) => p.type === "hour")?.value ?? "0");
  const minute = hm.find((p) => p.type === "minute")?.value ?? "00";
  const day = (d: Date) => new Intl.DateTimeFormat("fr-FR", { ...opts, dateStyle: "short" }).format(d);
  const time = `${hour} h ${minute}`;
  return day(instant) === day(now) ? time : `${new Intl.DateTimeFormat("fr-FR", { ...opts, day: "numeric", month: "long" }).format(instant)} à ${time}`;
}

export function lockedMessage(until: Date, now: Date): string {
  return `Compte verrouillé jusqu'à ${parisHour(until, now)} après ${MAX_FAILED_LOGINS} tentatives infructueuses. Réessayez à partir de cette heure, ou demandez à un administrateur de le déverrouiller.`;
}

export function rateLimitedMessage(until: Date, now: Date): string {
  return `Trop de tentatives de connexion ont échoué depuis votre réseau. Réessayez à partir de ${parisHour(until, now)}.`;
}

export const INVALID_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect.";
export const TOTP_INVALID = "Code incorrect ou déjà utilisé. Saisissez le code à 6 chiffres affiché maintenant par votre application.";
export const CHALLENGE_EXPIRED = "Le délai pour saisir le code est dépassé. Saisissez de nouveau votre adresse e-mail et votre mot de passe.";

/** The message shown on the sign-in page after a session ended (`?session=`). */
export const SESSION_ENDED_MESSAGES: Record<string, string> = {
  inactivite: "Votre session a expiré après 2 heures sans activité. Reconnectez-vous pour continuer.",
  duree: "Votre session a expiré : une session dure 12 heures au plus. Reconnectez-vous pour continuer.",
  fermee: "Votre session a été fermée (mot de passe changé ou compte modifié). Reconnectez-vous pour continuer.",
};
