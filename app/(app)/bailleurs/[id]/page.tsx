import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LandlordCases } from "@/components/landlord/landlord-cases";
import { LandlordSummary } from "@/components/landlord/landlord-summary";
import { Pagination } from "@/components/ui/pagination";
import { db } from "@/lib/server/db";
import { getLandlord } from "@/lib/server/queries/get-landlord";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Bailleur" };

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;

export default async function LandlordPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { page } = await searchParams;
  const pageNumber = typeof page === "string" ? Number.parseInt(page, 10) : 1;
  const data = await getLandlord(db, user, id, { page: Number.isFinite(pageNumber) ? pageNumber : 1 });
  // Not found and not allowed look the same: another team must not learn the id exists.
  if (!data) notFound();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/bailleurs" className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Bailleurs
      </Link>
      <h1 className="text-2xl font-bold">{data.name}</h1>
      <LandlordSummary data={data} />
      <section aria-labelledby="menages" className="flex flex-col gap-3">
        <h2 id="menages" className="text-xl font-semibold">
          {`Ménages suivis (${plural(data.summary.householdCount, "ménage")}, ${plural(data.summary.caseCount, "dossier")})`}
        </h2>
        <LandlordCases rows={data.cases.rows} />
        <Pagination page={data.cases.page} pageCount={data.cases.pageCount} params={{}} />
      </section>
    </div>
  );
}
