import "server-only";
import { pino, type Logger } from "pino";

/**
 * Structured logs a team can read (issue 14 §8): pino, one JSON object per
 * line on stdout (`level` as pino's numbers, `time` in epoch ms, `msg`, the
 * process's `pid` and `hostname` to tell instances apart), so `pino-pretty`
 * or any log shipper reads them. Values are ids, codes and counts only —
 * never a name, an e-mail, an address or a typed text: callers pass ids (the
 * request id, a user id, a reason code), and the fields below are redacted
 * anyway should one slip in (decision 043).
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type LogLevel = "debug" | "info" | "warn" | "error";

/** Field names that would hold personal data or a secret: their value is replaced, at any depth up to two. */
export const REDACTED_FIELDS = [
  "email",
  "password",
  "name",
  "firstName",
  "lastName",
  "phone",
  "address",
  "addressLine",
  "city",
  "totp",
  "challenge",
  "token",
  "cookie",
  "authorization",
] as const;
export const REDACTED = "[masqué]";

const redactPaths = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`]);

type Sink = (line: string) => void;
const stdoutSink: Sink = (line) => process.stdout.write(line);
let sink: Sink = stdoutSink;

function createLogger(write: Sink, timestamp?: () => string): Logger {
  return pino(
    {
      level: logLevel(process.env.LOG_LEVEL),
      redact: { paths: redactPaths, censor: REDACTED },
      ...(timestamp ? { timestamp, base: undefined } : {}),
    },
    { write },
  );
}

// One logger for the process; its stream reads `sink` on every line, so
// tests can capture the lines without rebuilding it.
const logger = createLogger((line) => sink(line));

/** Tests capture the lines. */
export function setLogSink(next: Sink | null): void {
  sink = next ?? stdoutSink;
}

/** The line `log()` would write at `now`, without `pid` and `hostname` (tests, docs). */
export function formatLogLine(level: LogLevel, msg: string, fields: LogFields, now: number): string {
  let line = "";
  createLogger((l) => (line = l), () => `,"time":${now}`)[level](clean(fields), msg);
  return line;
}

export function log(level: LogLevel, msg: string, fields: LogFields = {}): void {
  logger[level](clean(fields), msg);
}

/** LOG_LEVEL (debug, info, warn, error; default info): an unknown value is ignored rather than failing the start. */
function logLevel(value: string | undefined): LogLevel {
  const v = value?.trim().toLowerCase();
  return v === "debug" || v === "info" || v === "warn" || v === "error" ? v : "info";
}

function clean(fields: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
