// Mail templates: one accessible layout (react-email) and, per event, short texts in
// Dutch and English. A template sees only the pool reference, the link and the typed parameters
// below — never a request's question, context, case reference or advice (docs/design.md §6).
import type { ClockKind, NotificationEvent } from '@duidingspool/shared';
import type { MailView } from './mail-layout.tsx';

export type MailLanguage = 'nl' | 'en';

/** Non-case parameters some templates use; stored in `notifications.params`. */
export interface MailParams {
  /** budget-threshold-crossed: the budget year and the crossed threshold in whole percent. */
  year?: number;
  thresholdPercent?: number;
  /** budget-threshold-crossed of one budget line: the line's name (decision 094). */
  lineName?: string;
  /** triage-reminder: the request's urgency. */
  urgency?: 'regular' | 'urgent';
  /** service-level-overdue: which clock ran out (decision 102). */
  clock?: ClockKind;
  /** screening-expiring: the specialist's name and the screening's last valid day (YYYY-MM-DD). */
  specialistName?: string;
  validUntil?: string;
  /** digest: the notifications it carries. */
  items?: { event: NotificationEvent; reference: string | null; link: string }[];
}

/** The clocks by name, for the escalation mail (no case content: only which clock ran out). */
const CLOCK_NL: Record<ClockKind, string> = { triage: 'triage', 'proposal-answer': 'het antwoord van de specialist', advice: 'het advies' };
const CLOCK_EN: Record<ClockKind, string> = { triage: 'triage', 'proposal-answer': 'the specialist’s answer', advice: 'the advice' };

/** What a template is rendered from. */
export interface MailInput {
  event: NotificationEvent;
  language: MailLanguage;
  /** Pool reference (`DP-2019-0007`) or null. */
  reference: string | null;
  /** Absolute link into the app. */
  link: string;
  /** The recipient's display name (already sanitised for headers; React escapes it in HTML). */
  recipientName: string;
  params: MailParams;
}

/** A rendered mail. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

interface EventText {
  subject: (ref: string, p: MailParams) => string;
  /** What happened, in one or two sentences. */
  body: (ref: string, p: MailParams) => string;
  action: string;
}

