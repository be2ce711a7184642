import "server-only";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describeDebtCheck } from "@/lib/domain/hearing/ledger";
import { formatMonthTitle } from "@/lib/domain/hearing/month";
import { rentResumption, type RepaymentPlan } from "@/lib/domain/hearing/repayment-plan";
import { HEARING_REQUEST_KINDS, HEARING_REQUEST_LABELS, HEARING_REQUEST_STATUS_LABELS } from "@/lib/domain/hearing/requests";
import { JUDGMENT_DECISION_LABELS, LANDLORD_KIND_LABELS, OCCUPANT_ROLE_LABELS, PROCEDURE_STAGE_LABELS } from "@/lib/domain/labels";
import type { HearingFile } from "@/lib/server/queries/get-hearing-file";
import { formatDay, formatDayLong } from "@/lib/utils/dates";
import { formatCents } from "@/lib/utils/money";
import { spellOutFirstUse, type Abbreviation } from "@/lib/domain/abbreviations";
import { CONTENT_WIDTH, MUTED, Writer } from "@/lib/server/pdf/page-writer";

/**
 * The printable "dossier d'audience" (issue 4): what a judge reads about the
 * household, the lease, the procedure, the debt check with the month-by-month
 * ledger, whether the current rent has been resumed, the proposed repayment
 * plan and the requests. French, A4, drawn with pdf-lib's standard Helvetica
 * (WinAnsi encoding: French accents, « », œ and € are covered; see
 * docs/decisions/007-pdf.md).
 */

const yesNo = (value: boolean | null, yes: string, no: string) => (value === null ? null : value ? yes : no);

function occupantLine(o: HearingFile["household"]["occupants"][number]): string {
  const role = o.isChild ? "enfant" : OCCUPANT_ROLE_LABELS[o.role].toLowerCase();
  return `${o.firstName} ${o.lastName.toUpperCase()} (${role}${o.birthYear ? `, né(e) en ${o.birthYear}` : ""})`;
}

function procedureLine(e: HearingFile["procedure"]["events"][number], seen: Set<Abbreviation>): string {
  const parts = [`${formatDay(e.date)} — ${spellOutFirstUse(PROCEDURE_STAGE_LABELS[e.stage], seen)}`];
  if (e.reference) parts.push(`réf. ${e.reference}`);
  if (e.courtName) parts.push(e.courtName);
  const presence = [yesNo(e.householdPresent, "ménage présent", "ménage absent"), yesNo(e.juristPresent, "avec la juriste de l'équipe", "sans la juriste de l'équipe")].filter(Boolean);
  if (presence.length) parts.push(presence.join(", "));
  if (e.decision) parts.push(`décision : ${JUDGMENT_DECISION_LABELS[e.decision as keyof typeof JUDGMENT_DECISION_LABELS] ?? e.decision}`);
  if (e.stage === "JEX_DELAY" && e.delayEndsOn) parts.push(`délai jusqu'au ${formatDay(e.delayEndsOn)}${e.delayMonths ? ` (${e.delayMonths} mois à compter de la décision)` : ""}`);
  else if (e.delayMonths) parts.push(`${e.delayMonths} mois accordés`);
  return parts.join(" · ");
}

/** An annex line of the list ("Pièce n° 3 : décompte du bailleur du 22/06/2026") and, when it is not in the bundle, why. */
export interface AnnexListLine {
  line: string;
  remark?: string;
}

/**
 * The PDF of a case's hearing file; `plan` is the simulation the jurist ran,
 * if any; `annexes` the documents she chose (issue 19), listed as numbered
 * pieces (lib/server/pdf/hearing-bundle.ts appends the documents themselves).
 */
