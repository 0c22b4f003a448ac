import type { Translations } from '../platform/i18n.ts';
import type { ProcessingAction } from '../platform/processing-log/index.ts';
import { registerFieldMessages } from '../platform/validation.ts';

// The codes of the filter and request forms' errors; the same sentence wherever they show.
registerFieldMessages({
  processing_log_activity_unknown: {
    nl: 'Kies een verwerking uit de lijst.',
    en: 'Choose a processing activity from the list.',
  },
  processing_log_date_invalid: {
    nl: 'Vul een datum in zoals 2026-01-31.',
    en: 'Enter a date like 2026-01-31.',
  },
  processing_log_dates_order: {
    nl: 'Deze datum moet op of na de begindatum liggen.',
    en: 'This date must be on or after the start date.',
  },
  processing_log_actor_malformed: {
    nl: 'Vul het nummer van de medewerker in zoals het in het logboek staat.',
    en: 'Enter the staff member’s id as it appears in the log.',
  },
  processing_log_pseudonym_malformed: {
    nl: 'Een pseudoniem bestaat uit 64 tekens: de cijfers 0 tot en met 9 en de letters a tot en met f.',
    en: 'A pseudonym has 64 characters: the digits 0 to 9 and the letters a to f.',
  },
  processing_log_kind_unknown: {
    nl: 'Kies over wie het verzoek gaat.',
    en: 'Choose who the request is about.',
  },
  processing_log_identifier_required: {
    nl: 'Vul het nummer van de persoon in.',
    en: 'Enter the person’s identifier.',
  },
  processing_log_identifier_too_long: {
    nl: 'Dit nummer is te lang. Gebruik hoogstens 200 tekens.',
    en: 'This identifier is too long. Use at most 200 characters.',
  },
});

type Messages = {
  searchTitle: string;
  searchIntro: string;
  filterTitle: string;
  activity: string;
  allActivities: string;
  from: string;
  to: string;
  actor: string;
  actorHint: string;
  subject: string;
  subjectHint: string;
  search: string;
  resultsTitle: string;
  resultsCaption: (first: number, last: number, total: number) => string;
  noResults: string;
  previous: string;
  next: string;
  pagination: string;
  exportCsv: string;
  exportHint: string;
  toSubjectPage: string;
  toSearchPage: string;
  columns: {
    at: string;
    activity: string;
    action: string;
    actor: string;
    role: string;
    organisation: string;
    subject: string;
    trace: string;
    purpose: string;
    legalBasis: string;
  };
  actions: Record<ProcessingAction, string>;
  /** The log keeps a role as text; those of staff get a name, any other is shown as it is. */
  none: string;
  notInRegister: string;
  subjectTitle: string;
  subjectIntro: string;
  subjectKind: string;
  subjectKinds: Record<string, string>;
  noKinds: string;
  identifier: string;
  identifierHint: string;
  showProcessings: string;
  aboutTitle: string;
  aboutCaption: (count: number) => string;
  aboutNone: string;
  aboutNotice: string;
};

