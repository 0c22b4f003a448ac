import type { Translations } from '../platform/i18n.ts';

export const checkMessages: Translations<{
  title: string;
  intro: string[];
  start: string;
  expired: string;
  progress: (n: number, total: number) => string;
  previous: string;
  next: string;
  privacy: string;
  postcode: { question: string; hint: string; choose: string; chooseHint: (postcode: string) => string };
  household: { question: string; single_parent: string; couple: string; other: string; otherHint: string };
  age: {
    question: (couple: boolean) => string;
    under_21: string;
    '21_to_pension': string;
    pension: string;
    mixed: string;
  };
  children: { question: string; hint: string; error: string };
  income: { question: string; hint: string; unknown: string; error: string };
  assets: {
    question: (limit: string) => string;
    hint: string;
    within_limit: string;
    over_limit: string;
    unknown: string;
  };
  choose: string;
  result: {
    title: (municipality: string) => string;
    date: (date: string) => string;
    child: (n: number, age: number | null) => string;
    outcome: Record<'eligible' | 'not_eligible' | 'undecided', string>;
    nextStep: Record<'apply_yourself' | 'ask_intermediary', (handler: string) => string>;
    change: string;
    again: string;
    norm: (percent: string, norm: string, date: string) => string;
    summary: (eligible: number, undecided: number) => string;
    notPossible: (count: number) => string;
    outdated: (date: string) => string;
  };
}> = {
  nl: {
    title: 'Kijk of je hulp kunt krijgen',
    intro: [
      'Beantwoord een paar vragen. Dan zie je voor elk kind welke hulp je kunt krijgen, en waarom.',
      'Het duurt ongeveer 2 minuten. Je hoeft niet in te loggen.',
    ],
    start: 'Begin',
    expired: 'Je antwoorden zijn niet meer geldig. Begin opnieuw, het duurt maar even.',
    progress: (n, total) => `Vraag ${n} van ${total}`,
    previous: 'Vorige vraag',
    next: 'Volgende',
    privacy: 'We bewaren je antwoorden niet.',
    postcode: {
      question: 'Wat is je postcode?',
      hint: 'Bijvoorbeeld: 3511 AB',
      choose: 'In welke gemeente woon je?',
      chooseHint: (postcode) => `Postcode ${postcode} ligt in meer dan één gemeente.`,
    },
    household: {
      question: 'Met wie woon je samen?',
      single_parent: 'Alleen met mijn kind of kinderen',
      couple: 'Met mijn partner en kind of kinderen',
      other: 'Anders',
      otherHint: 'Bijvoorbeeld bij opa en oma, of in een pleeggezin.',
    },
    age: {
      question: (couple) => (couple ? 'Hoe oud zijn jij en je partner?' : 'Hoe oud ben jij?'),
      under_21: 'Jonger dan 21 jaar',
      '21_to_pension': '21 jaar of ouder, maar nog geen AOW',
      pension: 'AOW-leeftijd',
      mixed: 'Een van ons heeft AOW, de ander niet',
    },
    children: {
      question: 'Hoe oud zijn je kinderen?',
      hint: 'Schrijf de leeftijden met een komma ertussen, zoals: 4, 10',
      error: 'Vul leeftijden in van 0 tot en met 21 jaar, met een komma ertussen. Zoals: 4, 10',
    },
    income: {
      question: 'Hoeveel geld komt er elke maand binnen?',
      hint: 'Netto, van jou en je partner samen. Tel kinderbijslag, kindgebonden budget en toeslagen niet mee.',
      unknown: 'Ik weet het niet precies',
      error: 'Vul een bedrag in euro in, zoals 1600 of 1600,50.',
    },
    assets: {
      question: (limit) => `Heb je (met je partner) meer dan ${limit} aan spaargeld of bezit?`,
      hint: 'Bijvoorbeeld geld op de bank, een auto die veel waard is, of een huis.',
      within_limit: 'Nee',
      over_limit: 'Ja',
      unknown: 'Dat weet ik niet',
    },
    choose: 'Kies een antwoord.',
    result: {
      title: (municipality) => `Hulp voor je kinderen in ${municipality}`,
      date: (date) => `Uitkomst op ${date}, met de regels van die dag.`,
      child: (n, age) => (age === null ? `Kind ${n}` : `Kind ${n} (${age} jaar)`),
      outcome: {
        eligible: 'Dit kan',
        not_eligible: 'Dit kan niet',
        undecided: 'Dat weten we nog niet. Als je het aanvraagt, kijkt een medewerker.',
      },
      nextStep: {
        apply_yourself: (handler) => `Vraag het zelf aan bij ${handler}.`,
        ask_intermediary: (handler) => `Vraag je school of hulpverlener om het aan te vragen bij ${handler}.`,
      },
      change: 'Antwoorden veranderen',
      again: 'Opnieuw beginnen',
      norm: (percent, norm, date) =>
        `Je inkomen is ${percent}% van de bijstandsnorm (${norm}, geldig vanaf ${date}).`,
      summary: (eligible, undecided) =>
        [
          eligible === 0
            ? 'We vonden geen hulp die zeker kan.'
            : eligible === 1
              ? 'Je kunt 1 soort hulp krijgen.'
              : `Je kunt ${eligible} soorten hulp krijgen.`,
          undecided === 0
            ? ''
            : undecided === 1
              ? ' Bij 1 soort hulp weten we het nog niet.'
              : ` Bij ${undecided} soorten hulp weten we het nog niet.`,
        ].join(''),
      notPossible: (count) => `Wat niet kan (${count})`,
      outdated: (date) =>
        `Let op: we rekenen met de bijstandsnorm van ${date}. Er kan al een nieuwe norm zijn. Een medewerker rekent het precies uit.`,
    },
  },
  en: {
    title: 'Check whether you can get help',
    intro: [
      'Answer a few questions. You then see for each child which help you can get, and why.',
      'It takes about 2 minutes. You do not need to sign in.',
    ],
    start: 'Start',
    expired: 'Your answers are no longer valid. Please start again, it only takes a moment.',
    progress: (n, total) => `Question ${n} of ${total}`,
    previous: 'Previous question',
    next: 'Next',
    privacy: 'We do not keep your answers.',
    postcode: {
      question: 'What is your postcode?',
      hint: 'For example: 3511 AB',
      choose: 'Which municipality do you live in?',
      chooseHint: (postcode) => `Postcode ${postcode} lies in more than one municipality.`,
    },
    household: {
      question: 'Who do you live with?',
      single_parent: 'Only with my child or children',
      couple: 'With my partner and child or children',
      other: 'Something else',
      otherHint: 'For example with grandparents, or in a foster family.',
    },
    age: {
      question: (couple) => (couple ? 'How old are you and your partner?' : 'How old are you?'),
      under_21: 'Younger than 21',
      '21_to_pension': '21 or older, but no state pension yet',
      pension: 'State pension age',
      mixed: 'One of us has a state pension, the other does not',
    },
    children: {
      question: 'How old are your children?',
      hint: 'Write the ages with a comma in between, like: 4, 10',
      error: 'Enter ages from 0 to 21, with a comma in between. Like: 4, 10',
    },
    income: {
      question: 'How much money comes in each month?',
      hint: 'Net, yours and your partner’s together. Do not count child benefit, child budget or allowances.',
      unknown: 'I do not know exactly',
      error: 'Enter an amount in euros, like 1600 or 1600.50.',
    },
    assets: {
      question: (limit) => `Do you (with your partner) have more than ${limit} in savings or assets?`,
      hint: 'For example money in the bank, a valuable car, or a house.',
      within_limit: 'No',
      over_limit: 'Yes',
      unknown: 'I do not know',
    },
    choose: 'Choose an answer.',
    result: {
      title: (municipality) => `Help for your children in ${municipality}`,
      date: (date) => `Outcome on ${date}, under the rules of that day.`,
      child: (n, age) => (age === null ? `Child ${n}` : `Child ${n} (age ${age})`),
      outcome: {
        eligible: 'You can get this',
        not_eligible: 'You cannot get this',
        undecided: 'A staff member will look',
      },
      nextStep: {
        apply_yourself: (handler) => `You can apply to ${handler} yourself.`,
        ask_intermediary: (handler) => `Ask your school or social worker to apply to ${handler} for you.`,
      },
      change: 'Change your answers',
      again: 'Start again',
      norm: (percent, norm, date) =>
        `Your income is ${percent}% of the social assistance norm (${norm}, valid from ${date}).`,
      summary: (eligible, undecided) =>
        [
          eligible === 0
            ? 'We found no help that is sure.'
            : eligible === 1
              ? 'You can get 1 kind of help.'
              : `You can get ${eligible} kinds of help.`,
          undecided === 0
            ? ''
            : undecided === 1
              ? ' For 1 kind of help we do not know yet.'
              : ` For ${undecided} kinds of help we do not know yet.`,
        ].join(''),
      notPossible: (count) => `What is not possible (${count})`,
      outdated: (date) =>
        `Please note: we use the social assistance norm of ${date}. There may be a newer norm. A staff member works it out exactly.`,
    },
  },
};
