import { describe, expect, it } from "vitest";
import { answerLine, letterLine } from "./status";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("landlord status words", () => {
  it("keeps the letter sent and the answer apart", () => {
    expect(letterLine({ lastLetterOn: day("2026-03-12"), lastAnswerOn: null })).toBe("Courrier envoyé le 12/03/2026");
    expect(answerLine({ lastLetterOn: day("2026-03-12"), lastAnswerOn: null })).toBe("N'a pas répondu");
    expect(answerLine({ lastLetterOn: null, lastAnswerOn: day("2026-04-02") })).toBe("A répondu le 02/04/2026");
    expect(letterLine({ lastLetterOn: null, lastAnswerOn: null })).toBe("Aucun courrier envoyé");
  });
});
