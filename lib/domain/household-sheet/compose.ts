import { isBeforeDay } from "@/lib/domain/procedure/calendar";
import { formatDay, formatDayLong } from "@/lib/utils/dates";

import type { SheetDates, SheetStage } from "./sheet-dates";
import { DEFAULT_HOTLINE, type SheetBlock, type SheetBlocks } from "./template";

/**
 * "Ce qui va se passer" (issue 20): a one-page sheet for the household, in
 * plain French, from the engine's dates (sheet-dates.ts) and the team's
 * reviewed texts (template.ts). Pure: the page, the PDF and the SMS say the
 * same. Dates are "à partir du … au plus tôt" for what the law only allows
 * from a day; the hearing is the one fixed date.
 */

export interface SheetContact {
  name: string;
  phone: string | null;
  email?: string | null;
  hours?: string | null;
}

export interface SheetInput {
  dates: SheetDates;
  blocks: SheetBlocks;
  team: SheetContact;
  /** The team's ADIL partner (directory), when it has one. */
  adil: SheetContact | null;
  hotline?: SheetContact;
  courtName: string | null;
  /** The team's template version the sheet was made with (printed small). */
  templateVersion: number;
}

export interface SheetSection {
  heading: string;
  paragraphs: string[];
}

export interface HouseholdSheet {
  title: string;
  dateLine: string;
  intro: string;
  sections: SheetSection[];
  /** A text that fits one SMS (160 characters). */
  sms: string;
  footer: string;
}

export const SMS_MAX_LENGTH = 160;

const from = (d: Date) => `à partir du ${formatDay(d)} au plus tôt`;

interface StageText {
  where: string[];
  next: string[];
  actions: SheetBlock[];
  words: SheetBlock[];
  /** The SMS's first sentence. */
  sms: string;
}

