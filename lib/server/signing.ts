import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/server/env";

/**
 * Keys derived from AUTH_SECRET with HKDF-SHA256, one per purpose, so that a
 * value made for one use (an encrypted TOTP secret, a sign-in challenge) can
 * never be replayed as another, and the session cookie's own key (Auth.js
 * derives it from the same secret with its own salt) is never reused.
 * Rotating AUTH_SECRET signs everyone out and makes enrolled second factors
 * unreadable: docs/decisions/016-accounts-sessions-totp.md says what to do.
 */
export type KeyPurpose = "totp-secret-v1" | "signin-challenge-v1" | "session-reissue-v1";

const keys = new Map<string, Buffer>();

export function deriveKey(purpose: KeyPurpose, secret: string = getEnv().AUTH_SECRET): Buffer {
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "maintien", purpose, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

/** AES-256-GCM: "v1.<iv>.<ciphertext>.<tag>" in base64url. */
export function encrypt(purpose: KeyPurpose, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The plaintext, or null when the value was altered or made with another key. */
export function decrypt(purpose: KeyPurpose, sealed: string): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** A short-lived signed value: "<payload base64url>.<HMAC-SHA256>". */
export function sign(purpose: KeyPurpose, payload: Record<string, string | number>, expiresAt: number): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: expiresAt })).toString("base64url");
  const mac = createHmac("sha256", deriveKey(purpose)).update(body).digest("base64url");
  return `${body}.${mac}`;
}

/** The payload of a value signed for this purpose and not yet expired at `now`, or null. */
export function verifySigned(purpose: KeyPurpose, token: string, now: number): Record<string, unknown> | null {
  const [body, mac] = token.split(".");
  if (!body || !mac) return null;
  const expected = createHmac("sha256", deriveKey(purpose)).update(body).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    return typeof payload.exp === "number" && payload.exp > now ? payload : null;
  } catch {
    return null;
  }
}
