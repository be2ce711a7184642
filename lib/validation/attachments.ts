import { z } from "zod";
import { ATTACHMENT_KINDS, ATTACHMENT_NOTE_MAX } from "@/lib/domain/attachments/kinds";
import { optionalText, requiredDate } from "./fields";

/**
 * A document or photo's description (issue 19). The file itself is checked by
 * lib/server/attachments/inspect.ts from its bytes; these are the fields sent
 * with it to the upload route handler (multipart, beyond the server actions'
 * 1 MB limit).
 */
const caseId = z.string({ error: "Dossier manquant." }).min(1, "Dossier manquant.").max(64, "Dossier manquant.");

export const attachmentSchema = z.object({
  caseId,
  kind: z.enum(ATTACHMENT_KINDS, { error: "Choisissez le type de document." }),
  documentOn: requiredDate("La date du document"),
  note: optionalText("La note", ATTACHMENT_NOTE_MAX),
});

export type AttachmentInput = z.infer<typeof attachmentSchema>;

export const deleteAttachmentSchema = z.object({
  caseId,
  attachmentId: z.string({ error: "Document manquant." }).min(1, "Document manquant.").max(64, "Document manquant."),
});

export type DeleteAttachmentInput = z.infer<typeof deleteAttachmentSchema>;

/** The hearing file PDF's annexes: `piece` repeated (in the jurist's order), `joindre=1` for one bundle. */
export const annexQuerySchema = z.object({
  piece: z.array(z.string().min(1).max(64)).max(200).default([]),
  joindre: z.preprocess((v) => v === "1" || v === "on" || v === "true", z.boolean()),
});
