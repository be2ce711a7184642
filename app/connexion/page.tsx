import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { OfflineWipe } from "@/components/offline/offline-wipe";
import { SESSION_ENDED_MESSAGES } from "@/lib/domain/accounts/sign-in-messages";
import { db } from "@/lib/server/db";
import { needsSetup } from "@/lib/server/queries/setup-status";
import { getCurrentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Connexion" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; session?: string; invitation?: string; installation?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  // Issue 15: an empty database has no one to sign in: the first-run choice instead.
  if (await needsSetup(db)) redirect("/installation");
  const { callbackUrl, session, invitation, installation } = await searchParams;
  const ended = typeof session === "string" ? SESSION_ENDED_MESSAGES[session] : undefined;
  return (
    <main id="contenu" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <OfflineWipe />
      <h1 className="mb-1 text-3xl font-bold text-blue-900">Maintien</h1>
      <p className="mb-8 text-slate-700">Suivi des ménages menacés d&apos;expulsion par l&apos;équipe mobile.</p>
      {ended ? (
        <p role="status" className="mb-4 rounded-md border border-amber-700 bg-amber-50 p-3 font-medium text-amber-900">
          {ended}
        </p>
      ) : null}
      {installation === "terminee" ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">
          L&apos;équipe est installée. Connectez-vous avec l&apos;adresse e-mail et le mot de passe de l&apos;administrateur.
        </p>
      ) : null}
      {invitation === "acceptee" ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">
          Votre mot de passe est enregistré. Connectez-vous avec votre adresse e-mail et ce mot de passe.
        </p>
      ) : null}
      <section aria-labelledby="titre-connexion" className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
        <h2 id="titre-connexion" className="mb-4 text-xl font-semibold">
          Connexion
        </h2>
        <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      </section>
    </main>
  );
}
