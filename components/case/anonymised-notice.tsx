import { formatInstant } from "@/lib/utils/dates";

/**
 * Shown on a case whose household was anonymised by the retention rule
 * (issue 8.5, docs/decisions/014-retention-and-anonymisation.md).
 */
export function AnonymisedNotice({ anonymisedAt }: { anonymisedAt: Date | null }) {
  if (!anonymisedAt) return null;
  return (
    <p className="rounded-md border border-slate-400 bg-slate-100 p-3 text-slate-900">
      <strong>Ménage anonymisé le {formatInstant(anonymisedAt)}</strong>, à la fin de la durée de conservation après la clôture : noms,
      coordonnées, adresse et textes libres ont été supprimés. Les dates, étapes, motifs et montants restent, pour les indicateurs.
    </p>
  );
}
