import Link from "next/link";

/**
 * "Voir les N" under a section of "À faire" listed in part: lists it in full,
 * up to `limit` ("Voir les 200 premiers" beyond). `label` names the section
 * for screen readers; `feminine` agrees with "échéances".
 */
export function SeeAllLink({ href, total, limit, label, feminine = false }: { href: string; total: number; limit: number; label: string; feminine?: boolean }) {
  return (
    <Link href={href} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-4">
      {total > limit ? `Voir les ${limit} ${feminine ? "premières" : "premiers"}` : `Voir les ${total}`}
      <span className="sr-only"> — {label}</span>
    </Link>
  );
}
