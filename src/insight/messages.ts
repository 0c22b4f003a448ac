import type { Translations } from '../platform/i18n.ts';

export const insightMessages: Translations<{
  title: string;
  intro: string;
  total: string;
  childrenLink: string;
  matrixTitle: string;
  matrixIntro: string;
  matrixCaption: string;
  domain: string;
  quarterTitle: string;
  quarterCaption: string;
  quarter: string;
  records: string;
  regionTitle: string;
  regionCaption: string;
  municipality: string;
  recordTitle: (organisation: string) => string;
  recordIntro: string;
  recorded: (n: number) => string;
  seeFigures: string;
  saved: string;
  kind: string;
  portrait: string;
  portraitHint: string;
  signal: string;
  signalHint: string;
  choose: string;
  observedOn: string;
  ageGroup: string;
  years: (group: string) => string;
  story: string;
  noNames: string;
  domainsQuestion: string;
  domainsHint: string;
  severity: Record<0 | 1 | 2 | 3, string>;
  supportConnected: string;
  supportMissing: string;
  quote: string;
  quoteHint: string;
  quoteConsent: string;
  save: string;
  readTitle: string;
  readIntro: string;
}> = {
  nl: {
    title: 'Inzicht in kansarmoede',
    intro:
      'Onderzoekers en professionals leggen vast hoe armoede het leven van kinderen raakt, per leefgebied. Hier zie je de samenhang, zonder namen en zonder aantallen waaruit iemand te herkennen is.',
    total: 'Vastgelegde portretten en signalen:',
    childrenLink: 'Wat kinderen zelf zeggen over wat ze kregen',
    matrixTitle: 'Welke leefgebieden samen voorkomen',
    matrixIntro:
      'Elk vakje telt de portretten en signalen die beide leefgebieden raken. Op de diagonaal staat hoe vaak een leefgebied voorkomt.',
    matrixCaption: 'Aantal portretten en signalen per paar leefgebieden',
    domain: 'Leefgebied',
    quarterTitle: 'Per kwartaal',
    quarterCaption: 'Aantal portretten en signalen per kwartaal en leefgebied',
    quarter: 'Kwartaal',
    records: 'Totaal',
    regionTitle: 'Per gemeente',
    regionCaption: 'Aantal portretten en signalen per gemeente en leefgebied',
    municipality: 'Gemeente',
    recordTitle: (organisation) => `Portret of signaal vastleggen voor ${organisation}`,
    recordIntro:
      'Beschrijf wat je zag of hoorde. Schrijf geen namen, adressen of andere dingen waaraan iemand te herkennen is.',
    recorded: (n) =>
      `Je organisatie legde tot nu toe ${n} ${n === 1 ? 'portret of signaal' : 'portretten en signalen'} vast.`,
    seeFigures: 'Bekijk de cijfers van alle organisaties samen',
    saved: 'Opgeslagen. Dank je.',
    kind: 'Wat leg je vast?',
    portrait: 'Portret',
    portraitHint: 'De situatie van één kind, uitgebreid beschreven.',
    signal: 'Signaal',
    signalHint: 'Een korte observatie.',
    choose: 'Kies…',
    observedOn: 'Wanneer zag of hoorde je dit? (jjjj-mm-dd)',
    ageGroup: 'Leeftijd van het kind',
    years: (group) => `${group} jaar`,
    story: 'De situatie',
    noNames: 'Geen namen. Schrijf bijvoorbeeld "het kind", "moeder" of "de juf".',
    domainsQuestion: 'Welke leefgebieden raakt het, en hoe zwaar?',
    domainsHint: 'Kies bij minstens één leefgebied hoe zwaar het weegt. Laat de rest op "speelt niet".',
    severity: { 0: 'Speelt niet', 1: 'Licht', 2: 'Flink', 3: 'Ernstig' },
    supportConnected: 'Welke hulp paste wel?',
    supportMissing: 'Welke hulp paste niet of ontbrak?',
    quote: 'Citaat van het kind of de ouder (mag leeg blijven)',
    quoteHint: 'Alleen met hun toestemming, en zonder namen.',
    quoteConsent: 'Het kind of de ouder gaf toestemming om dit citaat te gebruiken.',
    save: 'Opslaan',
    readTitle: 'Portretten en signalen lezen',
    readIntro:
      'De nieuwste 50, van alle organisaties. Elke keer dat je deze pagina opent, wordt dat vastgelegd.',
  },
  en: {
    title: 'Insight into lack of opportunity',
    intro:
      'Researchers and professionals record how poverty touches children’s lives, per life domain. Here you see how the domains go together, without names and without numbers that could identify anyone.',
    total: 'Portraits and signals recorded:',
    childrenLink: 'What children themselves say about what they received',
    matrixTitle: 'Which life domains occur together',
    matrixIntro:
      'Each cell counts the portraits and signals touching both life domains. The diagonal shows how often a life domain occurs.',
    matrixCaption: 'Number of portraits and signals per pair of life domains',
    domain: 'Life domain',
    quarterTitle: 'Per quarter',
    quarterCaption: 'Number of portraits and signals per quarter and life domain',
    quarter: 'Quarter',
    records: 'Total',
    regionTitle: 'Per municipality',
    regionCaption: 'Number of portraits and signals per municipality and life domain',
    municipality: 'Municipality',
    recordTitle: (organisation) => `Record a portrait or signal for ${organisation}`,
    recordIntro:
      'Describe what you saw or heard. Do not write names, addresses or anything else by which someone could be recognised.',
    recorded: (n) =>
      `Your organisation has recorded ${n} ${n === 1 ? 'portrait or signal' : 'portraits and signals'} so far.`,
    seeFigures: 'See the figures of all organisations together',
    saved: 'Saved. Thank you.',
    kind: 'What are you recording?',
    portrait: 'Portrait',
    portraitHint: 'One child’s situation, described in depth.',
    signal: 'Signal',
    signalHint: 'A short observation.',
    choose: 'Choose…',
    observedOn: 'When did you see or hear this? (yyyy-mm-dd)',
    ageGroup: 'Age of the child',
    years: (group) => `${group} years`,
    story: 'The situation',
    noNames: 'No names. Write for example "the child", "mother" or "the teacher".',
    domainsQuestion: 'Which life domains does it touch, and how heavily?',
    domainsHint:
      'Choose for at least one life domain how heavily it weighs. Leave the rest at "not at play".',
    severity: { 0: 'Not at play', 1: 'Light', 2: 'Considerable', 3: 'Severe' },
    supportConnected: 'Which support did fit?',
    supportMissing: 'Which support did not fit or was missing?',
    quote: 'Quote of the child or parent (may stay empty)',
    quoteHint: 'Only with their consent, and without names.',
    quoteConsent: 'The child or parent agreed to this quote being used.',
    save: 'Save',
    readTitle: 'Read portraits and signals',
    readIntro: 'The newest 50, of all organisations. Every time you open this page, that is recorded.',
  },
};
