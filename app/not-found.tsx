import Link from "next/link";

export default function NotFound() {
  return (
    <main id="contenu" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-3 text-2xl font-bold">Page introuvable</h1>
      <p className="mb-6">Cette page n&apos;existe pas, ou vous n&apos;y avez pas accès.</p>
      <Link href="/" className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-4">
        Retour à l&apos;accueil
      </Link>
    </main>
  );
}
