import "server-only";
import { log } from "@/lib/server/log";

/**
 * One line per refused sign-in (issue 14 §8): the reason code and the
 * request id, no e-mail, no address, no stack trace. Auth.js's own error log
 * for these refusals is silenced (`authLogger`), so this is the only line.
 */
export function logSignInRefused(reason: string, requestId: string | null): void {
  log("warn", "sign-in refused", { event: "signin.refused", reason, requestId });
}

/** Errors Auth.js raises for a refused sign-in: expected, already logged above. */
const EXPECTED_AUTH_ERRORS = new Set(["CredentialsSignin"]);

/** Auth.js `logger`: refusals stay silent, real errors become one JSON line (with their stack: they are bugs). */
export const authLogger = {
  error(error: Error & { type?: string }) {
    if (EXPECTED_AUTH_ERRORS.has(error.type ?? "") || EXPECTED_AUTH_ERRORS.has(error.name)) return;
    log("error", "auth error", { event: "auth.error", type: error.type ?? error.name, message: error.message, stack: error.stack ?? null });
  },
  warn(code: string) {
    log("warn", "auth warning", { event: "auth.warn", code });
  },
  debug() {},
};
