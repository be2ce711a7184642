import Link from "next/link";

/** Previous / next links that keep the other query parameters. */
export function Pagination({ page, pageCount, params }: { page: number; pageCount: number; params: Record<string, string | undefined> }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const query = new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter((e): e is [string, string] => !!e[1]));
    return `?${query.toString()}`;
  };
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} className="rounded-md border border-slate-500 bg-white px-3 py-2 font-medium text-blue-800">
          ← Page précédente
        </Link>
      ) : (
        <span />
      )}
      <p aria-current="page">
        Page {page} sur {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="rounded-md border border-slate-500 bg-white px-3 py-2 font-medium text-blue-800">
          Page suivante →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
