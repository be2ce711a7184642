import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AgreementForm, type AgreementFormValues } from "@/components/billing/agreement-form";
import { db } from "@/lib/server/db";
import { getAgreement } from "@/lib/server/queries/get-billing";
import { requireUser } from "@/lib/server/session";
import { toIsoDay } from "@/lib/utils/dates";
import { centsToInput } from "@/lib/utils/money";

export const metadata: Metadata = { title: "Modifier la convention" };

export default async function EditAgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const agreement = await getAgreement(db, user, id);
  // Another team's agreement, or a role that may not edit: not found.
  if (!agreement || !agreement.canEdit) notFound();
  const rate = (act: keyof AgreementFormValues["rates"]) => {
    const r = agreement.rates.find((x) => x.act === act);
    return { amount: r ? centsToInput(r.amountCents) : "", maxPerHousehold: r?.maxPerHousehold ? String(r.maxPerHousehold) : "" };
  };
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/facturation?convention=${agreement.id}`} className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Facturation
      </Link>
      <h1 className="text-2xl font-bold">Modifier la convention</h1>
      <p>Équipe : {agreement.teamName}</p>
      <AgreementForm
        agreement={{ id: agreement.id, token: agreement.token }}
        teams={[{ id: agreement.teamId, name: agreement.teamName }]}
        values={{
          teamId: agreement.teamId,
          funderName: agreement.funderName,
          reference: agreement.reference ?? "",
          periodStart: toIsoDay(agreement.periodStart),
          periodEnd: toIsoDay(agreement.periodEnd),
          advanceShare: (agreement.advanceShareBp / 100).toLocaleString("fr-FR", { maximumFractionDigits: 2, useGrouping: false }),
          advanceReceived: centsToInput(agreement.advanceReceivedCents),
          maxSupportWeeks: String(agreement.maxSupportWeeks),
          cap: centsToInput(agreement.capCents),
          rates: { FLASH_DIAGNOSTIC: rate("FLASH_DIAGNOSTIC"), IN_DEPTH_DIAGNOSTIC: rate("IN_DEPTH_DIAGNOSTIC"), SUPPORT_WEEK: rate("SUPPORT_WEEK") },
        }}
      />
    </div>
  );
}
