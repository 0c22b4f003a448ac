import type { Translations } from '../platform/i18n.ts';
import type { ItemStatus } from './status.ts';

// The intermediary's pages speak to a professional ("u" is not needed between colleagues; "je" as on the
// staff pages), and about the family in the third person.
export const intermediaryMessages = {
  nl: {
    progress: (n: number, total: number) => `Stap ${n} van ${total}`,
    next: 'Opslaan en verder',
    previous: 'Vorige stap',
    savedHint: 'Wat je invult wordt bij elke stap bewaard. Je kunt later verdergaan vanuit je caseload.',
    choose: 'Maak een keuze.',
    family: {
      title: 'Het gezin',
      postcode: 'Postcode van het gezin',
      postcodeHint: 'Bijvoorbeeld: 3511 AB',
      houseNumber: 'Huisnummer',
      houseNumberHint: 'Met een eventuele toevoeging, zoals 12a of 12-2',
      municipality: 'In welke gemeente woont het gezin?',
      municipalityHint: (postcode: string) => `Postcode ${postcode} ligt in meer dan één gemeente.`,
      postcodeUnknown: 'We kennen deze postcode niet. Kijk of hij goed is getypt.',
      householdType: 'Met wie woont het kind?',
      households: {
        single_parent: 'Met één ouder',
        couple: 'Met twee ouders of een ouder en partner',
        other: 'Anders, bijvoorbeeld bij opa en oma of in een pleeggezin',
      },
      chooseHousehold: 'Kies met wie het kind woont.',
      ageGroup: 'Hoe oud zijn de ouders?',
      ageGroups: {
        '21_to_pension': '21 jaar of ouder, maar nog geen AOW',
        under_21: 'Jonger dan 21 jaar',
        pension: 'AOW-leeftijd',
        mixed: 'Een van beiden heeft AOW, de ander niet',
      },
      chooseAgeGroup: 'Kies de leeftijd van de ouders. "Een van beiden" past alleen bij twee ouders.',
      incomeSource: 'Wat is het belangrijkste inkomen van het huishouden?',
      incomeSources: {
        bijstand: 'Bijstand',
        work: 'Werk',
        other_benefit: 'Een andere uitkering',
        other: 'Iets anders',
        unknown: 'Weet ik niet',
      },
      chooseIncomeSource: 'Kies het belangrijkste inkomen.',
      income: 'Netto inkomen per maand, in euro',
      incomeHint: 'Zonder kinderbijslag, kindgebonden budget en toeslagen. Bijvoorbeeld: 1.600',
      incomeError:
        'Vul het netto inkomen per maand in, zoals 1.600. Of kies dat je instaat voor de situatie.',
      vouch: 'Ik vul geen inkomen in: ik sta in voor de financiële situatie van het gezin',
    },
    children: {
      title: 'De kinderen',
      intro: 'Vul de eerste voornaam en de geboortedatum in, zoals op het paspoort of de ID-kaart.',
      child: (n: number) => `Kind ${n}`,
      firstName: 'Voornaam',
      birthDate: 'Geboortedatum',
      birthDateHint: 'Jaar-maand-dag, zoals 2015-03-28',
      emptyHint: 'Laat beide velden leeg om dit kind weg te laten.',
      add: 'Nog een kind toevoegen',
      required: 'Vul de voornaam en geboortedatum in van minstens één kind.',
    },
    provisions: {
      title: 'Wat vraagt u aan?',
      intro: (municipality: string) =>
        `Dit kan een kind in ${municipality} krijgen. Bij elke voorziening staat de uitkomst van de check. De organisatie die de aanvraag behandelt, beslist.`,
      forChild: (name: string) => `Voor ${name}`,
      outcome: {
        eligible: 'Komt waarschijnlijk in aanmerking',
        undecided: 'Misschien',
        not_eligible: 'Komt niet in aanmerking',
      } as Record<'eligible' | 'undecided' | 'not_eligible', string>,
      handledBy: (org: string) => `Behandeld door ${org}`,
      deferred: (provision: string, first: string) =>
        `${provision}: vraag eerst ${first} aan. In deze gemeente gaat die regeling voor.`,
      notPossible: (n: number) =>
        `${n} ${n === 1 ? 'voorziening' : 'voorzieningen'} waarvoor dit kind niet in aanmerking komt`,
      none: 'Er is niets dat dit kind kan aanvragen.',
      required: 'Kies minstens één voorziening.',
    },
    sending: {
      title: 'Contact, toestemming en versturen',
      summary: 'Je vraagt aan',
      contact: 'Contact met het gezin (niet verplicht)',
      contactHint:
        'Met een e-mailadres hoort het gezin zelf wanneer er iets verandert. Zonder houd jij het gezin op de hoogte.',
      email: 'E-mailadres van het gezin',
      phone: 'Telefoonnummer van het gezin',
      emailError: 'Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@voorbeeld.nl.',
      phoneError: 'Dit telefoonnummer klopt niet. Gebruik cijfers, zoals 06 12345678.',
      language: 'In welke taal krijgt het gezin berichten?',
      nl: 'Nederlands',
      en: 'Engels',
      chooseLanguage: 'Kies een taal.',
      consentBy: 'Wie heeft toestemming gegeven?',
      parent: 'De ouder of verzorger',
      parentHint: 'Nodig voor een kind jonger dan 16 jaar.',
      young_person: 'De jongere zelf (16 jaar of ouder)',
      chooseConsentBy: 'Kies wie toestemming heeft gegeven.',
      parentNeeded:
        'Een kind op deze aanvraag is jonger dan 16. Dan geeft de ouder of verzorger toestemming.',
      consent:
        'Het gezin weet dat ik deze aanvraag doe en heeft toestemming gegeven om deze gegevens te delen met de organisaties die de aanvraag behandelen.',
      consentRequired: 'Zonder toestemming van het gezin kun je niet aanvragen. Vink de verklaring aan.',
      send: 'Aanvraag versturen',
      noneLeft: 'De gekozen voorzieningen zijn er niet meer. Kies opnieuw.',
    },
    consentText: (by: 'parent' | 'young_person') =>
      `${by === 'parent' ? 'De ouder of verzorger' : 'De jongere'} heeft de hulpverlener toestemming gegeven om deze aanvraag te doen en deze gegevens te delen met de organisaties die de aanvraag behandelen.`,
    confirmation: {
      subject: (reference: string) => `Je aanvraag ${reference} is ontvangen`,
      body: (reference: string, url: string) =>
        [
          'Je hulpverlener heeft voor jullie een aanvraag gedaan. Wij hebben hem ontvangen.',
          '',
          `Bekijk je aanvraag: ${url}`,
          `Je code: ${reference}`,
          '',
          'Deze link is persoonlijk. Deel hem alleen met wie je helpt met de aanvraag.',
        ].join('\n'),
    },
  },
  en: {
    progress: (n: number, total: number) => `Step ${n} of ${total}`,
    next: 'Save and continue',
    previous: 'Previous step',
    savedHint: 'What you enter is saved at every step. You can continue later from your caseload.',
    choose: 'Make a choice.',
    family: {
      title: 'The family',
      postcode: "The family's postcode",
      postcodeHint: 'For example: 3511 AB',
      houseNumber: 'House number',
      houseNumberHint: 'With any addition, such as 12a or 12-2',
      municipality: 'In which municipality does the family live?',
      municipalityHint: (postcode: string) => `Postcode ${postcode} lies in more than one municipality.`,
      postcodeUnknown: 'We do not know this postcode. Check that it is typed correctly.',
      householdType: 'Who does the child live with?',
      households: {
        single_parent: 'With one parent',
        couple: 'With two parents or a parent and partner',
        other: 'Otherwise, for example with grandparents or in a foster family',
      },
      chooseHousehold: 'Choose who the child lives with.',
      ageGroup: 'How old are the parents?',
      ageGroups: {
        '21_to_pension': '21 or older, but not of state pension age',
        under_21: 'Younger than 21',
        pension: 'State pension age',
        mixed: 'One of them has reached state pension age, the other has not',
      },
      chooseAgeGroup: 'Choose the parents\' age. "One of them" fits two parents only.',
      incomeSource: "What is the household's main income?",
      incomeSources: {
        bijstand: 'Social assistance (bijstand)',
        work: 'Work',
        other_benefit: 'Another benefit',
        other: 'Something else',
        unknown: 'I do not know',
      },
      chooseIncomeSource: 'Choose the main income.',
      income: 'Net income per month, in euros',
      incomeHint: 'Without child benefit, child budget and allowances. For example: 1,600',
      incomeError: 'Enter the net income per month, like 1,600. Or choose that you vouch for the situation.',
      vouch: "I give no income: I vouch for the family's financial situation",
    },
    children: {
      title: 'The children',
      intro: 'Enter the first given name and the date of birth, as on the passport or ID card.',
      child: (n: number) => `Child ${n}`,
      firstName: 'First name',
      birthDate: 'Date of birth',
      birthDateHint: 'Year-month-day, like 2015-03-28',
      emptyHint: 'Leave both fields empty to leave this child out.',
      add: 'Add another child',
      required: 'Enter the first name and date of birth of at least one child.',
    },
    provisions: {
      title: 'What are you applying for?',
      intro: (municipality: string) =>
        `This is what a child in ${municipality} can get. Each provision shows the outcome of the check. The organisation that handles the application decides.`,
      forChild: (name: string) => `For ${name}`,
      outcome: { eligible: 'Probably eligible', undecided: 'Maybe', not_eligible: 'Not eligible' } as Record<
        'eligible' | 'undecided' | 'not_eligible',
        string
      >,
      handledBy: (org: string) => `Handled by ${org}`,
      deferred: (provision: string, first: string) =>
        `${provision}: apply for ${first} first. In this municipality that scheme comes first.`,
      notPossible: (n: number) =>
        `${n} ${n === 1 ? 'provision' : 'provisions'} this child is not eligible for`,
      none: 'There is nothing this child can apply for.',
      required: 'Choose at least one provision.',
    },
    sending: {
      title: 'Contact, consent and sending',
      summary: 'You are applying for',
      contact: 'Contact with the family (optional)',
      contactHint:
        'With an e-mail address the family hears for itself when something changes. Without one, you keep the family informed.',
      email: "The family's e-mail address",
      phone: "The family's phone number",
      emailError: 'This e-mail address is not valid. An e-mail address looks like name@example.org.',
      phoneError: 'This phone number is not valid. Use digits, like 06 12345678.',
      language: 'In which language does the family get messages?',
      nl: 'Dutch',
      en: 'English',
      chooseLanguage: 'Choose a language.',
      consentBy: 'Who gave consent?',
      parent: 'The parent or carer',
      parentHint: 'Needed for a child younger than 16.',
      young_person: 'The young person (16 or older)',
      chooseConsentBy: 'Choose who gave consent.',
      parentNeeded: 'A child on this application is younger than 16. Then the parent or carer gives consent.',
      consent:
        'The family knows I am making this application and has agreed to share this information with the organisations that handle it.',
      consentRequired: "Without the family's consent you cannot apply. Tick the statement.",
      send: 'Send the application',
      noneLeft: 'The provisions chosen are no longer offered. Choose again.',
    },
    consentText: (by: 'parent' | 'young_person') =>
      `${by === 'parent' ? 'The parent or carer' : 'The young person'} has agreed that the intermediary makes this application and shares this information with the organisations that handle it.`,
    confirmation: {
      subject: (reference: string) => `Your application ${reference} has been received`,
      body: (reference: string, url: string) =>
        [
          'Your intermediary has made an application for you. We have received it.',
          '',
          `View your application: ${url}`,
          `Your code: ${reference}`,
          '',
          'This link is personal. Share it only with someone who helps you with the application.',
        ].join('\n'),
    },
  },
} satisfies Translations<unknown>;

export const statusLabels: Translations<Record<ItemStatus, string>> = {
  nl: {
    submitted: 'Ontvangen',
    in_progress: 'In behandeling',
    information_requested: 'Informatie gevraagd',
    information_answered: 'Informatie gegeven',
    granted: 'Toegekend',
    refused: 'Afgewezen',
    delivered: 'Geleverd',
    withdrawn: 'Ingetrokken',
  },
  en: {
    submitted: 'Received',
    in_progress: 'Being handled',
    information_requested: 'Information requested',
    information_answered: 'Information given',
    granted: 'Granted',
    refused: 'Refused',
    delivered: 'Delivered',
    withdrawn: 'Withdrawn',
  },
};
