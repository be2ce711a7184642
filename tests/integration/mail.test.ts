import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { extractText, getDocumentProxy } from "unpdf";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { db } from "@/lib/server/db";
import { ExpectedError } from "@/lib/server/errors";
import { readSmtpConfig } from "@/lib/server/mail/config";
import { MailError } from "@/lib/server/mail/send-mail";
import { sendLetterEmail } from "@/lib/server/services/send-letter-email";
import { calendarDate } from "../factories/calendar";
import { caseAtState } from "../factories/case-at-state";
import { createTeam } from "../factories/team";
import { createUser } from "../factories/user";
import { resetDatabase } from "./support/reset-database";

const NOW = new Date("2026-06-10T09:00:00Z"); // 11:00 in Paris

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

/** A real SMTP server on the loopback interface, on a port the system picks. */
async function startSmtp(options: { reject?: "data" | "recipient" } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      if (options.reject === "recipient") return callback(Object.assign(new Error("Boîte inconnue"), { responseCode: 550 }));
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (options.reject === "data") return callback(Object.assign(new Error("Message refusé par la politique du serveur"), { responseCode: 554 }));
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("latin1") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const env = { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_SECURE: "false", SMTP_FROM: "Équipe mobile <prevention@exemple.fr>" };
  return { received, env, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// ───────────────────────────── A small MIME reader (no parser among the dependencies)

function headerBlock(part: string): { headers: Record<string, string>; body: string } {
  const split = part.indexOf("\r\n\r\n");
  const head = part.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: part.slice(split + 4) };
}

/** RFC 2047 encoded words ("=?UTF-8?Q?Votre_logement?="). */
function decodeWords(text: string): string {
  return text.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*(?==\?)?/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQp(data.replace(/_/g, " ")).toString("utf8"),
  );
}

