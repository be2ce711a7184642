import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Connexion" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  return (
    <main id="contenu" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <h1 className="mb-1 text-3xl font-bold text-blue-900">Maintien</h1>
      <p className="mb-8 text-slate-700">Suivi des ménages menacés d&apos;expulsion par l&apos;équipe mobile.</p>
      <section aria-labelledby="titre-connexion" className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
        <h2 id="titre-connexion" className="mb-4 text-xl font-semibold">Connexion</h2>
        <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      </section>
    </main>
  );
}