const nl: Record<NotificationEvent, EventText> = {
  'request-submitted': {
    subject: (r) => `Nieuw duidingsverzoek ${r}`,
    body: (r) => `Duidingsverzoek ${r} is ingediend en wacht op triage.`,
    action: 'Verzoek bekijken',
  },
  'request-needs-information': {
    subject: (r) => `Aanvullende informatie gevraagd bij ${r}`,
    body: (r) => `De coördinator vraagt aanvullende informatie bij duidingsverzoek ${r}.`,
    action: 'Verzoek aanvullen',
  },
  'request-declined': {
    subject: (r) => `Duidingsverzoek ${r} is afgewezen`,
    body: (r) => `De coördinator heeft duidingsverzoek ${r} afgewezen. In de Duidingspool leest u de toelichting.`,
    action: 'Verzoek bekijken',
  },
  'request-closed': {
    subject: (r) => `Duidingsverzoek ${r} is afgesloten`,
    body: (r) => `Duidingsverzoek ${r} is afgesloten. Uw inzet hierop is beëindigd.`,
    action: 'Verzoek bekijken',
  },
  'request-reopened': {
    subject: (r) => `${r} is heropend`,
    body: (r) => `Duidingsverzoek ${r} is heropend.`,
    action: 'Verzoek bekijken',
  },
  'request-cancelled': {
    subject: (r) => `Duidingsverzoek ${r} is geannuleerd`,
    body: (r) => `De coördinator heeft duidingsverzoek ${r} geannuleerd. Een lopende inzet is daarmee beëindigd. In de Duidingspool leest u de toelichting.`,
    action: 'Verzoek bekijken',
  },
  'assignment-proposed': {
    subject: (r) => `U bent voorgesteld voor ${r}`,
    body: (r) => `De coördinator stelt u voor als duidingsspecialist bij ${r}. Wilt u de inzet aannemen of afwijzen?`,
    action: 'Inzet bekijken',
  },
  'assignment-accepted': {
    subject: (r) => `Een specialist heeft ${r} aangenomen`,
    body: (r) => `Een duidingsspecialist heeft de inzet bij duidingsverzoek ${r} aangenomen en gaat aan de slag.`,
    action: 'Verzoek bekijken',
  },
  'assignment-declined': {
    subject: (r) => `Inzet voor ${r} is afgewezen`,
    body: (r) => `De voorgestelde specialist heeft de inzet bij ${r} afgewezen. Het verzoek staat weer klaar voor triage.`,
    action: 'Verzoek bekijken',
  },
  'assignment-withdrawn': {
    subject: (r) => `Voorstel voor ${r} ingetrokken`,
    body: (r) => `De voorgestelde specialist bij ${r} is niet meer actief in de pool. Het voorstel is ingetrokken en het verzoek staat weer klaar voor triage.`,
    action: 'Verzoek bekijken',
  },
  'assignment-specialist-inactive': {
    subject: (r) => `Specialist bij ${r} is niet meer actief`,
    body: (r) =>
      `De specialist die de inzet bij ${r} heeft aangenomen, is niet meer actief in de pool. Beëindig de inzet en wijs zo nodig een andere specialist toe.`,
    action: 'Verzoek bekijken',
  },
  'assignment-ended': {
    subject: (r) => `Uw inzet bij ${r} is beëindigd`,
    body: (r) => `De coördinator heeft uw inzet bij ${r} beëindigd. Geschreven uren blijven staan. In de Duidingspool leest u de reden.`,
    action: 'Inzet bekijken',
  },
  'time-entry-submitted': {
    subject: (r) => `Uren geschreven bij ${r}`,
    body: (r) => `De duidingsspecialist heeft uren geschreven bij ${r}. Ze wachten op uw goedkeuring.`,
    action: 'Uren goedkeuren',
  },
  'time-entry-rejected': {
    subject: (r) => `Uren bij ${r} zijn afgekeurd`,
    body: (r) => `De coördinator heeft geschreven uren bij ${r} afgekeurd. In de Duidingspool leest u de reden.`,
    action: 'Uren bekijken',
  },
  'advice-delivered': {
    subject: (r) => `Advies opgeleverd voor ${r}`,
    body: (r) => `De duidingsspecialist heeft het advies bij duidingsverzoek ${r} opgeleverd.`,
    action: 'Advies lezen',
  },
  'advice-corrected': {
    subject: (r) => `Advies gecorrigeerd voor ${r}`,
    body: (r) =>
      `De duidingsspecialist heeft het opgeleverde advies bij duidingsverzoek ${r} gecorrigeerd. In de Duidingspool leest u de nieuwe versie en de reden.`,
    action: 'Advies lezen',
  },
  'budget-threshold-crossed': {
    subject: (_r, p) => `Budget ${p.year ?? ''}${p.lineName ? `, regel ${p.lineName}` : ''}: ${p.thresholdPercent ?? ''}% in gebruik`,
    body: (_r, p) =>
      `Van ${p.lineName ? `de budgetregel ${p.lineName} van ` : ''}het budget ${p.year ?? ''} is nu ${p.thresholdPercent ?? ''}% of meer gereserveerd, in behandeling of besteed.`,
    action: 'Budget bekijken',
  },
  'message-posted': {
    subject: (r) => `Nieuw bericht bij ${r}`,
    body: (r) => `Er is een nieuw bericht bij duidingsverzoek ${r}. U leest het in de Duidingspool.`,
    action: 'Bericht lezen',
  },
  'extension-requested': {
    subject: (r) => `Verzoek om meer uren voor ${r}`,
    body: (r) => `De duidingsspecialist bij ${r} vraagt om meer uren. In de Duidingspool leest u de toelichting en beslist u.`,
    action: 'Verzoek om uren bekijken',
  },
  'extension-granted': {
    subject: (r) => `Meer uren toegekend voor ${r}`,
    body: (r) => `De coördinator heeft uw verzoek om meer uren bij ${r} toegekend.`,
    action: 'Inzet bekijken',
  },
  'extension-refused': {
    subject: (r) => `Verzoek om meer uren voor ${r} is geweigerd`,
    body: (r) => `De coördinator heeft uw verzoek om meer uren bij ${r} geweigerd. In de Duidingspool leest u de reden.`,
    action: 'Inzet bekijken',
  },
  'triage-reminder': {
    subject: (r) => `Herinnering: ${r} wacht op triage`,
    body: (r, p) =>
      `Duidingsverzoek ${r} ${p.urgency === 'urgent' ? '(urgent) ' : ''}wacht langer dan ${p.urgency === 'urgent' ? 'één werkdag' : 'twee werkdagen'} op triage.`,
    action: 'Naar de triage',
  },
  'service-level-overdue': {
    subject: (r, p) => `Termijn verlopen: ${r} (${CLOCK_NL[p.clock ?? 'triage']})`,
    body: (r, p) => `Bij duidingsverzoek ${r} is de termijn voor ${CLOCK_NL[p.clock ?? 'triage']} verstreken.`,
    action: 'Verzoek bekijken',
  },
  'screening-expiring': {
    subject: (_r, p) => `Screening (VOG) verloopt op ${p.validUntil ?? ''}`,
    body: (_r, p) =>
      `De screening (VOG) van ${p.specialistName ?? 'een specialist'} is geldig tot en met ${p.validUntil ?? ''}. Daarna kan deze specialist niet meer worden ingezet tot er een nieuwe screeningsdatum is vastgelegd.`,
    action: 'Profiel bekijken',
  },
  'feedback-reminder': {
    subject: (r) => `Terugkoppeling op ${r}`,
    body: (r) =>
      `U heeft duidingsverzoek ${r} gesloten. Wilt u in de Duidingspool nog laten weten of de vraag is beantwoord en wat het advies heeft veranderd? Dat kost een minuut en helpt de pool verantwoorden.`,
    action: 'Terugkoppeling geven',
  },
  'offer-made': {
    subject: () => 'Nieuw aanbod van de Duidingspool',
    body: () =>
      'De coördinator van de Duidingspool biedt uw casustafel of gemeente iets aan, zoals een training, een informatiesessie of een specialist aan tafel. Bekijk het aanbod in de Duidingspool en neem het aan of wijs het af.',
    action: 'Aanbod bekijken',
  },
  'offer-declined': {
    subject: () => 'Aanbod afgewezen',
    body: () => 'Een casustafel of gemeente heeft een aanbod van de Duidingspool afgewezen. Het aanbod en een eventuele reden staan in de Duidingspool.',
    action: 'Aanbod bekijken',
  },
  invitation: {
    subject: () => 'Uitnodiging voor de Duidingspool Oost-Nederland',
    body: () => 'U bent uitgenodigd voor de Duidingspool Oost-Nederland. Kies via de link een wachtwoord om uw account te activeren.',
    action: 'Account activeren',
  },
  'password-reset': {
    subject: () => 'Wachtwoord opnieuw instellen',
    body: () => 'Er is gevraagd uw wachtwoord voor de Duidingspool opnieuw in te stellen. Was u dat niet? Dan kunt u dit bericht negeren.',
    action: 'Nieuw wachtwoord kiezen',
  },
  digest: {
    subject: (_r, p) => `Dagoverzicht Duidingspool: ${p.items?.length ?? 0} ${p.items?.length === 1 ? 'melding' : 'meldingen'}`,
    body: () => 'Dit zijn de meldingen van de afgelopen periode.',
    action: 'Naar de Duidingspool',
  },
};

