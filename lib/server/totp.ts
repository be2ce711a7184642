import "server-only";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
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
 * The time step a code belongs to (±1 step around `now`), or null. Pure: the
 * replay guard is `checkTotpCode`.
 */
export function totpCodeStep(secretBase32: string, code: string, now: number): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32, "check").validate({ token, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "invalid" | "reused" };

/**
 * A code accepted once per time step and account: the same code cannot be
 * replayed within its 90-second validity (RFC 6238 §5.2). The last accepted
 * step is `User.totpLastStep`, claimed by one conditional UPDATE (issue 14):
 * of two instances receiving the same code at once, exactly one accepts it.
 */
export async function checkTotpCode(db: Db | Prisma.TransactionClient, userId: string, secretBase32: string, code: string, now: number): Promise<TotpCheck> {
  const step = totpCodeStep(secretBase32, code, now);
  if (step === null) return { ok: false, reason: "invalid" };
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1 ? { ok: true, step } : { ok: false, reason: "reused" };
}
