import Link from "next/link";
import { signOutAction } from "@/app/(app)/actions";
import { SessionActivity } from "@/components/auth/session-activity";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";

export interface NavItem {
  href: string;
  label: string;
}

/** Top bar: the places the role may go, who is signed in, and sign-out. Wraps on a 360 px screen. */
export function AppHeader({ items, userName, role }: { items: NavItem[]; userName: string; role: Role }) {
  return (
    <header className="border-b border-slate-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-blue-900">
          Maintien
        </Link>
        <nav aria-label="Navigation principale" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-x-1 gap-y-1">
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="inline-block rounded px-2 py-2 font-medium text-blue-800 underline-offset-4 hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <p className="text-right text-sm leading-tight text-slate-700">
            <span className="block font-medium text-slate-900">{userName}</span>
            <span>{ROLE_LABELS[role]}</span>
          </p>
          <Link href="/compte" className="rounded px-2 py-2 text-sm font-medium text-blue-800 underline underline-offset-4">
            Mon compte
          </Link>
          <SessionActivity />
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-slate-500 px-3 py-2 text-sm font-medium hover:bg-slate-100">
              Se déconnecter
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
