import { afterEach, describe, expect, it } from "vitest";
import { formatLogLine, log, REDACTED, setLogSink } from "@/lib/server/log";
import { authLogger, logSignInRefused } from "@/lib/server/sign-in-log";

afterEach(() => setLogSink(null));

describe("JSON-lines logs (issue 14)", () => {
  it("writes one JSON object per line with pino's fields, dropping undefined values", () => {
    expect(formatLogLine("warn", "sign-in refused", { reason: "invalid", requestId: "r-1", userId: undefined }, 1_000)).toBe(
      '{"level":40,"time":1000,"reason":"invalid","requestId":"r-1","msg":"sign-in refused"}\n',
    );
  });

  it("is pino's line: pid and hostname tell instances apart", () => {
    const lines: string[] = [];
    setLogSink((l) => lines.push(l));
    log("info", "hello", { requestId: "r-2" });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith("\n")).toBe(true);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 30, msg: "hello", requestId: "r-2", pid: process.pid });
    expect(typeof entry.time).toBe("number");
    expect(typeof entry.hostname).toBe("string");
  });

  it("redacts personal fields and secrets, should a caller pass one", () => {
    const lines: string[] = [];
    setLogSink((l) => lines.push(l));
    log("warn", "oops", { userId: "u-1", email: "claire@exemple.fr", password: "secret-123", name: "Claire Durand", addressLine: "1 rue de la Paix", token: "abc" });
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ userId: "u-1", email: REDACTED, password: REDACTED, name: REDACTED, addressLine: REDACTED, token: REDACTED });
    expect(lines[0]).not.toMatch(/claire|secret-123|Durand|Paix|"abc"/);
  });

  it("logs a refused sign-in as exactly one line, with no e-mail and no stack trace; Auth.js's own error for it stays silent", () => {
    const lines: string[] = [];
    setLogSink((l) => lines.push(l));
    logSignInRefused("locked", "req-42");
    const refusal = Object.assign(new Error("Read more at https://errors.authjs.dev#credentialssignin"), { type: "CredentialsSignin" });
    authLogger.error(refusal);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 40, msg: "sign-in refused", event: "signin.refused", reason: "locked", requestId: "req-42" });
    expect(Object.keys(entry).sort()).toEqual(["event", "hostname", "level", "msg", "pid", "reason", "requestId", "time"]);
    expect(lines[0]).not.toMatch(/@|stack|\n.+/);
  });

  it("keeps real Auth.js errors, as one JSON line", () => {
    const lines: string[] = [];
    setLogSink((l) => lines.push(l));
    authLogger.error(Object.assign(new Error("boom"), { type: "JWTSessionError" }));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, event: "auth.error", type: "JWTSessionError", message: "boom" });
  });
});
