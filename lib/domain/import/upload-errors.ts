import { LIMIT_MESSAGES } from "./limits";

/**
 * Why an upload was refused before anything was read, as a code in the
 * import page's URL (/import?erreur=…) and its French message.
 */
export const UPLOAD_ERROR_MESSAGES = {
  "fichier-absent": "Choisissez le fichier de la liste (.csv ou .xlsx).",
  "fichier-vide": "Le fichier choisi est vide.",
  "trop-volumineux": "Le fichier dépasse 10 Mo : découpez la liste en plusieurs fichiers.",
  "type-non-accepte": "Type de fichier non accepté : choisissez un fichier .csv ou .xlsx (l'ancien format .xls n'est pas pris en charge).",
  equipe: "Vous ne pouvez pas importer de liste pour cette équipe.",
  expire: "Le fichier envoyé n'est plus disponible (plus de 2 heures, ou déjà importé) : envoyez-le de nouveau.",
  echec: "L'import n'a pas abouti : rien n'a été enregistré. Réessayez ; si le problème persiste, signalez-le.",
  // Issue 14: refused while being read, by a limit (lib/domain/import/limits.ts).
  ...LIMIT_MESSAGES,
} as const;

export type UploadErrorCode = keyof typeof UPLOAD_ERROR_MESSAGES;

export function uploadErrorMessage(code: string | undefined): string | null {
  return code && code in UPLOAD_ERROR_MESSAGES ? UPLOAD_ERROR_MESSAGES[code as UploadErrorCode] : null;
}
