import "server-only";
import nodemailer from "nodemailer";
import { ExpectedError } from "@/lib/server/errors";
import { readSmtpConfig, type SmtpConfig } from "./config";

/**
 * Sends one e-mail through the configured SMTP server (config.ts) with
 * nodemailer. Plain text only (and attachments): nothing a household or a
 * template contains is ever read as HTML. The message counts as sent only when
 * the server accepted it for the recipient; every failure is an ExpectedError
 * with a French message the person who clicked can act on.
 */

export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Where answers go (the team's address), when set. */
  replyTo?: string | null;
  attachments?: MailAttachment[];
}

export interface MailReceipt {
  messageId: string;
  /** The server's last answer ("250 OK: queued as …"). */
  response: string;
}

/** An e-mail that was not sent: not configured, server unreachable, refused. */
export class MailError extends ExpectedError {
  constructor(message: string) {
    super("INVALID_STEP", message);
    this.name = "MailError";
  }
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

/** The server's words, short and on one line, for the message. */
function serverSaid(e: SmtpFailure): string {
  const text = (e.response ?? "").replace(/\s+/g, " ").trim().slice(0, 200);
  return text ? ` Réponse du serveur : « ${text} ».` : "";
}

export function describeMailFailure(error: unknown, config: Pick<SmtpConfig, "host" | "port">): string {
  const e = (error ?? {}) as SmtpFailure;
  const where = `${config.host}:${config.port}`;
  switch (e.code) {
    case "ECONNREFUSED":
    case "ECONNECTION":
    case "ETIMEDOUT":
    case "ESOCKET":
    case "EDNS":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ECONNRESET":
      return `Le serveur d'e-mail (${where}) ne répond pas : l'e-mail n'est pas parti. Réessayez plus tard ou prévenez l'administrateur.`;
    case "ETLS":
      return `La connexion chiffrée avec le serveur d'e-mail (${where}) a échoué : l'e-mail n'est pas parti. Vérifiez SMTP_SECURE et SMTP_PORT.`;
    case "EAUTH":
    case "ENOAUTH":
      return `Le serveur d'e-mail a refusé l'identifiant ou le mot de passe (SMTP_USER, SMTP_PASSWORD) : l'e-mail n'est pas parti.${serverSaid(e)}`;
    case "EENVELOPE":
      return `Le serveur d'e-mail a refusé l'adresse de l'expéditeur ou du destinataire : l'e-mail n'est pas parti.${serverSaid(e)}`;
    default:
      if (e.responseCode && e.responseCode >= 400) return `Le serveur d'e-mail a refusé le message : l'e-mail n'est pas parti.${serverSaid(e)}`;
      return `L'e-mail n'a pas pu être envoyé (${e.code ?? "erreur inconnue"}). Réessayez plus tard ou prévenez l'administrateur.`;
  }
}

export async function sendMail(message: MailMessage, env: Record<string, string | undefined> = process.env): Promise<MailReceipt> {
  const read = readSmtpConfig(env);
  if (!read.ok) throw new MailError(read.message);
  const config = read.config;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.auth ?? undefined,
    // A user is waiting for the answer: fail in seconds, not minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    const info = await transport.sendMail({
      from: config.from,
      to: message.to,
      replyTo: message.replyTo ?? undefined,
      subject: message.subject,
      text: message.text,
      attachments: message.attachments?.map((a) => ({ filename: a.filename, content: Buffer.from(a.content), contentType: a.contentType })),
    });
    const accepted = info.accepted.map((a) => (typeof a === "string" ? a : a.address).toLowerCase());
    if (!accepted.includes(message.to.toLowerCase())) {
      throw new MailError(`Le serveur d'e-mail n'a pas accepté le destinataire ${message.to} : l'e-mail n'est pas parti.${serverSaid({ response: info.response })}`);
    }
    return { messageId: info.messageId, response: info.response };
  } catch (error) {
    if (error instanceof MailError) throw error;
    throw new MailError(describeMailFailure(error, config));
  } finally {
    transport.close();
  }
}