export const privacyMessages: Translations<Messages> = {
  nl: {
    searchTitle: 'Logboek van verwerkingen',
    searchIntro:
      'Hier zie je wie welke gegevens van een persoon heeft gebruikt, wanneer en waarvoor. De nieuwste staan bovenaan.',
    filterTitle: 'Zoeken in het logboek',
    activity: 'Verwerking',
    allActivities: 'Alle verwerkingen',
    from: 'Vanaf datum',
    to: 'Tot en met datum',
    actor: 'Nummer van de medewerker',
    actorHint: 'Zoals het in het logboek staat.',
    subject: 'Pseudoniem van de persoon',
    subjectHint: 'Een code van 64 tekens uit het logboek.',
    search: 'Zoeken',
    resultsTitle: 'Gevonden verwerkingen',
    resultsCaption: (first, last, total) => `Verwerkingen ${first} tot en met ${last} van ${total}`,
    noResults: 'Er zijn geen verwerkingen gevonden.',
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
    pagination: 'Pagina’s',
    exportCsv: 'Download deze verwerkingen als CSV-bestand',
    exportHint: 'Het bestand bevat alle verwerkingen die bij je zoekopdracht passen.',
    toSubjectPage: 'Beantwoord een verzoek van een persoon om inzage',
    toSearchPage: 'Terug naar het logboek',
    columns: {
      at: 'Wanneer',
      activity: 'Verwerking',
      action: 'Handeling',
      actor: 'Medewerker',
      role: 'Rol',
      organisation: 'Organisatie',
      subject: 'Pseudoniem van de persoon',
      trace: 'Trace-id',
      purpose: 'Doel',
      legalBasis: 'Grondslag',
    },
    actions: {
      read: 'Bekeken',
      create: 'Toegevoegd',
      update: 'Gewijzigd',
      delete: 'Verwijderd',
      export: 'Geëxporteerd',
    },
    none: 'Geen',
    notInRegister: 'Staat niet (meer) in het register',
    subjectTitle: 'Verzoek om inzage',
    subjectIntro:
      'Een persoon mag weten wat er met zijn of haar gegevens is gedaan. Vul in over wie het verzoek gaat. Je ziet dan elke verwerking, met het doel en de grondslag.',
    subjectKind: 'Over wie gaat het verzoek?',
    subjectKinds: {
      child: 'Een kind',
      household: 'Een huishouden',
      citizen: 'Een inwoner (ouder of jongere)',
      'staff-member': 'Een medewerker',
    },
    noKinds: 'Er staan nog geen verwerkingen in het register. Er is dus ook niets over iemand vastgelegd.',
    identifier: 'Nummer van de persoon',
    identifierHint: 'Het nummer waarmee deze persoon in Meedoen staat.',
    showProcessings: 'Verwerkingen tonen',
    aboutTitle: 'Verwerkingen over deze persoon',
    aboutCaption: (count) =>
      count === 1 ? '1 verwerking over deze persoon' : `${count} verwerkingen over deze persoon`,
    aboutNone: 'Er zijn geen verwerkingen over deze persoon gevonden.',
    aboutNotice:
      'Medewerkers staan hier alleen met hun rol en organisatie. Wie zij zijn, zijn hun eigen gegevens.',
  },
  en: {
    searchTitle: 'Processing log',
    searchIntro:
      'Here you see who used which data about a person, when and what for. The newest are at the top.',
    filterTitle: 'Search the log',
    activity: 'Processing activity',
    allActivities: 'All activities',
    from: 'From date',
    to: 'Up to and including date',
    actor: 'Staff member’s id',
    actorHint: 'As it appears in the log.',
    subject: 'Person’s pseudonym',
    subjectHint: 'A code of 64 characters from the log.',
    search: 'Search',
    resultsTitle: 'Processings found',
    resultsCaption: (first, last, total) => `Processings ${first} to ${last} of ${total}`,
    noResults: 'No processings were found.',
    previous: 'Previous page',
    next: 'Next page',
    pagination: 'Pages',
    exportCsv: 'Download these processings as a CSV file',
    exportHint: 'The file holds every processing that matches your search.',
    toSubjectPage: 'Answer a person’s request to see their data',
    toSearchPage: 'Back to the log',
    columns: {
      at: 'When',
      activity: 'Activity',
      action: 'Action',
      actor: 'Staff member',
      role: 'Role',
      organisation: 'Organisation',
      subject: 'Person’s pseudonym',
      trace: 'Trace id',
      purpose: 'Purpose',
      legalBasis: 'Legal basis',
    },
    actions: {
      read: 'Viewed',
      create: 'Added',
      update: 'Changed',
      delete: 'Deleted',
      export: 'Exported',
    },
    none: 'None',
    notInRegister: 'Not (or no longer) in the register',
    subjectTitle: 'Request to see personal data',
    subjectIntro:
      'A person may know what was done with their data. Fill in who the request is about. You will see every processing, with its purpose and legal basis.',
    subjectKind: 'Who is the request about?',
    subjectKinds: {
      child: 'A child',
      household: 'A household',
      citizen: 'A resident (parent or young person)',
      'staff-member': 'A staff member',
    },
    noKinds:
      'There are no processing activities in the register yet, so nothing has been recorded about anyone.',
    identifier: 'The person’s identifier',
    identifierHint: 'The number this person has in Meedoen.',
    showProcessings: 'Show processings',
    aboutTitle: 'Processings about this person',
    aboutCaption: (count) =>
      count === 1 ? '1 processing about this person' : `${count} processings about this person`,
    aboutNone: 'No processings about this person were found.',
    aboutNotice:
      'Staff are shown only by their role and organisation. Who they are is their own personal data.',
  },
};
