import type { Translations } from '../platform/i18n.ts';
import type { ItemStatus } from './status.ts';

type EventView = {
  fromStatus: string | null;
  toStatus: ItemStatus;
  actorKind: string;
  reasonCode: string | null;
};

const eventLine =
  (words: { sent: string; by: Record<string, string>; confirmed: string }) =>
  (event: EventView, labels: Record<ItemStatus, string>) => {
    if (event.reasonCode === 'participation_confirmed') return words.confirmed;
    if (event.fromStatus === null) return words.sent;
    return `${labels[event.toStatus]} (${words.by[event.actorKind] ?? event.actorKind})`;
  };

export const caseloadMessages = {
  nl: {
    title: 'Mijn caseload',
    intro: (org: string) =>
      `De aanvragen die jij voor gezinnen hebt gedaan namens ${org}. De nieuwste staat bovenaan.`,
    newApplication: 'Nieuwe aanvraag voor een gezin',
    drafts: 'Nog niet verstuurd',
    draft: (date: string, municipality: string | null) =>
      `Concept, laatst bewaard ${date}${municipality ? ` (${municipality})` : ''}: verder invullen`,
    draftGone: 'Dit concept is er niet meer: het is al verstuurd of verlopen.',
    applications: 'Aanvragen',
    none: 'Je hebt nog geen aanvragen gedaan.',
    waitingSummary: (n: number) =>
      n === 1 ? 'Bij 1 aanvraag is informatie gevraagd.' : `Bij ${n} aanvragen is informatie gevraagd.`,
    waiting: 'Er is informatie gevraagd: beantwoord de vraag.',
    sent: (date: string, municipality: string) => `Verstuurd ${date} · ${municipality}`,
    erasedName: '(gegevens gewist)',
    back: 'Terug naar mijn caseload',
    applicationTitle: (reference: string) => `Aanvraag ${reference}`,
    status: 'Status',
    question: 'Vraag van de behandelaar:',
    answer: 'Jouw antwoord',
    answerHint: 'Schrijf het antwoord van het gezin. Hoogstens 2000 tekens.',
    answerRequired: 'Schrijf een antwoord op de vraag.',
    answerTooLong: 'Dit antwoord is te lang: hoogstens 2000 tekens.',
    sendAnswer: 'Antwoord versturen',
    history: 'Geschiedenis',
    withdraw: 'Aanvraag intrekken',
    confirm: 'Bevestigen dat het kind meedoet',
    participationConfirmed: (date: string) => `deelname bevestigd ${date}`,
    notAllowed: 'Dit kan niet meer: de status is intussen veranderd. Bekijk de status hieronder.',
    notDelivered: 'Deelname bevestig je pas als de voorziening is geleverd.',
    alreadyConfirmed: 'De deelname is al bevestigd.',
    eventLine: eventLine({
      sent: 'Aanvraag verstuurd',
      by: {
        family: 'door het gezin of de hulpverlener',
        staff: 'door de behandelaar',
        system: 'automatisch',
      },
      confirmed: 'Deelname bevestigd door de hulpverlener',
    }),
    notices: {
      sent: (reference: string) => `De aanvraag is verstuurd. De code is ${reference}.`,
      answered: () => 'Je antwoord is verstuurd.',
      withdrawn: () => 'De aanvraag is ingetrokken.',
      confirmed: () => 'De deelname is bevestigd. Dank je wel.',
    },
  },
  en: {
    title: 'My caseload',
    intro: (org: string) =>
      `The applications you made for families on behalf of ${org}. The newest is at the top.`,
    newApplication: 'New application for a family',
    drafts: 'Not sent yet',
    draft: (date: string, municipality: string | null) =>
      `Draft, last saved ${date}${municipality ? ` (${municipality})` : ''}: continue`,
    draftGone: 'This draft is gone: it has been sent or has expired.',
    applications: 'Applications',
    none: 'You have not made any applications yet.',
    waitingSummary: (n: number) =>
      n === 1
        ? 'Information has been requested on 1 application.'
        : `Information has been requested on ${n} applications.`,
    waiting: 'Information has been requested: answer the question.',
    sent: (date: string, municipality: string) => `Sent ${date} · ${municipality}`,
    erasedName: '(data erased)',
    back: 'Back to my caseload',
    applicationTitle: (reference: string) => `Application ${reference}`,
    status: 'Status',
    question: "The handler's question:",
    answer: 'Your answer',
    answerHint: "Write the family's answer. At most 2000 characters.",
    answerRequired: 'Write an answer to the question.',
    answerTooLong: 'This answer is too long: at most 2000 characters.',
    sendAnswer: 'Send the answer',
    history: 'History',
    withdraw: 'Withdraw the application',
    confirm: 'Confirm that the child takes part',
    participationConfirmed: (date: string) => `participation confirmed ${date}`,
    notAllowed: 'This is no longer possible: the status has changed meanwhile. See the status below.',
    notDelivered: 'You confirm participation once the provision has been delivered.',
    alreadyConfirmed: 'Participation has already been confirmed.',
    eventLine: eventLine({
      sent: 'Application sent',
      by: { family: 'by the family or intermediary', staff: 'by the handler', system: 'automatically' },
      confirmed: 'Participation confirmed by the intermediary',
    }),
    notices: {
      sent: (reference: string) => `The application has been sent. Its code is ${reference}.`,
      answered: () => 'Your answer has been sent.',
      withdrawn: () => 'The application has been withdrawn.',
      confirmed: () => 'Participation has been confirmed. Thank you.',
    },
  },
} satisfies Translations<unknown>;
