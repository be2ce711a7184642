/**
 * What every form action returns to its form. On failure the typed values
 * come back so that nothing the user typed is lost.
 */
export type ActionState =
  | { status: "idle" }
  | {
      status: "success";
      message?: string;
      /** The id of what was saved, when the page highlights it (issue 16: the saved event in the timeline). */
      id?: string;
    }
  | {
      status: "error";
      formError?: string;
      /** The refusal's kind when a service refused (lib/server/errors.ts): "NOT_FOUND" also means "not allowed". */
      code?: string;
      fieldErrors: Record<string, string[]>;
      values: Record<string, unknown>;
      /** Changes on each failed submission, so the form remounts with the returned values. */
      submission: number;
    };
