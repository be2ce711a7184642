import "server-only";

/**
 * Structured logs a team can read (issue 14 §8): one JSON object per line on
 * stdout, pino's field names (`level` as pino's numbers, `time` in epoch ms,
 * `msg`), so `pino-pretty` or any log shipper reads them. Values are ids,
 * codes and counts only — never a name, an e-mail, an address or a typed
 * text: the type admits strings, but callers pass ids (the request id, a user
 * id, a reason code).
 *
 * (pino itself is not a dependency yet: this is the subset the app needs;
 * swapping in `pino()` keeps every line the same.)
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

const LEVELS = { debug: 20, info: 30, warn: 40, error: 50 } as const;
export type LogLevel = keyof typeof LEVELS;

type Sink = (line: string) => void;
let sink: Sink = (line) => process.stdout.write(line);

/** Tests capture the lines. */
export function setLogSink(next: Sink | null): void {
  sink = next ?? ((line) => process.stdout.write(line));
}

export function formatLogLine(level: LogLevel, msg: string, fields: LogFields, now: number): string {
  const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return `${JSON.stringify({ level: LEVELS[level], time: now, msg, ...clean })}\n`;
}

export function log(level: LogLevel, msg: string, fields: LogFields = {}): void {
  sink(formatLogLine(level, msg, fields, Date.now()));
}
