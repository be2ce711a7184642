"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { signOutAction } from "@/app/(app)/actions";
import { SessionActivity } from "@/components/auth/session-activity";
import { sendBeforeSignOut, wipeBeforeSignOut } from "@/lib/offline/sync";
import { signOutLossQuestion } from "@/lib/offline/wording";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";

export interface NavItem {
  href: string;
  label: string;
  /** A shorter visible label for the phone's bottom bar; the accessible name stays `label`. */
  short?: string;
}

/** The item the current page belongs to: the longest href that is the path or one of its parents. */
export function currentHref(pathname: string, hrefs: string[]): string | undefined {
  return hrefs
    .filter((h) => pathname === h || (h !== "/" && pathname.startsWith(`${h}/`)))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * The app's shell (issue 16 §1). On a phone: a compact top bar (the app, the
 * team, a "Menu" button that unfolds every place, the account and sign-out)
 * and a bottom bar with the four places a social worker goes to most. From
 * 1024 px: the desktop header as before, the whole menu always shown. The
 * current page is marked with aria-current in both.
 */
export function AppHeader({ items, quick, userName, role, teamName }: { items: NavItem[]; quick: NavItem[]; userName: string; role: Role; teamName: string | null }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // A tap on a place closes the menu.
  useEffect(() => setOpen(false), [pathname]);
  const current = currentHref(pathname, [...items.map((i) => i.href), "/compte"]);
  const quickCurrent = currentHref(pathname, quick.map((i) => i.href));

  return (
    <>
      <header className="border-b border-slate-300 bg-white print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 px-4 py-1 lg:gap-x-4 lg:gap-y-2 lg:py-3">
          <Link href="/" className="inline-flex min-h-11 items-center text-xl font-bold text-blue-900">
            Maintien
          </Link>
          {teamName ? <span className="min-w-0 flex-1 truncate text-sm text-slate-700 lg:hidden">{teamName}</span> : null}
          <button
            type="button"
            className="ml-auto inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md border border-slate-500 px-3 text-base font-semibold text-slate-900 lg:hidden"
            aria-expanded={open}
            aria-controls="menu-principal"
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true" className="text-lg leading-none">
              {open ? "✕" : "☰"}
            </span>
            Menu
          </button>
          <div id="menu-principal" className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 pb-3 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:flex-wrap lg:items-center lg:pb-0`}>
            <nav aria-label="Navigation principale" className="lg:order-none">
              <ul className="flex flex-col gap-1 lg:flex-row lg:flex-wrap">
                {items.map((item) => (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={item.href === current ? "page" : undefined}
                      className="flex min-h-11 items-center rounded px-2 font-medium text-blue-800 underline-offset-4 hover:underline aria-[current=page]:bg-blue-50 aria-[current=page]:underline"
                    >
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3 lg:ml-auto lg:border-0 lg:pt-0">
              <p className="text-sm leading-tight text-slate-700 lg:text-right">
                <span className="block font-medium text-slate-900">{userName}</span>
                <span>{ROLE_LABELS[role]}</span>
              </p>
              <Link
                href="/compte"
                aria-current={current === "/compte" ? "page" : undefined}
                className="inline-flex min-h-11 items-center rounded px-2 text-sm font-medium text-blue-800 underline underline-offset-4"
              >
                Mon compte
              </Link>
              <form
                action={async () => {
                  // Issue 18: what waits is sent if it can be; what could not be sent is
                  // never deleted without asking; then nothing personal stays on the phone.
                  const left = await sendBeforeSignOut();
                  if (left > 0 && !window.confirm(signOutLossQuestion(left))) return;
                  await wipeBeforeSignOut();
                  await signOutAction();
                }}
              >
                <button type="submit" className="min-h-11 rounded-md border border-slate-500 px-3 text-sm font-medium hover:bg-slate-100">
                  Se déconnecter
                </button>
              </form>
            </div>
          </div>
          <SessionActivity />
        </div>
      </header>
      <nav aria-label="Accès rapide" className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-300 bg-white pb-[env(safe-area-inset-bottom)] lg:hidden print:hidden">
        <ul className="grid" style={{ gridTemplateColumns: `repeat(${quick.length}, minmax(0, 1fr))` }}>
          {quick.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={item.href === quickCurrent ? "page" : undefined}
                className="flex min-h-14 flex-col items-center justify-center px-1 text-center text-sm font-semibold text-slate-800 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-900 aria-[current=page]:shadow-[inset_0_3px_0_0_#1e40af]"
              >
                {item.short ? (
                  <>
                    <span aria-hidden="true">{item.short}</span>
                    <span className="sr-only">{item.label}</span>
                  </>
                ) : (
                  item.label
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
