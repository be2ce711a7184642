"use client";

import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/validation/action-state";

/**
 * The outcome of a letters action, kept on several lines (a confirmation lists
 * each case that was not recorded, with why). A failure takes focus, like
 * FormAlert; a success is announced as a status.
 */
export function ActionReport({ state }: { state: ActionState }) {
  const ref = useRef<HTMLDivElement>(null);
  const failed = state.status === "error" ? state : undefined;
  useEffect(() => {
    if (failed?.formError) ref.current?.focus();
  }, [failed?.formError, failed?.submission]);
  return (
    <>
      <p role="status" className={state.status === "success" ? "whitespace-pre-line rounded-md border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900" : "sr-only"}>
        {state.status === "success" ? (state.message ?? "Enregistré.") : ""}
      </p>
      {failed?.formError ? (
        <div ref={ref} tabIndex={-1} role="alert" className="whitespace-pre-line rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {failed.formError}
        </div>
      ) : null}
    </>
  );
}
