import type { LetterKind } from "./kinds";

/**
 * The app's own text of each letter, used while a team has not saved its own
 * (LetterTemplate). Written the way a prevention team writes to a household in
 * difficulty: plain words, no blame, who we are, that our help is free,
 * confidential and independent of the landlord and of the court, and how to
 * reach us. A line whose field is unknown is left out (template.ts), which is
 * why the hearing date and each way to reach the team sit on lines of their own.
 */
export interface LetterTemplateText {
  subject: string;
  body: string;
}

const CLOSING = "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.";

export const DEFAULT_TEMPLATES: Record<LetterKind, LetterTemplateText> = {
  TENANT_FIRST_LETTER: {
    subject: "Votre logement : une aide gratuite pour faire le point",
    body: [
      "Madame, Monsieur,",
      "",
      "Nous sommes {{equipe}}, une équipe qui aide les locataires en difficulté pour payer leur loyer. Elle réunit des travailleurs sociaux et des juristes.",
      "",
      "Nous savons qu'une procédure a été engagée par votre bailleur pour des loyers impayés concernant votre logement situé {{adresse}}. La préfecture nous transmet ces situations pour que chaque ménage concerné puisse être aidé à temps.",
      "",
      "Votre audience au tribunal est prévue le {{date_audience}}. Il est important de vous y présenter ou de vous y faire représenter : le juge peut accorder des délais de paiement et tenir compte de votre situation.",
      "",
      "Nous pouvons, avec vous :",
      "- faire le point sur votre budget et sur vos droits (aide au logement, Fonds de solidarité pour le logement…) ;",
      "- vous expliquer la procédure et préparer l'audience ;",
      "- rechercher une solution avec votre bailleur.",
      "",
      "Notre aide est gratuite et confidentielle. Nous sommes indépendants de votre bailleur et du tribunal. Vous êtes libre d'accepter ou non notre aide.",
      "",
      "Un membre de l'équipe passera peut-être vous voir à votre domicile dans les prochains jours. Vous pouvez aussi nous contacter dès maintenant :",
      "- par téléphone : {{telephone_equipe}}",
      "- par e-mail : {{email_equipe}}",
      "- votre interlocuteur : {{referent}}",
      "",
      "Plus tôt nous en parlons, plus il y a de solutions possibles.",
      "",
      CLOSING,
    ].join("\n"),
  },
  LANDLORD_LETTER: {
    subject: "Impayés de loyer de {{nom_locataire}} : rechercher une solution",
    body: [
      "Madame, Monsieur,",
      "",
      "Nous sommes {{equipe}}, une équipe de prévention des expulsions locatives qui réunit des travailleurs sociaux et des juristes. Notre mission est d'aider les locataires en difficulté et leurs bailleurs à trouver une solution avant que la situation ne s'aggrave.",
      "",
      "Nous allons prendre contact avec votre locataire, {{nom_locataire}}, qui occupe le logement situé {{adresse}}, afin de faire le point avec lui ou elle sur sa situation et ses droits.",
      "Référence de la procédure : {{reference_procedure}}",
      "Audience prévue le {{date_audience}}",
      "",
      "Notre intervention est gratuite. Nous sommes indépendants du tribunal et ne représentons aucune des parties ; nous ne remplaçons pas la procédure en cours. Un plan d'apurement, la mobilisation d'aides (Fonds de solidarité pour le logement, versement de l'aide au logement) ou un accord amiable sont souvent possibles lorsque chacun en parle tôt.",
      "",
      "Nous vous proposons de prendre contact avec nous pour en discuter :",
      "- par téléphone : {{telephone_equipe}}",
      "- par e-mail : {{email_equipe}}",
      "",
      CLOSING,
    ].join("\n"),
  },
  DOOR_NOTICE: {
    subject: "Avis de passage",
    body: [
      "Bonjour,",
      "",
      "Nous sommes passés vous voir le ____ / ____ à ____ h ____, mais personne n'a répondu.",
      "",
      "Nous sommes {{equipe}}. Nous aidons gratuitement les locataires qui ont du mal à payer leur loyer. Nous sommes indépendants de votre bailleur et du tribunal.",
      "Votre audience au tribunal est prévue le {{date_audience}}.",
      "",
      "Contactez-nous, même pour une simple question :",
      "- par téléphone : {{telephone_equipe}}",
      "- par e-mail : {{email_equipe}}",
    ].join("\n"),
  },
  REMINDER: {
    subject: "Relance : nous pouvons encore vous aider",
    body: [
      "Madame, Monsieur,",
      "",
      "Nous vous avons écrit et nous sommes passés à votre domicile, sans parvenir à vous rencontrer. Nous vous écrivons à nouveau, car il est encore temps d'agir pour votre logement situé {{adresse}}.",
      "",
      "Votre audience au tribunal est prévue le {{date_audience}}. Même peu de temps avant l'audience, faire le point avec nous peut vous permettre de demander des délais de paiement et de faire valoir vos droits.",
      "",
      "Notre aide est gratuite et confidentielle. Nous sommes indépendants de votre bailleur et du tribunal.",
      "",
      "Contactez-nous :",
      "- par téléphone : {{telephone_equipe}}",
      "- par e-mail : {{email_equipe}}",
      "",
      "Sans nouvelles de votre part, nous ne vous relancerons plus, mais vous pourrez toujours nous contacter plus tard.",
      "",
      CLOSING,
    ].join("\n"),
  },
};

/**
 * The short text suggested for an SMS to the household (no template of its
 * own: an SMS must stay short, and it only points to the letter and the team).
 */
export const SMS_TEXT = [
  "Bonjour, {{equipe}} vous a écrit au sujet de votre logement. Notre aide est gratuite et indépendante de votre bailleur et du tribunal.",
  "Appelez-nous au {{telephone_equipe}}.",
].join("\n");
