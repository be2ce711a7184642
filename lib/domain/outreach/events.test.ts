import { describe, expect, it } from "vitest";

// Types only (erased at run time): the domain itself never imports Prisma.
import type * as Db from "@/lib/generated/prisma/enums";

import type { CaseState, ClosureReason, ContactChannel, OutreachKind, VisitOutcome } from "@/lib/domain/labels";

import { OUTREACH_KINDS, type OutreachEvent } from "./events";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// `tsc --noEmit` fails here if the domain's unions drift from the schema's enums.
const mirrors: [
  Equal<CaseState, Db.CaseState>,
  Equal<OutreachKind, Db.OutreachKind>,
  Equal<VisitOutcome, Db.VisitOutcome>,
  Equal<ContactChannel, Db.ContactChannel>,
  Equal<ClosureReason, Db.ClosureReason>,
  Equal<OutreachEvent["kind"], OutreachKind>,
] = [true, true, true, true, true, true];

describe("events", () => {
  it("mirror the Prisma enums (checked by the compiler) and list every kind once", () => {
    expect(mirrors.every(Boolean)).toBe(true);
    expect(new Set(OUTREACH_KINDS).size).toBe(11);
  });
});
