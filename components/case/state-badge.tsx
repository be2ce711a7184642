import { CASE_STATE_LABELS, type CaseState } from "@/lib/domain/labels";

const tone: Record<CaseState, string> = {
  IDENTIFIED: "bg-slate-200 text-slate-900",
  FIRST_LETTER_SENT: "bg-sky-100 text-sky-900",
  VISIT_1_FAILED: "bg-amber-100 text-amber-900",
  VISIT_2_FAILED: "bg-amber-200 text-amber-950",
  REMINDER_SENT: "bg-orange-100 text-orange-900",
  SUPPORTED: "bg-emerald-100 text-emerald-900",
  CLOSED: "bg-slate-300 text-slate-900",
};

export function StateBadge({ state }: { state: CaseState }) {
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium ${tone[state]}`}>{CASE_STATE_LABELS[state]}</span>;
}
