"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="contenu" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-3 text-2xl font-bold">Une erreur est survenue</h1>
      <p className="mb-6">Rien n&apos;a été enregistré par l&apos;action en cours. Réessayez ; si l&apos;erreur persiste, prévenez l&apos;administrateur.</p>
      <button type="button" onClick={reset} className="rounded-md bg-blue-800 px-4 py-2 font-semibold text-white">
        Réessayer
      </button>
    </main>
  );
}
