import { describe, expect, it } from "vitest";
import { parseCalendarDate, toIsoDay } from "@/lib/utils/dates";
import { isInWinterTruce, nextDayOutsideTruce, winterTruceEndsOn } from "./winter-truce";

const d = (text: string) => parseCalendarDate(text)!;

describe("winter truce 1 November – 31 March inclusive (CPCE art. L412-6)", () => {
  it("includes both ends and nothing else", () => {
    expect(isInWinterTruce(d("2025-10-31"))).toBe(false);
    expect(isInWinterTruce(d("2025-11-01"))).toBe(true);
    expect(isInWinterTruce(d("2025-12-31"))).toBe(true);
    expect(isInWinterTruce(d("2026-01-01"))).toBe(true);
    expect(isInWinterTruce(d("2026-02-28"))).toBe(true);
    expect(isInWinterTruce(d("2026-03-31"))).toBe(true);
    expect(isInWinterTruce(d("2026-04-01"))).toBe(false);
    expect(isInWinterTruce(d("2026-07-14"))).toBe(false);
  });

  it("moves a day inside the truce to the 1 April that ends it", () => {
    expect(toIsoDay(nextDayOutsideTruce(d("2025-11-01")))).toBe("2026-04-01");
    expect(toIsoDay(nextDayOutsideTruce(d("2025-12-25")))).toBe("2026-04-01");
    expect(toIsoDay(nextDayOutsideTruce(d("2026-03-31")))).toBe("2026-04-01");
    expect(toIsoDay(nextDayOutsideTruce(d("2028-02-29")))).toBe("2028-04-01");
  });

  it("leaves a day outside the truce where it is", () => {
    expect(toIsoDay(nextDayOutsideTruce(d("2026-04-01")))).toBe("2026-04-01");
    expect(toIsoDay(nextDayOutsideTruce(d("2025-10-31")))).toBe("2025-10-31");
  });

  it("says when the truce in progress ends", () => {
    expect(toIsoDay(winterTruceEndsOn(d("2025-11-20"))!)).toBe("2026-03-31");
    expect(toIsoDay(winterTruceEndsOn(d("2026-02-10"))!)).toBe("2026-03-31");
    expect(winterTruceEndsOn(d("2026-06-10"))).toBeNull();
  });
});
