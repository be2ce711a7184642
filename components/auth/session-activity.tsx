"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** At most one "still here" a minute: the idle limit is two hours. */
const THROTTLE_MS = 60_000;
const REASONS: Record<string, string> = { idle: "inactivite", absolute: "duree" };

/**
 * Tells the server the person is active (docs/decisions/016): pages are
 * rendered by server components, which cannot rewrite the session cookie, so
 * the "last seen" time in the cookie is refreshed by reading /api/auth/session
 * (Auth.js re-signs the cookie then) when the person navigates, types or taps,
 * at most once a minute. Nothing is sent on a timer: a phone left on a table
 * stays idle and its session ends after two hours. When the session has ended,
 * the sign-in page opens with the reason.
 */
export function SessionActivity() {
  const pathname = usePathname();
  const last = useRef(0);

  useEffect(() => {
    let stopped = false;
    async function ping(force: boolean) {
      const now = Date.now();
      if (!force && now - last.current < THROTTLE_MS) return;
      last.current = now;
      try {
        const res = await fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" });
        if (!res.ok || stopped) return;
        const session = (await res.json()) as { userId?: string; ended?: string } | null;
        if (!session?.userId) {
          const why = session?.ended ? REASONS[session.ended] : undefined;
          window.location.assign(why ? `/connexion?session=${why}` : "/connexion");
        }
      } catch {
        // Offline (a cellar, a lift): the next activity tries again.
        last.current = 0;
      }
    }
    const onActivity = () => void ping(false);
    const onVisible = () => {
      if (document.visibilityState === "visible") void ping(true);
    };
    void ping(true);
    window.addEventListener("pointerdown", onActivity, { passive: true });
    window.addEventListener("keydown", onActivity);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      window.removeEventListener("pointerdown", onActivity);
      window.removeEventListener("keydown", onActivity);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [pathname]);

  return null;
}
