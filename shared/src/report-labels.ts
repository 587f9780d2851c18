import type { FeedbackAnswered, FeedbackChange } from './contracts/feedback.ts';
import type { DELIVERABLES, URGENCIES } from './contracts/interpretation-requests.ts';
import type { ReportSectionId } from './contracts/reports.ts';

/** Words of the report (docs/design.md §12) in Dutch and English: the page, the CSV and the XLSX use these (decision 051). */
export interface ReportLabels {
  sections: Record<ReportSectionId, string>;
  tables: Record<string, string>;
  notes: Record<string, string>;
  columns: Record<string, string>;
  rows: Record<string, string>;
  deliverables: Record<(typeof DELIVERABLES)[number], string>;
  urgencies: Record<(typeof URGENCIES)[number], string>;
  answered: Record<FeedbackAnswered, string>;
  changes: Record<FeedbackChange, string>;
  total: string;
  /** The heading of the column that names the rows. */
  item: string;
  /** What a table without rows says. */
  noRows: string;
  months: readonly string[];
  /** How a hidden figure and a small count read in a file: `×` and `< 5`. */
  hidden: string;
  threshold: (t: number) => string;
}

export const REPORT_LABELS: Record<'nl' | 'en', ReportLabels> = {
  nl: {
    sections: { activities: 'Activiteiten', reach: 'Bereik', results: 'Resultaten', timeliness: 'Tijdigheid', money: 'Geld' },
    tables: {
      flow: 'Verzoeken in de periode',
      'by-month': 'Ontvangen verzoeken per maand en urgentie',
      'by-deliverable': 'Ontvangen verzoeken per gevraagde vorm',
      'by-expertise': 'Ontvangen verzoeken per expertisegebied',
      'hours-by-activity': 'Goedgekeurde uren per activiteit',
      served: 'Bediend',
      regions: 'Bereik per veiligheidsregio',
      answered: 'Is de vraag beantwoord?',
      usefulness: 'Bruikbaarheid van het advies (1–5)',
      changes: 'Wat het advies veranderde',
      'follow-ups': 'Vervolgverzoeken',
      'to-triage': 'Tijd tot triage (werkdagen)',
      'to-assignment': 'Tijd tot toewijzing (werkdagen)',
      'before-meeting': 'Advies vóór de vergaderdatum',
      budget: 'Budget',
      'spent-by-activity': 'Besteed per activiteit',
      'spent-by-specialist': 'Besteed per specialist',
      'spent-by-region': 'Besteed per veiligheidsregio',
      'spent-by-month': 'Besteed en verzoeken per maand',
    },
    notes: {
      flow: 'Aantal verzoeken dat in de periode die stap zette (een verzoek telt één keer per stap).',
      'by-expertise': 'Een verzoek kan meer expertisegebieden vragen; de rijen tellen dus niet op tot het totaal.',
      'hours-by-activity': 'Uren van goedgekeurde regels met een werkdatum in de periode.',
      changes: 'Meer antwoorden per terugkoppeling mogelijk.',
      'follow-ups': 'Ontvangen verzoeken van een casustafel die eerder al een verzoek met dezelfde casusreferentie stuurde.',
      'to-triage': 'Van de eerste indiening tot de eerste beslissing van de coördinator, op de werkdagkalender.',
      'to-assignment': 'Van de eerste indiening tot de eerste toewijzing, op de werkdagkalender.',
      'before-meeting': 'Advies opgeleverd in de periode bij verzoeken met een vergaderdatum.',
      budget: 'Budget en lopende totalen van de jaren in de periode; besteed in de periode telt goedgekeurde regels met een werkdatum in de periode.',
      money: 'Bedragen die uit minder verzoeken komen dan de drempel zijn afgeschermd (×).',
    },
    columns: {
      count: 'Aantal',
      regular: 'Regulier',
      urgent: 'Urgent',
      requests: 'Verzoeken',
      minutes: 'Uren',
      reached: 'Gemeenten bereikt',
      municipalities: 'Gemeenten',
      share: 'Aandeel bereikt (%)',
      cents: 'Bedrag',
      spent: 'Besteed',
    },
    rows: {
      received: 'Ontvangen',
      assigned: 'Toegewezen',
      delivered: 'Advies opgeleverd',
      closed: 'Gesloten',
      declined: 'Afgewezen',
      withdrawn: 'Ingetrokken',
      cancelled: 'Geannuleerd',
      municipalities: 'Gemeenten',
      'case-tables': 'Casustafels',
      regions: 'Veiligheidsregio’s',
      'follow-ups': 'Vervolgverzoeken',
      d1: 'Binnen 1 werkdag',
      d2: '2 werkdagen',
      d5: '3 tot 5 werkdagen',
      dmore: 'Meer dan 5 werkdagen',
      open: 'Nog niet',
      before: 'Vóór de vergaderdatum',
      after: 'Op of na de vergaderdatum',
      allocated: 'Toegekend budget',
      reserved: 'Gereserveerd',
      pending: 'In behandeling',
      spent: 'Besteed (totaal van de jaren)',
      'spent-in-period': 'Besteed in de periode',
      remaining: 'Beschikbaar',
      projection: 'Verwachte besteding tot jaareinde',
    },
    deliverables: {
      'case-table-attendance': 'Aanwezigheid aan tafel',
      'written-advice': 'Schriftelijk advies',
      'professional-consultation': 'Consultatie van een professional',
      coaching: 'Coaching',
    },
    urgencies: { regular: 'Regulier', urgent: 'Urgent' },
    answered: { yes: 'Ja', partly: 'Gedeeltelijk', no: 'Nee' },
    changes: {
      assessment: 'Inschatting van de casus door de tafel',
      intervention: 'Gekozen interventie',
      escalation: 'Opschaling',
      'de-escalation': 'Afschaling',
      'no-change': 'Geen verandering',
      other: 'Anders',
    },
    total: 'Totaal',
    item: 'Onderdeel',
    noRows: 'Geen gegevens in deze periode.',
    months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    hidden: '×',
    threshold: (t) =>
      `Aantallen van 1 tot en met ${t - 1} staan er als “< ${t}”; cijfers waaruit zo’n klein aantal terug te rekenen is staan er als “×” (afscherming kleine aantallen, drempel ${t}).`,
  },
  en: {
    sections: { activities: 'Activities', reach: 'Reach', results: 'Results', timeliness: 'Timeliness', money: 'Money' },
    tables: {
      flow: 'Requests in the period',
      'by-month': 'Requests received by month and urgency',
      'by-deliverable': 'Requests received by deliverable',
      'by-expertise': 'Requests received by expertise area',
      'hours-by-activity': 'Approved hours by activity',
      served: 'Served',
      regions: 'Reach by safety region',
      answered: 'Was the question answered?',
      usefulness: 'Usefulness of the advice (1–5)',
      changes: 'What the advice changed',
      'follow-ups': 'Follow-up requests',
      'to-triage': 'Time to triage (working days)',
      'to-assignment': 'Time to assignment (working days)',
      'before-meeting': 'Advice before the meeting date',
      budget: 'Budget',
      'spent-by-activity': 'Spent by activity',
      'spent-by-specialist': 'Spent by specialist',
      'spent-by-region': 'Spent by safety region',
      'spent-by-month': 'Spent and requests by month',
    },
    notes: {
      flow: 'Requests that took the step in the period (a request counts once per step).',
      'by-expertise': 'A request may ask for several expertise areas, so the rows do not add up to the total.',
      'hours-by-activity': 'Hours of approved entries worked in the period.',
      changes: 'Several answers per feedback possible.',
      'follow-ups': 'Requests received from a case table that sent a request with the same case reference before.',
      'to-triage': 'From the first submission to the coordinator’s first decision, on the working-day calendar.',
      'to-assignment': 'From the first submission to the first assignment, on the working-day calendar.',
      'before-meeting': 'Advice delivered in the period on requests with a meeting date.',
      budget: 'Budget and running totals of the years in the period; spent in the period counts approved entries worked in the period.',
      money: 'Amounts from fewer requests than the threshold are hidden (×).',
    },
    columns: {
      count: 'Number',
      regular: 'Regular',
      urgent: 'Urgent',
      requests: 'Requests',
      minutes: 'Hours',
      reached: 'Municipalities reached',
      municipalities: 'Municipalities',
      share: 'Share reached (%)',
      cents: 'Amount',
      spent: 'Spent',
    },
    rows: {
      received: 'Received',
      assigned: 'Assigned',
      delivered: 'Advice delivered',
      closed: 'Closed',
      declined: 'Declined',
      withdrawn: 'Withdrawn',
      cancelled: 'Cancelled',
      municipalities: 'Municipalities',
      'case-tables': 'Case tables',
      regions: 'Safety regions',
      'follow-ups': 'Follow-up requests',
      d1: 'Within 1 working day',
      d2: '2 working days',
      d5: '3 to 5 working days',
      dmore: 'More than 5 working days',
      open: 'Not yet',
      before: 'Before the meeting date',
      after: 'On or after the meeting date',
      allocated: 'Budget allocated',
      reserved: 'Reserved',
      pending: 'Pending',
      spent: 'Spent (total of the years)',
      'spent-in-period': 'Spent in the period',
      remaining: 'Available',
      projection: 'Projected spending to year end',
    },
    deliverables: {
      'case-table-attendance': 'Attendance at the table',
      'written-advice': 'Written advice',
      'professional-consultation': 'Consultation of a professional',
      coaching: 'Coaching',
    },
    urgencies: { regular: 'Regular', urgent: 'Urgent' },
    answered: { yes: 'Yes', partly: 'Partly', no: 'No' },
    changes: {
      assessment: 'The table’s assessment of the case',
      intervention: 'The intervention chosen',
      escalation: 'Escalation',
      'de-escalation': 'De-escalation',
      'no-change': 'No change',
      other: 'Other',
    },
    total: 'Total',
    item: 'Item',
    noRows: 'No data in this period.',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    hidden: '×',
    threshold: (t) =>
      `Counts from 1 to ${t - 1} are shown as “< ${t}”; figures from which such a small count could be worked out are shown as “×” (small-cell suppression, threshold ${t}).`,
  },
};
