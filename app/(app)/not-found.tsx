import Link from "next/link";

/**
 * "Page introuvable" inside the signed-in layout, which already holds the one
 * <main> (issue 16: the root not-found nested a second one). The root
 * app/not-found.tsx, shown without this layout, keeps its own <main>.
 */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-10">
      <h1 className="mb-3 text-2xl font-bold">Page introuvable</h1>
      <p className="mb-6">Cette page n&apos;existe pas, ou vous n&apos;y avez pas accès.</p>
      <Link href="/" className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-4">
        Retour à l&apos;accueil
      </Link>
    </div>
  );
}
