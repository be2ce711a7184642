import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { db } from "@/lib/server/db";
import { getInvitation } from "@/lib/server/queries/get-invitation";
import { INVITATION_INVALID } from "@/lib/server/services/accept-invitation";
import { formatInstant } from "@/lib/utils/dates";

export const metadata: Metadata = { title: "Choisir mon mot de passe", referrer: "no-referrer" };
// The token is a secret: never cached, never prerendered.
export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitation(db, token, new Date());
  return (
    <main id="contenu" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <p className="mb-1 text-3xl font-bold text-blue-900">Maintien</p>
      <h1 className="mb-6 text-2xl font-semibold">Choisir mon mot de passe</h1>
      {invitation ? (
        <section aria-labelledby="titre-invitation" className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
          <h2 id="titre-invitation" className="mb-2 text-xl font-semibold">
            Bienvenue, {invitation.name}
          </h2>
          <p className="mb-4 text-slate-700">
            Votre compte <span className="break-all font-medium">{invitation.email}</span> sera actif dès que vous aurez choisi votre mot de passe. Ce lien
            expire le {formatInstant(invitation.expiresAt)}.
          </p>
          <AcceptInvitationForm token={token} email={invitation.email} />
        </section>
      ) : (
        <div className="flex flex-col gap-4">
          <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
            {INVITATION_INVALID}
          </p>
          <Link href="/connexion" className="self-start font-medium text-blue-800 underline underline-offset-4">
            Aller à la page de connexion
          </Link>
        </div>
      )}
    </main>
  );
}
