import { splitAbbreviations, type Abbreviation } from "@/lib/domain/abbreviations";

/** One page's record of the abbreviations already spelled out (issue 13). */
export type AbbrSeen = Set<Abbreviation>;

/**
 * A text with its abbreviations (CQL, JEX, CFP, CCAPEX, DSF, JCP) marked with
 * <abbr title>, the first use on the page spelled out in full. A plain
 * function, not a component, so that the page's order of calls is the order
 * of reading.
 */
export function abbrText(text: string, seen: AbbrSeen) {
  return splitAbbreviations(text, seen).map((part, i) =>
    "text" in part ? (
      part.text
    ) : part.first ? (
      <span key={i}>
        {part.title} (<abbr title={part.title}>{part.abbr}</abbr>)
      </span>
    ) : (
      <abbr key={i} title={part.title}>
        {part.abbr}
      </abbr>
    ),
  );
}
