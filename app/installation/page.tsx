import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { db } from "@/lib/server/db";
import { needsSetup } from "@/lib/server/queries/setup-status";

export const metadata: Metadata = { title: "Premier démarrage" };
export const dynamic = "force-dynamic";

/**
 * The first visit to an empty database (issue 15): explore the demo (in its
 * own data folder) or set up a real team. Gone once an account exists.
 */
export default async function FirstRunPage() {
  if (!(await needsSetup(db))) notFound();
  return (
    <main id="contenu" className="mx-auto flex min-h-dvh max-w-2xl flex-col justify-center gap-6 px-4 py-10">
      <div>
        <p className="mb-1 text-3xl font-bold text-blue-900">Maintien</p>
        <h1 className="text-2xl font-semibold">Premier démarrage</h1>
        <p className="mt-2 text-slate-700">Cette base de données est vide. Que souhaitez-vous faire ?</p>
      </div>
      <section aria-labelledby="titre-equipe" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
        <h2 id="titre-equipe" className="text-xl font-semibold">
          Installer une équipe réelle
        </h2>
        <p className="text-slate-700">
          Créez votre équipe, ses partenaires (ADIL, association), ses secteurs et le premier compte administrateur. Aucune donnée de démonstration n&apos;est
          ajoutée. Munissez-vous du code d&apos;installation affiché par « npm start ».
        </p>
        <Link href="/installation/equipe" className={`${buttonClass()} self-start`}>
          Installer une équipe réelle
        </Link>
      </section>
      <section aria-labelledby="titre-demo" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
        <h2 id="titre-demo" className="text-xl font-semibold">
          Explorer la démo
        </h2>
        <p className="text-slate-700">
          La démonstration (ménages fictifs, comptes au mot de passe public) vit dans son propre dossier de données, jamais dans celui de votre équipe. Arrêtez
          Maintien puis relancez-le avec :
        </p>
        <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 text-sm text-slate-900">
          <code>npm start -- --demo</code>
        </pre>
        <p className="text-sm text-slate-700">
          Pour revenir à votre équipe, relancez simplement « npm start ». Les deux bases ne se mélangent pas (voir le README, « Démo et données réelles »).
        </p>
      </section>
    </main>
  );
}