function decodeQp(text: string): Buffer {
  const bytes: number[] = [];
  const soft = text.replace(/=\r\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(soft.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

function decodeBody(headers: Record<string, string>, body: string): Buffer {
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64");
  if (encoding === "quoted-printable") return decodeQp(body);
  return Buffer.from(body, "latin1");
}

function parseMessage(raw: string) {
  const { headers, body } = headerBlock(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((p) => headerBlock(p.replace(/^\r\n/, "")))
    : [{ headers, body }];
  const text = parts.find((p) => (p.headers["content-type"] ?? "text/plain").startsWith("text/plain"));
  const pdf = parts.find((p) => (p.headers["content-type"] ?? "").startsWith("application/pdf"));
  return {
    subject: decodeWords(headers.subject ?? ""),
    to: headers.to,
    replyTo: headers["reply-to"],
    html: parts.some((p) => (p.headers["content-type"] ?? "").startsWith("text/html")),
    text: text ? decodeBody(text.headers, text.body).toString("utf8") : "",
    pdf: pdf ? { disposition: decodeWords(pdf.headers["content-disposition"] ?? ""), bytes: decodeBody(pdf.headers, pdf.body) } : null,
  };
}

// ───────────────────────────── The tests

async function setup() {
  const team = await createTeam(db, { name: "Équipe mobile Essonne" });
  await db.team.update({ where: { id: team.id }, data: { letterheadName: "Équipe mobile de prévention des expulsions", letterheadPhone: "01 60 00 00 00", letterheadEmail: "prevention@exemple.fr" } });
  const other = await createTeam(db, { name: "Autre équipe", departement: "62" });
  const u = await createUser(db, { role: "SOCIAL_WORKER", teamId: team.id });
  const o = await createUser(db, { role: "SOCIAL_WORKER", teamId: other.id });
  const worker: Actor = { id: u.id, role: u.role, teamIds: [team.id] };
  const stranger: Actor = { id: o.id, role: o.role, teamIds: [other.id] };
  const c = await caseAtState(db, {
    teamId: team.id,
    state: "IDENTIFIED",
    stage: "ASSIGNATION",
    openedOn: calendarDate(2026, 6, 1),
    now: NOW,
    household: { tenant: { firstName: "Gaëlle", lastName: "Lefèvre" }, coTenant: false, email: "gaelle.lefevre@example.fr" },
  });
  return { team, worker, stranger, c };
}

const emailEvents = (caseId: string) => db.outreachEvent.findMany({ where: { caseId, kind: "EMAIL" }, select: { note: true, createdById: true } });

describe("e-mail through SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>> | null = null;
  beforeEach(resetDatabase);
  afterEach(async () => {
    await smtp?.close();
    smtp = null;
  });

  it("sends the first letter to the household, text and PDF, then records the e-mail on the case", async () => {
    smtp = await startSmtp();
    const { worker, c } = await setup();
    const result = await sendLetterEmail(db, worker, { caseId: c.id, version: c.version, kind: "TENANT_FIRST_LETTER" }, NOW, smtp.env);
    expect(result.to).toBe("gaelle.lefevre@example.fr");
    expect(result.receipt.response).toMatch(/^250/);

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.from).toBe("prevention@exemple.fr");
    expect(mail.to).toEqual(["gaelle.lefevre@example.fr"]);
    const message = parseMessage(mail.raw);
    expect(message.to).toBe("gaelle.lefevre@example.fr");
    expect(message.replyTo).toBe("prevention@exemple.fr");
    expect(message.subject).toBe("Votre logement : une aide gratuite pour faire le point");
    expect(message.html).toBe(false);
    expect(message.text).toContain("Madame, Monsieur,");
    expect(message.text).toContain(`votre logement situé ${c.household.addressLine}`);
    expect(message.text).toContain("- par téléphone : 01 60 00 00 00");
    expect(message.pdf!.disposition).toContain(`premier-courrier-${c.number}.pdf`);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(message.pdf!.bytes)), { mergePages: true });
    expect(text).toContain("Gaëlle LEFÈVRE");
    expect(text).toContain(c.household.addressLine);

    const events = await emailEvents(c.id);
    expect(events).toEqual([{ note: "Premier courrier au locataire envoyé par e-mail à gaelle.lefevre@example.fr.", createdById: worker.id }]);
    expect(await db.auditLog.count({ where: { caseId: c.id, action: "outreach.email" } })).toBe(1);
    // An e-mail is an attempt: the case waits for its first letter by post all the same.
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { state: true } })).state).toBe("IDENTIFIED");
  });

  it("records nothing when the server refuses the message or the recipient, and says so in French", async () => {
    for (const reject of ["data", "recipient"] as const) {
      await resetDatabase();
      smtp = await startSmtp({ reject });
      const { worker, c } = await setup();
      const error = await sendLetterEmail(db, worker, { caseId: c.id, version: c.version, kind: "TENANT_FIRST_LETTER" }, NOW, smtp.env).catch((e: unknown) => e);
      expect(error, reject).toBeInstanceOf(MailError);
      expect((error as MailError).message, reject).toMatch(reject === "data" ? /^Le serveur d'e-mail a refusé le message : l'e-mail n'est pas parti\. Réponse du serveur : « 554/ : /^Le serveur d'e-mail a refusé l'adresse de l'expéditeur ou du destinataire/);
      expect(smtp.received).toHaveLength(0);
      expect(await emailEvents(c.id)).toEqual([]);
      expect(await db.auditLog.count({ where: { caseId: c.id } })).toBe(0);
      await smtp.close();
      smtp = null;
    }
  });

  it("says when e-mail is not configured or the server does not answer, and records nothing", async () => {
    const { worker, c, stranger } = await setup();
    const input = { caseId: c.id, version: c.version, kind: "TENANT_FIRST_LETTER" as const };
    const off = await sendLetterEmail(db, worker, input, NOW, {}).catch((e: unknown) => e);
    expect((off as MailError).message).toMatch(/^L'envoi d'e-mails n'est pas configuré sur ce serveur : l'administrateur doit renseigner SMTP_HOST et SMTP_FROM/);

    // A port nobody listens on.
    smtp = await startSmtp();
    const closedPort = smtp.port;
    await smtp.close();
    smtp = null;
    const down = await sendLetterEmail(db, worker, input, NOW, { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(closedPort), SMTP_FROM: "prevention@exemple.fr" }).catch((e: unknown) => e);
    expect((down as MailError).message).toBe(`Le serveur d'e-mail (127.0.0.1:${closedPort}) ne répond pas : l'e-mail n'est pas parti. Réessayez plus tard ou prévenez l'administrateur.`);

    const stale = await sendLetterEmail(db, worker, { ...input, version: c.version + 1 }, NOW, {}).catch((e: unknown) => e);
    expect((stale as ExpectedError).code).toBe("CONFLICT");
    const foreign = await sendLetterEmail(db, stranger, input, NOW, {}).catch((e: unknown) => e);
    expect((foreign as ExpectedError).code).toBe("NOT_FOUND");
    expect(await emailEvents(c.id)).toEqual([]);
  });

  it("refuses a household without an e-mail address, before connecting", async () => {
    const { worker, team } = await setup();
    const silent = await caseAtState(db, { teamId: team.id, state: "IDENTIFIED", openedOn: calendarDate(2026, 6, 1), now: NOW, household: { email: null } });
    const error = await sendLetterEmail(db, worker, { caseId: silent.id, version: silent.version, kind: "TENANT_FIRST_LETTER" }, NOW, { SMTP_HOST: "192.0.2.1", SMTP_FROM: "a@b.fr" }).catch((e: unknown) => e);
    expect((error as ExpectedError).message).toBe("Aucune adresse e-mail n'est connue pour ce ménage.");
  });

  it("reads the SMTP settings with clear French messages", () => {
    expect(readSmtpConfig({ SMTP_HOST: "smtp.exemple.fr", SMTP_FROM: "Équipe <a@exemple.fr>" })).toEqual({ ok: true, config: { host: "smtp.exemple.fr", port: 587, secure: false, auth: null, from: "Équipe <a@exemple.fr>" } });
    expect(readSmtpConfig({ SMTP_HOST: "smtp.exemple.fr", SMTP_SECURE: "true", SMTP_USER: "u", SMTP_PASSWORD: "p", SMTP_FROM: "a@exemple.fr" })).toMatchObject({ ok: true, config: { port: 465, secure: true, auth: { user: "u", pass: "p" } } });
    const bad = readSmtpConfig({ SMTP_HOST: "smtp.exemple.fr", SMTP_PORT: "abc", SMTP_USER: "u", SMTP_FROM: "pas une adresse" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toBe(
      "La configuration de l'envoi d'e-mails est invalide : SMTP_PORT doit être un nombre. SMTP_FROM doit être une adresse e-mail, ou « Nom <adresse> ». SMTP_USER et SMTP_PASSWORD vont ensemble : renseignez les deux, ou aucun. Prévenez l'administrateur.",
    );
  });
});
