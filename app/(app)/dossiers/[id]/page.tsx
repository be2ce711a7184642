import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseSummary } from "@/components/case/case-summary";
import { db } from "@/lib/server/db";
import { getCase } from "@/lib/server/queries/get-case";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Dossier" };

export default async function CasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cree?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const data = await getCase(db, user, id);
  // Not found and not allowed look the same: another team must not learn the id exists.
  if (!data) notFound();
  const { cree } = await searchParams;
  const tenant = data.household.occupants.find((o) => o.role === "TENANT");
  return (
    <div className="flex flex-col gap-4">
      <Link href="/dossiers" className="self-start font-medium text-blue-800 underline underline-offset-4">
        ← Dossiers
      </Link>
      {cree ? (
        <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">
          Le dossier a été créé.
        </p>
      ) : null}
      <h1 className="text-2xl font-bold">
        {tenant ? `${tenant.firstName} ${tenant.lastName.toUpperCase()}` : "Ménage"}{" "}
        <span className="text-lg font-normal text-slate-700">· Dossier n° {data.number}</span>
      </h1>
      <CaseSummary data={data} />
    </div>
  );
}
