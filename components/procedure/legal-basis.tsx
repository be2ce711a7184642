import { RULES, type RuleId } from "@/lib/domain/procedure/rules";
import { parseCalendarDate, formatDay } from "@/lib/utils/dates";
import type { Abbreviation } from "@/lib/domain/abbreviations";
import { abbrText } from "./abbr-text";

/** The "à vérifier" mark of a rule whose interpretation is not settled (decision 006). */
export function VerifyBadge() {
  return <span className="ml-2 inline-block rounded-full border border-amber-700 bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950">à vérifier</span>;
}

function verifiedOn(asOf: string): string {
  const day = parseCalendarDate(asOf);
  return day ? formatDay(day) : asOf;
}

/**
 * The rules behind a date or an alert, as a disclosure: the summary names the
 * article(s), the body gives each rule's source and, for the unsettled ones, the
 * dated "à vérifier" note. A native <details>/<summary>: it opens with the
 * keyboard (Enter, Space) and screen readers announce it as expandable; no
 * hover-only tooltip. Issue 13: the "à vérifier" badge and notes are for
 * jurists and coordinators (`showVerify`); social workers see the article.
 */
export function LegalBasis({ ruleIds, showVerify }: { ruleIds: readonly RuleId[]; showVerify: boolean }) {
  // Law first: a team practice is never presented ahead of, or as, a legal rule.
  const rules = [...new Set(ruleIds)].map((id) => RULES[id]).sort((a, b) => Number(b.isLaw) - Number(a.isLaw));
  if (rules.length === 0) return null;
  const articles = [...new Set(rules.map((r) => r.article))];
  const lead = rules.some((r) => r.isLaw) ? "Base légale" : "Origine";
  const toVerify = showVerify && rules.some((r) => r.verify);
  // Each disclosure spells out its own abbreviations: its body is read on its own, once opened.
  const seen = new Set<Abbreviation>();
  return (
    <details className="group mt-1 text-sm">
      <summary className="cursor-pointer rounded text-blue-900 underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-800">
        {lead} : {articles.join(" ; ")}
        {toVerify ? <VerifyBadge /> : null}
      </summary>
      <ul className="mt-2 flex flex-col gap-2 border-l-2 border-slate-300 pl-3 text-slate-800">
        {rules.map((rule) => (
          <li key={rule.id}>
            <p className="font-semibold">
              {abbrText(rule.title, seen)}
              {rule.isLaw ? null : <span className="font-normal"> (pratique des équipes, pas une règle de droit)</span>}
            </p>
            <p>{rule.article}</p>
            <p>{abbrText(rule.source, seen)}</p>
            {showVerify && rule.verify ? (
              <p className="mt-1 rounded-md border border-amber-700 bg-amber-50 p-2 text-amber-950">
                <span className="font-semibold">À vérifier (note du {verifiedOn(rule.verify.asOf)}) :</span> {abbrText(rule.verify.note, seen)}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