const en: Record<NotificationEvent, EventText> = {
  'request-submitted': {
    subject: (r) => `New interpretation request ${r}`,
    body: (r) => `Interpretation request ${r} has been submitted and awaits triage.`,
    action: 'View request',
  },
  'request-needs-information': {
    subject: (r) => `More information requested for ${r}`,
    body: (r) => `The coordinator asks for more information on interpretation request ${r}.`,
    action: 'Complete request',
  },
  'request-declined': {
    subject: (r) => `Interpretation request ${r} was declined`,
    body: (r) => `The coordinator declined interpretation request ${r}. The reason is in the Duidingspool.`,
    action: 'View request',
  },
  'request-closed': {
    subject: (r) => `Interpretation request ${r} is closed`,
    body: (r) => `Interpretation request ${r} has been closed. Your assignment on it has ended.`,
    action: 'View request',
  },
  'request-reopened': {
    subject: (r) => `${r} has been reopened`,
    body: (r) => `Interpretation request ${r} has been reopened.`,
    action: 'View request',
  },
  'request-cancelled': {
    subject: (r) => `Interpretation request ${r} was cancelled`,
    body: (r) => `The coordinator cancelled interpretation request ${r}. Any assignment on it has ended. The reason is in the Duidingspool.`,
    action: 'View request',
  },
  'assignment-proposed': {
    subject: (r) => `You have been proposed for ${r}`,
    body: (r) => `The coordinator proposes you as specialist on ${r}. Will you accept or decline the assignment?`,
    action: 'View assignment',
  },
  'assignment-accepted': {
    subject: (r) => `A specialist accepted ${r}`,
    body: (r) => `A specialist accepted the assignment on interpretation request ${r} and is starting work.`,
    action: 'View request',
  },
  'assignment-declined': {
    subject: (r) => `Assignment for ${r} was declined`,
    body: (r) => `The proposed specialist declined the assignment on ${r}. The request is back in triage.`,
    action: 'View request',
  },
  'assignment-withdrawn': {
    subject: (r) => `Proposal for ${r} withdrawn`,
    body: (r) => `The specialist proposed for ${r} is no longer active in the pool. The proposal was withdrawn and the request is back in triage.`,
    action: 'View request',
  },
  'assignment-specialist-inactive': {
    subject: (r) => `Specialist on ${r} is no longer active`,
    body: (r) =>
      `The specialist who accepted the assignment on ${r} is no longer active in the pool. End the assignment and assign another specialist if needed.`,
    action: 'View request',
  },
  'assignment-ended': {
    subject: (r) => `Your assignment on ${r} was ended`,
    body: (r) => `The coordinator ended your assignment on ${r}. Logged hours stay. The reason is in the Duidingspool.`,
    action: 'View assignment',
  },
  'time-entry-submitted': {
    subject: (r) => `Hours logged on ${r}`,
    body: (r) => `The specialist logged hours on ${r}. They await your approval.`,
    action: 'Approve hours',
  },
  'time-entry-rejected': {
    subject: (r) => `Hours on ${r} were rejected`,
    body: (r) => `The coordinator rejected hours logged on ${r}. The reason is in the Duidingspool.`,
    action: 'View hours',
  },
  'advice-delivered': {
    subject: (r) => `Advice delivered for ${r}`,
    body: (r) => `The specialist delivered the advice on interpretation request ${r}.`,
    action: 'Read advice',
  },
  'advice-corrected': {
    subject: (r) => `Advice corrected for ${r}`,
    body: (r) => `The specialist corrected the advice delivered on interpretation request ${r}. The new version and the reason are in the Duidingspool.`,
    action: 'Read advice',
  },
  'budget-threshold-crossed': {
    subject: (_r, p) => `Budget ${p.year ?? ''}${p.lineName ? `, line ${p.lineName}` : ''}: ${p.thresholdPercent ?? ''}% in use`,
    body: (_r, p) =>
      `${p.thresholdPercent ?? ''}% or more of the ${p.year ?? ''} budget${p.lineName ? ` line ${p.lineName}` : ''} is now reserved, pending or spent.`,
    action: 'View budget',
  },
  'message-posted': {
    subject: (r) => `New message on ${r}`,
    body: (r) => `There is a new message on interpretation request ${r}. You can read it in the Duidingspool.`,
    action: 'Read message',
  },
  'extension-requested': {
    subject: (r) => `Request for more hours on ${r}`,
    body: (r) => `The specialist on ${r} asks for more hours. The reason is in the Duidingspool, where you decide.`,
    action: 'View the request for hours',
  },
  'extension-granted': {
    subject: (r) => `More hours granted on ${r}`,
    body: (r) => `The coordinator granted your request for more hours on ${r}.`,
    action: 'View assignment',
  },
  'extension-refused': {
    subject: (r) => `Request for more hours on ${r} was refused`,
    body: (r) => `The coordinator refused your request for more hours on ${r}. The reason is in the Duidingspool.`,
    action: 'View assignment',
  },
  'triage-reminder': {
    subject: (r) => `Reminder: ${r} awaits triage`,
    body: (r, p) =>
      `Interpretation request ${r} ${p.urgency === 'urgent' ? '(urgent) ' : ''}has waited more than ${p.urgency === 'urgent' ? 'one working day' : 'two working days'} for triage.`,
    action: 'Go to triage',
  },
  'service-level-overdue': {
    subject: (r, p) => `Deadline passed: ${r} (${CLOCK_EN[p.clock ?? 'triage']})`,
    body: (r, p) => `On interpretation request ${r} the deadline for ${CLOCK_EN[p.clock ?? 'triage']} has passed.`,
    action: 'View request',
  },
  'screening-expiring': {
    subject: (_r, p) => `Screening (VOG) expires on ${p.validUntil ?? ''}`,
    body: (_r, p) =>
      `The screening (VOG) of ${p.specialistName ?? 'a specialist'} is valid through ${p.validUntil ?? ''}. After that this specialist cannot be assigned until a new screening date is recorded.`,
    action: 'View profile',
  },
  'feedback-reminder': {
    subject: (r) => `Feedback on ${r}`,
    body: (r) =>
      `You closed interpretation request ${r}. Would you let the Duidingspool know whether the question was answered and what the advice changed? It takes a minute and helps the pool account for its work.`,
    action: 'Give feedback',
  },
  'offer-made': {
    subject: () => 'New offer from the Duidingspool',
    body: () =>
      'The coordinator of the Duidingspool offers your case table or municipality something, such as a training, an information session or a specialist at the table. View the offer in the Duidingspool and accept or decline it.',
    action: 'View offer',
  },
  'offer-declined': {
    subject: () => 'Offer declined',
    body: () => 'A case table or municipality declined an offer of the Duidingspool. The offer and any reason given are in the Duidingspool.',
    action: 'View offer',
  },
  invitation: {
    subject: () => 'Invitation to the Duidingspool Oost-Nederland',
    body: () => 'You have been invited to the Duidingspool Oost-Nederland. Follow the link to choose a password and activate your account.',
    action: 'Activate account',
  },
  'password-reset': {
    subject: () => 'Reset your password',
    body: () => 'Someone asked to reset your Duidingspool password. If that was not you, you can ignore this message.',
    action: 'Choose a new password',
  },
  digest: {
    subject: (_r, p) => `Duidingspool daily digest: ${p.items?.length ?? 0} ${p.items?.length === 1 ? 'notification' : 'notifications'}`,
    body: () => 'These are the notifications of the past period.',
    action: 'Go to the Duidingspool',
  },
};

