// The dashboard's numbers against the hand-written SQL's: the bench times two
// queries only once it has seen them agree (a fast wrong answer is no yardstick).
import type { Indicators } from "@/lib/domain/indicators/definitions";

import type { HandResult } from "./hand-sql";

/** One line per number that differs ("landlords.answered: dashboard 12, SQL 13"); empty when all agree. */
export function compareWithDashboard(d: Indicators, h: HandResult): string[] {
  const pairs: Array<[string, unknown, unknown]> = [
    ["cases.total", d.cases.total, h.total],
    ["cases.inProgress", d.cases.inProgress, h.inProgress],
    ["cases.closed", d.cases.closed, h.closed],
    ...Object.entries(d.inProgressByState).map(([s, n]): [string, unknown, unknown] => [`inProgressByState.${s}`, n, h.byState[s] ?? 0]),
    ["supported.total", d.supported.total, h.supported],
    ["supported.closed", d.supported.closed, h.supportedClosed],
    ...Object.entries(d.closureReasons).map(([r, n]): [string, unknown, unknown] => [`closureReasons.${r}`, n, h.reasons[r] ?? 0]),
    ["landlords.concerned", d.landlords.concerned, h.landlords.concerned],
    ["landlords.contacted", d.landlords.contacted, h.landlords.contacted],
    ["landlords.answered", d.landlords.answered, h.landlords.answered],
    ["jointVisits.inProgress", d.jointVisits.inProgress, h.joint.inProgress],
    ["jointVisits.closed", d.jointVisits.closed, h.joint.closed],
    ["hearings.held", d.hearings.held, h.hearings.held],
    ["hearings.householdPresent", d.hearings.householdPresent, h.hearings.present],
    ["hearings.withJurist", d.hearings.withJurist, h.hearings.withJurist],
    ["hearings.metBefore", d.hearings.metBefore, h.hearings.metBefore],
    ["firstContact.medianDays", d.firstContact.medianDays, h.medianDays],
    ["diagnostics.flash", d.diagnostics.flash, h.diagnostics.flash],
    ["diagnostics.inDepth", d.diagnostics.inDepth, h.diagnostics.inDepth],
    ["supportWeeks.weeks", d.supportWeeks.weeks, h.weeks.weeks],
    ["supportWeeks.cases", d.supportWeeks.cases, h.weeks.cases],
    [
      "monthly (months with activity)",
      JSON.stringify(d.monthly.filter((m) => m.opened || m.closed)),
      JSON.stringify(h.monthly.filter((m) => m.opened || m.closed)),
    ],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([name, a, b]) => `${name}: dashboard ${String(a)}, SQL ${String(b)}`);
}
