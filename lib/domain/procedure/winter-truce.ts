import { utcDay } from "./calendar";

/**
 * The winter truce (trêve hivernale), CPCE art. L412-6: no expulsion may be
 * carried out from 1 November to 31 March inclusive. The procedure itself
 * (commandements, hearings, judgments, CFP requests) goes on during the truce.
 *
 * Exceptions in the same article (rehousing guaranteed, squatters of a
 * dwelling, a judgment ordering the expulsion of a violent spouse…) are not
 * modelled: the engine gives the general rule and the jurist checks the rest.
 */

const NOVEMBER = 10;
const MARCH = 2;

/** True from 1 November to 31 March inclusive. */
export function isInWinterTruce(day: Date): boolean {
  const month = day.getUTCMonth();
  return month >= NOVEMBER || month <= MARCH;
}

/** The last day of the truce that contains `day` (31 March), or null outside the truce. */
export function winterTruceEndsOn(day: Date): Date | null {
  if (!isInWinterTruce(day)) return null;
  const year = day.getUTCMonth() >= NOVEMBER ? day.getUTCFullYear() + 1 : day.getUTCFullYear();
  return utcDay(year, MARCH, 31);
}

/** `day` itself when it is outside the truce, else the 1 April that ends it. */
export function nextDayOutsideTruce(day: Date): Date {
  const end = winterTruceEndsOn(day);
  return end ? utcDay(end.getUTCFullYear(), 3, 1) : day;
}
