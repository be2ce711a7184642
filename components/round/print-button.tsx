"use client";

import { buttonClass } from "@/components/ui/button";

/** Prints the round (the print style sheet keeps it to one page). */
export function PrintButton() {
  return (
    <button type="button" className={`${buttonClass("secondary")} print:hidden`} onClick={() => window.print()}>
      Imprimer la tournée
    </button>
  );
}
