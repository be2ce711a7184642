import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetupTeamForm } from "@/components/setup/setup-team-form";
import { db } from "@/lib/server/db";
import { needsSetup } from "@/lib/server/queries/setup-status";
import { MAX_SETUP_SECTORS } from "@/lib/validation/setup";

export const metadata: Metadata = { title: "Installer une équipe" };
export const dynamic = "force-dynamic";

export default async function SetupTeamPage() {
  if (!(await needsSetup(db))) notFound();
  return (
    <main id="contenu" className="mx-auto flex min-h-dvh max-w-2xl flex-col gap-6 px-4 py-10">
      <div>
        <p className="mb-1 text-3xl font-bold text-blue-900">Maintien</p>
        <h1 className="text-2xl font-semibold">Installer une équipe</h1>
        <p className="mt-2 text-slate-700">
          Ces informations pourront être modifiées ensuite dans l&apos;administration. Le téléphone, l&apos;e-mail et l&apos;adresse de l&apos;équipe figurent sur
          chaque courrier envoyé aux ménages.
        </p>
      </div>
      <SetupTeamForm sectorRows={Math.min(4, MAX_SETUP_SECTORS)} />
    </main>
  );
}
