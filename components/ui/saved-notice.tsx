"use client";

import { useEffect, useRef } from "react";

/**
 * The confirmation after a save (issue 16 §3): announced (role="status"),
 * brought to the top of the visible area and focused, so a worker on a phone
 * sees at once that it saved and does not tap again. `token` changes with
 * each save (the saved event's id), so a second save is announced too.
 */
export function SavedNotice({ message, token }: { message: string; token: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.scrollIntoView({ block: "start" });
    el.focus({ preventScroll: true });
  }, [token]);
  return (
    <p
      ref={ref}
      role="status"
      tabIndex={-1}
      className="scroll-mt-2 rounded-md border-2 border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700"
    >
      {message}
    </p>
  );
}
