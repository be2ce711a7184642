import Link from "next/link";
import type { DueWorkScope } from "@/lib/server/queries/list-due-work";

const SCOPES: { scope: DueWorkScope; param: string; label: string }[] = [
  { scope: "me", param: "moi", label: "Moi" },
  { scope: "team", param: "equipe", label: "Équipe" },
];

/**
 * "Moi" / "Équipe" as two links (the choice lives in the URL, so it can be
 * bookmarked); the current one is marked for screen readers with aria-current.
 */
export function ScopeTabs({ current }: { current: DueWorkScope }) {
  return (
    <nav aria-label="Dossiers affichés">
      <ul className="inline-flex rounded-md border border-slate-500 bg-white p-1">
        {SCOPES.map(({ scope, param, label }) => {
          const active = scope === current;
          return (
            <li key={scope}>
              <Link
                href={`?vue=${param}`}
                aria-current={active ? "page" : undefined}
                className={`inline-flex min-h-11 min-w-24 items-center justify-center rounded px-4 font-semibold ${
                  active ? "bg-blue-800 text-white" : "text-blue-800 underline underline-offset-4 hover:bg-slate-100"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
