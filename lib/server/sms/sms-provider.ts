import "server-only";

/**
 * How an SMS reaches a household. Today the team sends it from its own phone
 * and records it in the app: the "manual" provider sends nothing and answers
 * that the person confirmed sending it by hand. A provider with an API (an
 * SMS gateway) will implement the same interface: `send` resolves once the
 * gateway accepted the message, or throws with a French message, and the
 * service records the SMS event only after it resolved, like the e-mail
 * (docs/decisions/013-letters-and-email.md).
 */
export interface SmsMessage {
  /** The household's number, as stored. */
  to: string;
  text: string;
}

export interface SmsReceipt {
  /** "MANUAL": a person sent it from a phone and confirmed; "ACCEPTED": a gateway took it. */
  status: "MANUAL" | "ACCEPTED";
  /** The gateway's id of the message, when there is one. */
  providerId: string | null;
}

export interface SmsProvider {
  /** Shown in the event's note ("SMS envoyé à la main"). */
  readonly description: string;
  /** True when the app itself sends: the page then says "Envoyer", not "J'ai envoyé". */
  readonly sendsItself: boolean;
  send(message: SmsMessage): Promise<SmsReceipt>;
}

/** The team sends the SMS from its phone; confirming records it. */
export const manualSmsProvider: SmsProvider = {
  description: "envoyé à la main depuis le téléphone de l'équipe",
  sendsItself: false,
  async send() {
    return { status: "MANUAL", providerId: null };
  },
};

/** The provider in use. One place to plug a gateway in later (configured by environment variables). */
export function getSmsProvider(): SmsProvider {
  return manualSmsProvider;
}
