import "server-only";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { decrypt, encrypt } from "@/lib/server/signing";

/**
 * The optional second factor (issue 8): RFC 6238 time-based codes, 6 digits,
 * 30-second steps, SHA-1 (what every authenticator app understands). The
 * secret is stored encrypted (AES-256-GCM, key derived from AUTH_SECRET:
 * signing.ts), so a copy of the database alone does not give the codes.
 */
const ISSUER = "Maintien";
const PERIOD_SECONDS = 30;
/** A code of the previous or next step is accepted: phones drift, people type slowly. */
const WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secretBase32), algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS });
}

export function sealTotpSecret(secretBase32: string): string {
  return encrypt("totp-secret-v1", secretBase32);
}

export function openTotpSecret(sealed: string): string | null {
  return decrypt("totp-secret-v1", sealed);
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

/**
 * The QR code as SVG markup, drawn here: the secret never leaves the server
 * for a QR-code web service, and no remote image is loaded.
 */
export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}

/** "123 456", for reading the secret aloud or typing it: groups of four. */
export function formatSecretForTyping(secretBase32: string): string {
  return secretBase32.replace(/(.{4})/g, "$1 ").trim();
}

/**
 * A code accepted once per time step and account: the same code cannot be
 * replayed within its 90-second validity (RFC 6238 §5.2). Kept in memory,
 * like the sign-in rate limit: one process (docs/decisions/016).
 */
const lastAcceptedStep = new Map<string, number>();

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "invalid" | "reused" };

export function checkTotpCode(accountKey: string, secretBase32: string, code: string, now: number): TotpCheck {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: "invalid" };
  const delta = totpFor(secretBase32, accountKey).validate({ token, timestamp: now, window: WINDOW });
  if (delta === null) return { ok: false, reason: "invalid" };
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  const last = lastAcceptedStep.get(accountKey);
  if (last !== undefined && step <= last) return { ok: false, reason: "reused" };
  lastAcceptedStep.set(accountKey, step);
  if (lastAcceptedStep.size > 10_000) {
    const oldest = lastAcceptedStep.keys().next().value;
    if (oldest !== undefined) lastAcceptedStep.delete(oldest);
  }
  return { ok: true, step };
}
