import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The one-time setup code (issue 15): `npm start` draws it when the database
 * has no account yet, prints it in its output and hands it to Next as
 * MAINTIEN_SETUP_CODE. Whoever can read the server's output may install the
 * team; someone who merely reaches the URL first cannot.
 */
export function expectedSetupCode(): string | null {
  const code = process.env.MAINTIEN_SETUP_CODE?.trim();
  return code ? code : null;
}

/** Compared without leaking its length or its prefix through timing; spaces and dashes ignored. */
export function setupCodeMatches(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s.replace(/[\s-]/g, "").toUpperCase()).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
