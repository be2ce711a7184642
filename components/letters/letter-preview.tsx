import type { ComposedLetter } from "@/lib/domain/letters/compose";

/** A letter as it will print, in the page (plain text nodes: nothing in a letter is read as HTML). */
export function LetterPreview({ letter, labelledBy }: { letter: ComposedLetter; labelledBy?: string }) {
  return (
    <article aria-labelledby={labelledBy} className="flex flex-col gap-4 rounded-md border border-slate-300 bg-white p-4 text-[0.95rem] leading-relaxed text-slate-900 shadow-sm">
      <div className="flex flex-col gap-4 sm:flex-row sm:justify-between">
        <address className="not-italic">
          {letter.letterhead.map((line, i) => (
            <span key={i} className={`block ${i === 0 ? "font-semibold" : ""}`}>
              {line}
            </span>
          ))}
        </address>
        <address className="not-italic sm:mt-10 sm:w-1/2">
          {letter.recipient.map((line, i) => (
            <span key={i} className="block">
              {line}
            </span>
          ))}
          <span className="mt-3 block">{letter.dateLine}</span>
        </address>
      </div>
      <p className="font-semibold">Objet : {letter.subject}</p>
      <div>
        {letter.body.map((line, i) => (line === "" ? <div key={i} className="h-3" aria-hidden="true" /> : <p key={i}>{line}</p>))}
      </div>
      <p className="whitespace-pre-line sm:ml-[50%]">{letter.signature.join("\n")}</p>
      <p className="text-xs text-slate-600">{letter.reference}</p>
    </article>
  );
}
