// A `Date` that runs at real speed from a chosen start: `Date.now()` and
// `new Date()` (no argument) return the real time plus a fixed offset. Every
// other use of `Date` (parsing, `instanceof`, static methods) is the real one.
import { TZDate } from "@date-fns/tz";

const REAL = Symbol.for("maintien.test-clock.real-date");
type Holder = { [REAL]?: DateConstructor };

/** The process's own `Date`, whatever was installed over it. */
export function realDate(): DateConstructor {
  return (globalThis as Holder)[REAL] ?? Date;
}

/**
 * "2027-03-28T00:05" (or with seconds) read as a wall time in Europe/Paris;
 * anything else `Date` parses with an explicit offset ("…Z", "…+01:00").
 */
export function parseTestClock(spec: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(spec.trim());
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
    const t = new TZDate(y, mo - 1, d, h, mi, s, "Europe/Paris");
    // A wall time that does not exist (02:30 on the spring change day) would be moved silently.
    if (t.getHours() !== h || t.getMinutes() !== mi) throw new Error(`TEST_CLOCK=${spec}: no such time in Europe/Paris`);
    return t.getTime();
  }
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(spec.trim())) {
    const t = realDate().parse(spec);
    if (!Number.isNaN(t)) return t;
  }
  throw new Error(`TEST_CLOCK=${spec}: expected a Paris wall time like 2027-03-28T00:05, or an ISO instant with its offset`);
}

/** Start the process clock at `spec` (see parseTestClock); again and again, each call restarts it there. */
export function installTestClock(spec: string): void {
  const holder = globalThis as Holder;
  const Real = (holder[REAL] ??= Date);
  const offset = parseTestClock(spec) - Real.now();
  const now = () => Real.now() + offset;
  globalThis.Date = new Proxy(Real, {
    construct(target, args: unknown[], newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget === globalThis.Date ? target : newTarget);
    },
    apply() {
      return new Real(now()).toString();
    },
    get(target, prop, receiver) {
      if (prop === "now") return now;
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** Put the real clock back. */
export function uninstallTestClock(): void {
  const holder = globalThis as Holder;
  if (holder[REAL]) globalThis.Date = holder[REAL];
}
