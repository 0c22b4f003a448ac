import type { Translations } from '../platform/i18n.ts';
import type { PracticeStatus } from './workflow.ts';

export const practiceMessages: Translations<{
  libraryTitle: string;
  libraryIntro: string;
  search: string;
  searchHint: string;
  ambition: string;
  domain: string;
  any: string;
  find: string;
  found: (n: number) => string;
  none: string;
  read: string;
  by: (organisation: string) => string;
  fields: Record<
    | 'problem'
    | 'approach'
    | 'ambitions'
    | 'lifeDomains'
    | 'targetGroup'
    | 'results'
    | 'evidence'
    | 'costs'
    | 'contact'
    | 'documents',
    string
  >;
  title: string;
  summary: string;
  evidence: Record<'measured' | 'observed' | 'none', string>;
  documentsHint: string;
  contactHint: string;
  noDocuments: string;
  triedBy: (n: number) => string;
  triedNobody: string;
  tryTitle: string;
  tryNote: string;
  tryButton: string;
  trySaved: string;
  signInToReact: string;
  back: string;
  ownTitle: (organisation: string) => string;
  ownIntro: string;
  newPractice: string;
  statuses: Record<PracticeStatus, string>;
  status: string;
  newTitle: string;
  editTitle: string;
  returnedBecause: string;
  submit: string;
  resubmit: string;
  submitted: string;
  history: string;
  reviewQueue: string;
  reviewIntro: string;
  reviewNone: string;
  decision: string;
  moveTo: Record<PracticeStatus, string>;
  comment: string;
  commentHint: string;
  commentRequired: string;
  chooseDecision: string;
  moved: string;
  conflict: string;
  save: string;
  open: string;
}> = {
  nl: {
    libraryTitle: 'Goede voorbeelden',
    libraryIntro:
      'Wat gemeenten en organisaties doen tegen armoede onder kinderen, en wat het opleverde. Elk voorbeeld is beoordeeld voordat het hier staat. De voorbeelden staan in de taal waarin ze zijn geschreven.',
    search: 'Zoek in de voorbeelden',
    searchHint: 'Bijvoorbeeld: sportclub, schoolontbijt, schulden',
    ambition: 'Ambitie',
    domain: 'Leefgebied',
    any: 'Alle',
    find: 'Zoeken',
    found: (n) => (n === 1 ? '1 voorbeeld gevonden' : `${n} voorbeelden gevonden`),
    none: 'Geen voorbeelden gevonden. Probeer een ander woord of minder filters.',
    read: 'Lees het voorbeeld',
    by: (organisation) => `Van ${organisation}`,
    fields: {
      problem: 'Het probleem',
      approach: 'De aanpak',
      ambitions: 'Ambities',
      lifeDomains: 'Leefgebieden',
      targetGroup: 'Voor wie',
      results: 'Resultaten',
      evidence: 'Hoe weten we dat?',
      costs: 'Kosten',
      contact: 'Contact',
      documents: 'Documenten (links)',
    },
    title: 'Titel',
    summary: 'Samenvatting in een paar zinnen',
    evidence: {
      measured: 'Gemeten (onderzoek of cijfers)',
      observed: 'Gezien in de praktijk, niet gemeten',
      none: 'Nog niet bekend',
    },
    documentsHint: 'Eén per regel: titel | https://… (mag leeg blijven)',
    contactHint: 'Een algemeen e-mailadres of telefoonnummer van het team.',
    noDocuments: 'Geen documenten.',
    triedBy: (n) => `${n === 1 ? '1 organisatie heeft' : `${n} organisaties hebben`} dit ook geprobeerd:`,
    triedNobody: 'Nog niemand meldde dat ze dit ook probeerden.',
    tryTitle: 'Ook geprobeerd?',
    tryNote: 'Wat was jullie ervaring? (mag leeg blijven)',
    tryButton: 'Wij hebben dit ook geprobeerd',
    trySaved: 'Dank je. Je organisatie staat nu bij dit voorbeeld.',
    signInToReact: 'Ben je professional en heb je dit ook geprobeerd? Log in om het te laten weten.',
    back: 'Terug naar de goede voorbeelden',
    ownTitle: (organisation) => `Goede voorbeelden van ${organisation}`,
    ownIntro:
      'Stuur een voorbeeld in. Een landelijk analist beoordeelt het; daarna komt het in de openbare bibliotheek.',
    newPractice: 'Nieuw voorbeeld insturen',
    statuses: {
      submitted: 'Ingestuurd, wacht op beoordeling',
      reviewed: 'Beoordeeld, wacht op publicatie',
      returned: 'Teruggestuurd met opmerkingen',
      published: 'Gepubliceerd',
    },
    status: 'Status',
    newTitle: 'Nieuw goed voorbeeld',
    editTitle: 'Voorbeeld verbeteren en opnieuw insturen',
    returnedBecause: 'Opmerking bij het terugsturen:',
    submit: 'Insturen',
    resubmit: 'Opnieuw insturen',
    submitted: 'Je voorbeeld is ingestuurd.',
    history: 'Geschiedenis van de beoordeling',
    reviewQueue: 'Goede voorbeelden beoordelen',
    reviewIntro: 'Ingestuurde en beoordeelde voorbeelden, de oudste eerst.',
    reviewNone: 'Er wacht niets op beoordeling.',
    decision: 'Wat doe je met dit voorbeeld?',
    moveTo: {
      submitted: 'Opnieuw insturen',
      reviewed: 'Beoordeeld: klaar om te publiceren',
      returned: 'Terugsturen met opmerkingen',
      published: 'Publiceren',
    },
    comment: 'Opmerking voor de organisatie',
    commentHint: 'Nodig bij terugsturen: zeg wat er beter moet.',
    commentRequired: 'Schrijf bij het terugsturen wat er beter moet.',
    chooseDecision: 'Kies wat je met dit voorbeeld doet.',
    moved: 'Opgeslagen.',
    conflict: 'Iemand anders heeft dit voorbeeld net verplaatst. Hieronder zie je hoe het nu staat.',
    save: 'Opslaan',
    open: 'Bekijken',
  },
  en: {
    libraryTitle: 'Good practices',
    libraryIntro:
      'What municipalities and organisations do against poverty among children, and what it achieved. Every example was reviewed before it appears here. The examples are in the language they were written in.',
    search: 'Search the examples',
    searchHint: 'For example: sportclub, schoolontbijt, schulden',
    ambition: 'Ambition',
    domain: 'Life domain',
    any: 'All',
    find: 'Search',
    found: (n) => (n === 1 ? '1 example found' : `${n} examples found`),
    none: 'No examples found. Try another word or fewer filters.',
    read: 'Read the example',
    by: (organisation) => `From ${organisation}`,
    fields: {
      problem: 'The problem',
      approach: 'The approach',
      ambitions: 'Ambitions',
      lifeDomains: 'Life domains',
      targetGroup: 'For whom',
      results: 'Results',
      evidence: 'How do we know?',
      costs: 'Costs',
      contact: 'Contact',
      documents: 'Documents (links)',
    },
    title: 'Title',
    summary: 'Summary in a few sentences',
    evidence: {
      measured: 'Measured (research or figures)',
      observed: 'Seen in practice, not measured',
      none: 'Not known yet',
    },
    documentsHint: 'One per line: title | https://… (may stay empty)',
    contactHint: 'A general e-mail address or phone number of the team.',
    noDocuments: 'No documents.',
    triedBy: (n) => `${n === 1 ? '1 organisation has' : `${n} organisations have`} tried this too:`,
    triedNobody: 'Nobody has said yet that they tried this too.',
    tryTitle: 'Tried this too?',
    tryNote: 'What was your experience? (may stay empty)',
    tryButton: 'We tried this too',
    trySaved: 'Thank you. Your organisation is now listed with this example.',
    signInToReact: 'Are you a professional who tried this too? Sign in to say so.',
    back: 'Back to the good practices',
    ownTitle: (organisation) => `Good practices of ${organisation}`,
    ownIntro: 'Submit an example. A national analyst reviews it; then it goes into the public library.',
    newPractice: 'Submit a new example',
    statuses: {
      submitted: 'Submitted, awaiting review',
      reviewed: 'Reviewed, awaiting publication',
      returned: 'Returned with comments',
      published: 'Published',
    },
    status: 'Status',
    newTitle: 'New good practice',
    editTitle: 'Improve the example and submit it again',
    returnedBecause: 'Comment with the return:',
    submit: 'Submit',
    resubmit: 'Submit again',
    submitted: 'Your example has been submitted.',
    history: 'Review history',
    reviewQueue: 'Review good practices',
    reviewIntro: 'Submitted and reviewed examples, oldest first.',
    reviewNone: 'Nothing is waiting for review.',
    decision: 'What do you do with this example?',
    moveTo: {
      submitted: 'Submit again',
      reviewed: 'Reviewed: ready to publish',
      returned: 'Return with comments',
      published: 'Publish',
    },
    comment: 'Comment for the organisation',
    commentHint: 'Needed when returning: say what should improve.',
    commentRequired: 'When returning, write what should improve.',
    chooseDecision: 'Choose what you do with this example.',
    moved: 'Saved.',
    conflict: 'Someone else just moved this example. Below you see how it stands now.',
    save: 'Save',
    open: 'View',
  },
};
