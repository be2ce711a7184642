import { normaliseForSearch } from "../search-text";

/**
 * The password rules of Maintien (ANSSI's recommendation for a password that
 * protects sensitive data without a second factor: 12 characters at least;
 * argon2id does the rest). Long passphrases are welcome, so there is no
 * composition rule ("one digit, one symbol"): NIST SP 800-63B advises against
 * them. What is refused is what an attacker tries first: the person's own
 * name or e-mail, one repeated character, a handful of notorious passwords.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** The most common passwords that reach 12 characters (from public breach lists), normalised. */
const NOTORIOUS = new Set([
  "123456789012",
  "1234567890123",
  "azertyuiop12",
  "azertyuiopqs",
  "motdepasse12",
  "motdepasse123",
  "password1234",
  "passwordpassword",
  "qwertyuiop12",
  "qwertyuiopas",
  "maintien1234",
  "maintiendemo",
  "bonjour12345",
  "soleil123456",
]);

export interface PasswordContext {
  email: string;
  name: string;
}

/** French messages for a refused password; empty when the password is acceptable. */
export function passwordProblems(password: string, context: PasswordContext): string[] {
  const problems: string[] = [];
  // Count characters as people see them (an "é" is one, composed or not), not UTF-16 units.
  const length = [...password.normalize("NFC")].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push(`Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères (il en a ${length}).`);
    return problems;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push(`Le mot de passe doit contenir au plus ${PASSWORD_MAX_LENGTH} caractères.`);
    return problems;
  }
  const flat = normaliseForSearch(password).replace(/[^a-z0-9]/g, "");
  if (new Set([...password]).size <= 2) {
    problems.push("Le mot de passe ne doit pas répéter un ou deux caractères : choisissez une phrase ou des mots variés.");
  }
  if (NOTORIOUS.has(flat) || NOTORIOUS.has(password.toLowerCase())) {
    problems.push("Ce mot de passe figure parmi les plus utilisés : choisissez-en un autre.");
  }
  for (const part of personalParts(context)) {
    if (flat.includes(part)) {
      problems.push("Le mot de passe ne doit contenir ni votre nom ni votre adresse e-mail.");
      break;
    }
  }
  return problems;
}

/**
 * The words of the name and of the e-mail's local part (4 letters or more, so
 * that "Lé" or "jo" do not refuse half the dictionary), accent-free.
 */
function personalParts({ email, name }: PasswordContext): string[] {
  const local = email.split("@")[0] ?? "";
  const words = [
    ...normaliseForSearch(name).split(/[^a-z0-9]+/),
    ...normaliseForSearch(local).split(/[^a-z0-9]+/),
    normaliseForSearch(local).replace(/[^a-z0-9]/g, ""),
  ];
  return [...new Set(words.filter((w) => w.length >= 4))];
}
