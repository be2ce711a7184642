import type { FunderAgreement, FunderRate } from "@/lib/generated/prisma/client";
import type { BillableAct } from "@/lib/generated/prisma/enums";

import type { Db } from "./db";

export interface FunderAgreementOptions {
  teamId: string;
  funderName: string;
  /** First and last calendar days of the agreement. */
  periodStart: Date;
  periodEnd: Date;
  /** Amount per act, in cents: rates are data, never constants. */
  rates: Partial<Record<BillableAct, number>>;
  /** Share paid at signature, in basis points (6000 = 60 %). */
  advanceShareBp?: number;
  advanceReceivedCents?: number;
  maxSupportWeeks?: number;
  /** Ceiling of the agreement's total funding, in cents. */
  capCents?: number | null;
  /** At most this many acts of a kind per household (FunderRate.maxPerHousehold). */
  maxPerHousehold?: Partial<Record<BillableAct, number>>;
  reference?: string | null;
}

export async function createFunderAgreement(
  db: Db,
  opts: FunderAgreementOptions,
): Promise<FunderAgreement & { rates: FunderRate[] }> {
  if (opts.periodEnd < opts.periodStart) throw new Error("createFunderAgreement: the period ends before it starts");
  return db.funderAgreement.create({
    data: {
      teamId: opts.teamId,
      funderName: opts.funderName,
      periodStart: opts.periodStart,
      periodEnd: opts.periodEnd,
      advanceShareBp: opts.advanceShareBp ?? 6000,
      advanceReceivedCents: opts.advanceReceivedCents ?? 0,
      maxSupportWeeks: opts.maxSupportWeeks ?? 8,
      capCents: opts.capCents ?? null,
      reference: opts.reference ?? null,
      rates: {
        create: Object.entries(opts.rates).map(([act, amountCents]) => ({
          act: act as BillableAct,
          amountCents: amountCents as number,
          maxPerHousehold: opts.maxPerHousehold?.[act as BillableAct] ?? null,
        })),
      },
    },
    include: { rates: true },
  });
}