function stageText(d: SheetDates, courtName: string | null, today: Date): StageText {
  const court = courtName ? ` (${courtName})` : "";
  switch (d.stage) {
    case "NONE":
      return {
        where: ["Notre équipe ne connaît pas encore d'acte de procédure pour votre logement."],
        next: ["Si vous recevez une lettre d'un commissaire de justice, appelez-nous tout de suite."],
        actions: ["action_rent", "action_fsl"],
        words: ["word_commissaire", "word_commandement"],
        sms: "Des difficultés pour payer le loyer ? Nous pouvons vous aider.",
      };
    case "COMMANDEMENT": {
      const possible = d.assignationPossibleFrom;
      const started = possible && !isBeforeDay(today, possible);
      return {
        where: [`Vous avez reçu un commandement de payer le ${formatDay(d.commandementOn!)}.`],
        next: possible
          ? started
            ? [`Le délai pour payer est passé. Le propriétaire peut vous assigner au tribunal depuis le ${formatDay(possible)}.`, "Le tribunal fixera ensuite une date d'audience."]
            : [`Si la dette n'est pas payée, le propriétaire peut vous assigner au tribunal ${from(possible)}.`, "Le tribunal fixera ensuite une date d'audience."]
          : ["Si la dette n'est pas payée, le propriétaire peut ensuite vous assigner au tribunal."],
        actions: ["action_rent", "action_fsl"],
        words: ["word_commissaire", "word_commandement", "word_assignation"],
        sms: possible
          ? `Commandement de payer du ${formatDay(d.commandementOn!)} : tribunal possible ${from(possible)}. Payez le loyer.`
          : `Commandement de payer du ${formatDay(d.commandementOn!)}. Payez le loyer.`,
      };
    }
    case "ASSIGNATION":
      return {
        where: [`Vous avez reçu une assignation au tribunal${d.assignationOn ? ` le ${formatDay(d.assignationOn)}` : ""}.`],
        next: ["La date de l'audience est écrite sur l'assignation. Appelez-nous pour la vérifier ensemble.", "Personne ne peut vous expulser avant le jugement."],
        actions: ["action_rent", "action_fsl", "action_dsf", "action_hearing"],
        words: ["word_assignation", "word_audience", "word_dsf"],
        sms: "Vous êtes assigné au tribunal. Allez à l'audience : vous avez le droit d'être présent et assisté.",
      };
    case "HEARING_COMING":
      return {
        where: [`Vous êtes convoqué à l'audience du tribunal le ${formatDayLong(d.hearingOn!)} (${formatDay(d.hearingOn!)})${court}.`],
        next: [
          "À l'audience, le juge écoute le propriétaire et vous. Puis il décide.",
          "Il peut vous donner des délais pour payer, ou mettre fin au bail.",
          "Personne ne peut vous expulser avant le jugement.",
        ],
        actions: ["action_hearing", "action_rent", "action_dsf", "action_fsl"],
        words: ["word_audience", "word_dsf", "word_jugement"],
        sms: `Audience le ${formatDay(d.hearingOn!)}. Allez-y : vous avez le droit d'être présent et assisté.`,
      };
    case "HEARING_PAST":
      return {
        where: ["L'audience a eu lieu. Le juge va rendre son jugement."],
        next: ["Le commissaire de justice vous apportera le jugement. Appelez-nous dès que vous le recevez."],
        actions: ["action_rent", "action_fsl"],
        words: ["word_jugement", "word_commissaire"],
        sms: "Le jugement va vous être apporté. Appelez-nous dès que vous le recevez.",
      };
    case "JUDGMENT":
      return {
        where: [`Le juge a rendu son jugement le ${formatDay(d.judgmentOn!)}.`],
        next: [
          "Si le jugement met fin au bail, le commissaire de justice peut vous apporter un commandement de quitter les lieux.",
          "Après ce commandement, il faut encore au moins 2 mois avant une expulsion.",
        ],
        actions: ["action_rent", "action_jex", "action_rehousing"],
        words: ["word_jugement", "word_cql", "word_jex"],
        sms: "Jugement rendu. Appelez-nous pour savoir ce qu'il dit et ce que vous pouvez faire.",
      };
    case "CQL":
    case "FORCE_PUBLIQUE": {
      const next: string[] = [];
      if (d.truceEndsOn) next.push(`C'est la trêve hivernale jusqu'au ${formatDay(d.truceEndsOn)} : personne ne peut être expulsé avant.`);
      else if (d.expulsionMovedByTruce) next.push("La trêve hivernale (1er novembre au 31 mars) repousse la date.");
      if (d.expulsionPossibleFrom) {
        const started = !isBeforeDay(today, d.expulsionPossibleFrom);
        next.push(started ? `L'expulsion est possible depuis le ${formatDay(d.expulsionPossibleFrom)}.` : `L'expulsion est possible ${from(d.expulsionPossibleFrom)}.`);
      }
      if (d.jexDelay) next.push("Cette date tient compte du délai accordé par le juge de l'exécution.");
      next.push(
        d.stage === "FORCE_PUBLIQUE"
          ? "Le propriétaire a demandé au préfet l'aide de la police. Le préfet n'a pas forcément répondu."
          : "Pour cela, le préfet doit encore autoriser la police (concours de la force publique).",
      );
      return {
        where: [`Vous avez reçu un commandement de quitter les lieux le ${formatDay(d.cqlOn!)}.`],
        next,
        actions: ["action_jex", "action_rehousing", "action_rent"],
        words: ["word_cql", "word_jex", "word_treve", "word_cfp"],
        sms: d.expulsionPossibleFrom
          ? `Expulsion possible ${from(d.expulsionPossibleFrom)}${d.truceEndsOn ? ` (trêve jusqu'au ${formatDay(d.truceEndsOn)})` : ""}. Demandez des délais au JEX.`
          : "Commandement de quitter les lieux reçu. Demandez des délais au JEX.",
      };
    }
    case "EVICTED":
      return {
        where: ["L'expulsion a eu lieu."],
        next: ["Appelez-nous : nous cherchons une solution d'hébergement avec vous. Le 115 répond jour et nuit."],
        actions: ["action_rehousing"],
        words: [],
        sms: "Appelez-nous : nous cherchons une solution d'hébergement avec vous. Le 115 répond jour et nuit.",
      };
  }
}

function contactLine(c: SheetContact): string {
  return [c.name, c.phone ? `tél. ${c.phone}` : null, c.email ? `e-mail ${c.email}` : null, c.hours ?? null].filter(Boolean).join(" — ");
}

/** The sheet for the household on `today`. */
export function composeHouseholdSheet(input: SheetInput, today: Date): HouseholdSheet {
  const hotline = input.hotline ?? DEFAULT_HOTLINE;
  const text = stageText(input.dates, input.courtName, today);
  const b = input.blocks;
  const call = [`Notre équipe : ${contactLine(input.team)}`];
  if (input.adil) call.push(`L'ADIL (conseil juridique gratuit) : ${contactLine(input.adil)}`);
  call.push(`${hotline.name} : ${contactLine({ ...hotline, name: "" }).replace(/^ — /, "")}`);
  const sections: SheetSection[] = [
    { heading: "Où en est la procédure", paragraphs: text.where },
    { heading: "Ce qui va se passer ensuite", paragraphs: text.next },
    { heading: "Ce que vous pouvez faire maintenant", paragraphs: text.actions.map((k) => `- ${b[k]}`) },
  ];
  if (text.words.length) sections.push({ heading: "Les mots que vous allez entendre", paragraphs: text.words.map((k) => `- ${b[k]}`) });
  sections.push({ heading: "Qui appeler", paragraphs: [...call.map((l) => `- ${l}`), "", b.closing] });
  return {
    title: "Ce qui va se passer",
    dateLine: `Fiche préparée le ${formatDayLong(today)} par ${input.team.name}.`,
    intro: b.intro,
    sections,
    sms: smsText(text.sms, input.team, hotline),
    footer: `Modèle version ${input.templateVersion} — les dates suivent la loi ; demandez-nous en cas de doute.`,
  };
}

/** One SMS: the stage sentence, then who to call, shortened to fit. */
function smsText(first: string, team: SheetContact, hotline: SheetContact): string {
  const candidates = [
    team.phone ? `${first} Appelez-nous au ${team.phone}.` : null,
    hotline.phone ? `${first} Aide gratuite : ${hotline.phone}.` : null,
    first,
  ].filter((s): s is string => !!s);
  return candidates.find((s) => s.length <= SMS_MAX_LENGTH) ?? `${first.slice(0, SMS_MAX_LENGTH - 1)}…`;
}

/** The sheet as plain text (e-mail, tests). */
export function sheetAsText(sheet: HouseholdSheet): string {
  return [sheet.title, sheet.dateLine, "", sheet.intro, ...sheet.sections.flatMap((s) => ["", s.heading, ...s.paragraphs]), "", sheet.footer].join("\n");
}

export type { SheetStage };
