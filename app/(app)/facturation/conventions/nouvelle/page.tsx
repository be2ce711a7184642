import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AgreementForm } from "@/components/billing/agreement-form";
import { canManageAgreements } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/server/session";
import { parisToday } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Nouvelle convention" };

export default async function NewAgreementPage() {
  const user = await requireUser();
  const teams = user.teams.filter((t) => canManageAgreements(user, t.id));
  if (teams.length === 0) notFound();
  const year = parisToday(new Date()).getUTCFullYear();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/facturation" className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Facturation
      </Link>
      <h1 className="text-2xl font-bold">Nouvelle convention</h1>
      <AgreementForm
        agreement={null}
        teams={teams}
        values={{
          teamId: teams[0]!.id,
          funderName: "",
          reference: "",
          periodStart: `${year}-01-01`,
          periodEnd: `${year}-12-31`,
          advanceShare: "60",
          advanceReceived: "",
          maxSupportWeeks: "8",
          cap: "",
          rates: {
            FLASH_DIAGNOSTIC: { amount: "", maxPerHousehold: "" },
            IN_DEPTH_DIAGNOSTIC: { amount: "", maxPerHousehold: "" },
            SUPPORT_WEEK: { amount: "", maxPerHousehold: "" },
          },
        }}
      />
    </div>
  );
}
