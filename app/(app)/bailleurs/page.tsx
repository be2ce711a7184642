import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LandlordList } from "@/components/landlord/landlord-list";
import { LandlordSearch } from "@/components/landlord/landlord-search";
import { Pagination } from "@/components/ui/pagination";
import { canUseCaseload } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { listLandlords } from "@/lib/server/queries/list-landlords";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Bailleurs" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 100) : undefined);

export default async function LandlordsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const team = user.teams[0];
  // Landlords are reached through households: whoever may not open the caseload gets "not found".
  if (!team || !canUseCaseload(user)) notFound();
  const sp = await searchParams;
  const q = one(sp.q);
  const page = Number.parseInt(one(sp.page) ?? "1", 10);
  const list = await listLandlords(db, user, { teamId: team.id, q, page: Number.isFinite(page) ? page : 1 });

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Bailleurs de l&apos;équipe</h1>
      <LandlordSearch q={q} />
      <p role="status" className="font-medium">
        {list.total} bailleur{list.total > 1 ? "s" : ""}
      </p>
      <LandlordList rows={list.rows} />
      <Pagination page={list.page} pageCount={list.pageCount} params={{ q }} />
    </div>
  );
}