export async function renderHearingFilePdf(
  file: HearingFile,
  plan: RepaymentPlan | null,
  now: Date,
  annexes: { lines: readonly AnnexListLine[]; appended: boolean } = { lines: [], appended: false },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const title = `Dossier d'audience — ${file.household.displayName} — dossier n° ${file.number}`;
  doc.setTitle(title.replace(/[\u202f\u00a0]/g, " "), { showInWindowTitleBar: true });
  doc.setLanguage("fr-FR");
  doc.setAuthor(file.teamName);
  doc.setCreator("Maintien");
  doc.setProducer("Maintien");
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));

  w.title("Dossier d'audience");
  w.paragraph(`${file.household.displayName} — dossier n° ${file.number}`, { size: 13, bold: true });
  const by = [`Établi le ${formatDayLong(file.today)} par ${file.teamName}`, file.juristName ? `juriste : ${file.juristName}` : null, file.workerName ? `travailleur social : ${file.workerName}` : null];
  w.paragraph(`${by.filter(Boolean).join(" ; ")}.`, { color: MUTED });

  w.heading("Ménage");
  w.facts([
    ["Composition", file.household.occupants.length ? file.household.occupants.map(occupantLine).join(" ; ") : "Non renseignée"],
    ["Nombre de personnes", String(file.household.occupants.length)],
    ["Adresse du logement", file.household.address],
  ]);

  w.heading("Bail et bailleur");
  w.facts([
    ["Bailleur", file.landlord ? `${file.landlord.name} (${LANDLORD_KIND_LABELS[file.landlord.kind]})` : "Non renseigné"],
    ...(file.landlord?.address ? [["Adresse du bailleur", file.landlord.address] as [string, string]] : []),
    ["Bail signé le", file.lease?.signedOn ? formatDay(file.lease.signedOn) : "Date inconnue"],
    ["Loyer hors charges", file.lease ? formatCents(file.lease.rentCents) : "Non renseigné"],
    ["Charges", file.lease ? formatCents(file.lease.chargesCents) : "Non renseignées"],
  ]);

  w.heading("Procédure");
  w.facts([
    ["Tribunal", file.procedure.courtName ?? "Non renseigné"],
    ["Référence", file.procedure.reference ?? "Non renseignée"],
    ["Audience", file.procedure.hearingOn ? formatDayLong(file.procedure.hearingOn) : "Pas de date connue"],
  ]);
  // Issue 13: abbreviations spelled out on their first use in the document.
  const seen = new Set<Abbreviation>();
  if (file.procedure.events.length) {
    w.paragraph("Actes enregistrés :", { bold: true });
    for (const e of file.procedure.events) w.paragraph(`• ${procedureLine(e, seen)}`, { indent: 8 });
  }
  // Issue 13: every deadline with both dates where both matter, computed with the team's settings.
  if (file.procedureDeadlines.length) {
    w.paragraph("Délais (calculés selon les articles cités ; un délai expire à la fin de son dernier jour, l'acte est possible le lendemain) :", { bold: true });
    for (const line of file.procedureDeadlines) w.paragraph(`• ${spellOutFirstUse(line, seen)}`, { indent: 8 });
  }

  w.heading("Vérification de la dette");
  const claimed = file.claimedDebt;
  const check = file.debtCheck;
  w.facts([
    ["Dette réclamée", claimed ? `${formatCents(claimed.cents)}${claimed.on ? ` (arrêtée au ${formatDay(claimed.on)})` : ""}` : "Non renseignée"],
    [
      "Dette calculée",
      !file.ledger.rows.length
        ? "Aucun mois saisi au relevé"
        : check?.status === "NOT_COVERED"
          ? "Relevé incomplet pour la période réclamée"
          : `${formatCents(check?.computedDebtCents ?? file.ledger.totals.balanceCents)} (relevé ci-dessous${check?.monthsAfterClaim ? ", jusqu'à la date d'arrêté" : ""})`,
    ],
    ...(check ? [["Écart", describeDebtCheck(check).difference] as [string, string]] : []),
  ]);
  if (check) w.paragraph(describeDebtCheck(check).sentence);
  if (file.ledger.missingMonths.length) {
    w.paragraph(`Attention : mois absents du relevé : ${file.ledger.missingMonths.map((m) => formatMonthTitle(m)).join(", ")}.`, { bold: true });
  }
  if (file.ledger.rows.length) {
    const t = file.ledger.totals;
    w.table(
      [
        { title: "Mois", width: 91, align: "left" },
        { title: "Loyer et charges dus", width: 85, align: "right" },
        { title: "Payé par le ménage", width: 85, align: "right" },
        { title: "Aide au logement versée au bailleur", width: 85, align: "right" },
        { title: "Solde du mois", width: 82, align: "right" },
        { title: "Solde cumulé", width: 83, align: "right" },
      ],
      [
        ...file.ledger.rows.map((r) => ({
          cells: [formatMonthTitle(r.line.month), formatCents(r.dueCents), formatCents(r.line.paidCents), formatCents(r.line.housingBenefitCents), formatCents(r.monthBalanceCents), formatCents(r.runningBalanceCents)],
        })),
        { cells: ["Total", formatCents(t.dueCents), formatCents(t.paidCents), formatCents(t.housingBenefitCents), formatCents(t.balanceCents), formatCents(t.balanceCents)], emphasis: true },
      ],
    );
    const notes = file.ledger.rows.filter((r) => r.line.note);
    for (const r of notes) w.paragraph(`${formatMonthTitle(r.line.month)} : ${r.line.note}`, { size: 9, color: MUTED });
  }

  w.heading("Reprise du loyer courant");
  w.paragraph((plan?.rentResumption ?? rentResumption(file.ledger.rows.map((r) => r.line), file.today)).message);

  w.heading("Plan d'apurement proposé");
  if (!plan) {
    w.paragraph("Aucune simulation n'est jointe à ce dossier.");
  } else {
    const source = file.debtToRepay?.source === "LEDGER" ? "dette calculée d'après le relevé" : "dette réclamée";
    w.facts([
      ["Ressources mensuelles", formatCents(plan.input.monthlyResourcesCents)],
      ["Personnes au foyer", String(plan.input.householdSize)],
      ["Charges mensuelles", formatCents(plan.input.monthlyChargesCents)],
      ["Loyer courant à charge", formatCents(plan.input.currentRentCents)],
      ["Dette à apurer", `${formatCents(plan.input.debtCents)} (${source})`],
      ...(plan.status === "FEASIBLE"
        ? ([
            ["Mensualité proposée", formatCents(plan.monthlyInstalmentCents!)],
            ["Durée", `${plan.months} mois`],
            ["Dernière échéance", formatCents(plan.lastInstalmentCents!)],
          ] as [string, string][])
        : [["Plan", plan.status === "NO_DEBT" ? "Aucune dette à apurer" : "Aucun plan soutenable sur 36 mois au plus"] as [string, string]]),
    ]);
    // Whether the rent has been resumed has its own section just above.
    for (const text of plan.explanation.filter((t) => t !== plan.rentResumption.message)) w.paragraph(text);
  }

  w.heading("Demandes");
  w.table(
    [
      { title: "Demande", width: 150, align: "left" },
      { title: "État", width: 80, align: "left" },
      { title: "Déposée le", width: 70, align: "left" },
      { title: "Décision le", width: 70, align: "left" },
      { title: "Remarque", width: 141, align: "left" },
    ],
    HEARING_REQUEST_KINDS.map((kind) => {
      const r = file.requests[kind];
      return {
        cells: [
          HEARING_REQUEST_LABELS[kind],
          r ? HEARING_REQUEST_STATUS_LABELS[r.status] : "Non préparée",
          r?.filedOn ? formatDay(r.filedOn) : "—",
          r?.decidedOn ? formatDay(r.decidedOn) : "—",
          r?.note ?? "",
        ],
      };
    }),
  );

  if (annexes.lines.length) {
    w.heading("Pièces jointes");
    w.paragraph(annexes.appended ? "Les pièces suivantes sont jointes à la suite de ce dossier, dans cet ordre :" : "Pièces produites à l'appui de ce dossier :");
    for (const a of annexes.lines) w.paragraph(`${a.line}${a.remark ? ` (${a.remark})` : ""}`, { indent: 8 });
  }

  w.footer(`Dossier d'audience · ${file.household.displayName} · dossier n° ${file.number}`);
  return doc.save();
}