const common = {
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    footer: 'Deze e-mail bevat bewust geen inhoud van de casus. U leest alles na inloggen in de Duidingspool.',
    sender: 'Duidingspool & Expertisecentrum Oost-Nederland',
    preferences: 'Uw meldingsvoorkeuren wijzigt u in de Duidingspool onder Meldingen.',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    footer: 'This e-mail deliberately contains no case content. Sign in to the Duidingspool to read everything.',
    sender: 'Duidingspool & Expertisecentrum Oost-Nederland',
    preferences: 'You can change your notification preferences in the Duidingspool under Notifications.',
  },
};

const TEXTS = { nl, en };

/** The subject of a mail (one line, no line breaks). */
export function mailSubject(input: Pick<MailInput, 'event' | 'language' | 'reference' | 'params'>): string {
  return `[Duidingspool] ${TEXTS[input.language][input.event].subject(input.reference ?? '', input.params)}`.replace(/[\r\n]+/g, ' ');
}

/**
 * What the HTML layout shows of one mail, every text already in the recipient's language: built
 * here, rendered by `mail-layout.tsx`, which is loaded on the first mail only (decision 074).
 */
function mailView(input: MailInput, subject: string): MailView {
  const t = TEXTS[input.language][input.event];
  const c = common[input.language];
  const ref = input.reference ?? '';
  return {
    language: input.language,
    subject,
    preview: t.body(ref, input.params),
    heading: t.subject(ref, input.params),
    greeting: c.greeting(input.recipientName),
    body: t.body(ref, input.params),
    items:
      input.event === 'digest' && input.params.items
        ? input.params.items.map((item) => ({ label: TEXTS[input.language][item.event].subject(item.reference ?? '', {}), link: item.link }))
        : null,
    action: t.action,
    link: input.link,
    footer: c.footer,
    preferences: c.preferences,
    sender: c.sender,
  };
}

