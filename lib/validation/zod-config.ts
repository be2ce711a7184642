import { z } from "zod";

// Global zod settings, loaded by lib/validation/fields.ts (which every schema
// module imports) and by the action wrapper, before any schema runs.

// Schemas also run in the browser (forms import them), under a CSP without
// 'unsafe-eval' (decision 015). zod 4 would probe `new Function` to compile a
// faster parser: the probe is caught, but reported as a CSP violation.
z.config({ jitless: true });

// Every schema gives its own French messages. A value no form sends (an
// object where a text is expected, an id of 10 000 characters: a crafted
// request) falls back on these, in French too, never on zod's English
// defaults (issue 8, hostile input). Then zod's French locale for the rest.
z.config(z.locales.fr());
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined ? "Ce champ est obligatoire." : "Valeur invalide pour ce champ.";
      case "too_big":
        return issue.origin === "string" ? `Ce champ est trop long (${String(issue.maximum)} caractères au plus).` : "Valeur trop grande pour ce champ.";
      case "too_small":
        return issue.origin === "string" ? "Ce champ est obligatoire." : "Valeur trop petite pour ce champ.";
      case "invalid_value":
      case "invalid_union":
        return "Choix invalide pour ce champ.";
      case "invalid_format":
        return "Format invalide pour ce champ.";
      default:
        return undefined;
    }
  },
});
