import { answerLine, letterLine, type LandlordStatus } from "@/lib/domain/landlords/status";

/**
 * Whether the team wrote to the landlord and whether the landlord answered,
 * apart (issue 15): words, not colour alone.
 */
export function ContactStatus({ status }: { status: LandlordStatus }) {
  return (
    <span className="flex flex-wrap gap-2">
      <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium ${status.lastLetterOn ? "bg-blue-100 text-blue-950" : "bg-slate-200 text-slate-900"}`}>
        {letterLine(status)}
      </span>
      <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium ${status.lastAnswerOn ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-900"}`}>
        {answerLine(status)}
      </span>
    </span>
  );
}
