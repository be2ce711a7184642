"use client";

import { useEffect, useRef } from "react";

/**
 * The form-level message. It takes focus when it appears so that keyboard and
 * screen-reader users learn at once that the submission failed.
 */
export function FormAlert({ message, submission }: { message?: string; submission?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message, submission]);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-800">
      {message}
    </div>
  );
}