function plainText(input: MailInput): string {
  const t = TEXTS[input.language][input.event];
  const c = common[input.language];
  const ref = input.reference ?? '';
  const lines = [c.greeting(input.recipientName), '', t.body(ref, input.params), ''];
  if (input.event === 'digest' && input.params.items) {
    for (const item of input.params.items) lines.push(`- ${TEXTS[input.language][item.event].subject(item.reference ?? '', {})}: ${item.link}`);
    lines.push('');
  }
  lines.push(`${t.action}: ${input.link}`, '', '--', c.footer, c.preferences, c.sender);
  return `${lines.join('\n')}\n`;
}

/**
 * Renders a notification as subject, accessible HTML (react-email) and plain text in the
 * recipient's language. Only the reference, the link, the recipient's name and `params` reach the
 * output (docs/design.md §6).
 */
export async function renderMail(input: MailInput): Promise<RenderedMail> {
  const subject = mailSubject(input);
  // The layout and react-email (~30 MiB once loaded) are imported on the first mail, not at start
  // (decision 074): without SMTP_URL no mail is rendered at all.
  const { renderMailHtml } = await import('./mail-layout.tsx');
  const html = await renderMailHtml(mailView(input, subject));
  return { subject, html, text: plainText(input) };
}

/** Sample values for previewing a template (Mail preview page). */
export function sampleMailInput(event: NotificationEvent, language: MailLanguage, publicUrl: string): MailInput {
  const link = `${publicUrl}/requests/00000000-0000-4000-8000-000000000007`;
  return {
    event,
    language,
    reference: ['invitation', 'password-reset', 'digest', 'budget-threshold-crossed', 'screening-expiring', 'offer-made', 'offer-declined'].includes(event)
      ? null
      : 'DP-2019-0007',
    link: event === 'budget-threshold-crossed' ? `${publicUrl}/budget` : event.startsWith('offer-') ? `${publicUrl}/offers` : link,
    recipientName: language === 'nl' ? 'Voorbeeldgebruiker' : 'Sample user',
    params: {
      year: 2019,
      thresholdPercent: 75,
      urgency: 'urgent',
      clock: 'advice',
      specialistName: language === 'nl' ? 'Voorbeeldspecialist' : 'Sample specialist',
      validUntil: '2019-12-31',
      items:
        event === 'digest'
          ? [
              { event: 'request-submitted', reference: 'DP-2019-0007', link },
              { event: 'assignment-declined', reference: 'DP-2019-0005', link },
            ]
          : undefined,
    },
  };
}
