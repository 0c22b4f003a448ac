import type { Translations } from '../platform/i18n.ts';
import type { IncomeSource } from './submit.ts';

type Texts = {
  title: string;
  intro: string[];
  start: string;
  expired: string;
  formExpired: string;
  progress: (n: number, total: number) => string;
  previous: string;
  next: string;
  saved: string;
  choose: string;
  address: {
    title: string;
    postcode: string;
    postcodeHint: string;
    houseNumber: string;
    houseNumberHint: string;
    choose: string;
    chooseHint: (postcode: string) => string;
  };
  household: {
    title: string;
    type: string;
    single_parent: string;
    couple: string;
    other: string;
    otherHint: string;
    age: (couple: boolean) => string;
    under_21: string;
    '21_to_pension': string;
    pension: string;
    mixed: string;
  };
  source: { question: string; hint: string } & Record<IncomeSource, string>;
  income: {
    title: string;
    amount: string;
    amountHint: string;
    amountError: string;
    vouch: string;
    vouchHint: string;
    assets: (limit: string) => string;
    assetsHint: string;
    within_limit: string;
    over_limit: string;
    unknown: string;
  };
  children: {
    title: string;
    hint: string;
    added: string;
    child: (name: string, birthDate: string) => string;
    remove: (name: string) => string;
    newChild: string;
    firstName: string;
    firstNameHint: string;
    birthDate: string;
    birthDateHint: string;
    addAnother: string;
    tooMany: string;
  };
  provisions: {
    title: string;
    hint: string;
    legend: (name: string, age: number | null) => string;
    none: string;
    chooseOne: string;
    handledBy: (organisation: string) => string;
    intermediaryOnly: (organisation: string) => string;
    deferred: (first: string) => string;
    notPossible: (count: number) => string;
    outcome: Record<'eligible' | 'not_eligible' | 'undecided', string>;
  };
  contact: {
    title: string;
    hint: string;
    email: string;
    emailHint: string;
    emailError: string;
    phone: string;
    phoneHint: string;
    phoneError: string;
    neither: string;
    language: string;
  };
  consent: {
    title: string;
    who: string;
    parent: string;
    parentHint: string;
    young_person: string;
    youngPersonHint: string;
    youngPersonOnlyOwn: string;
    statement: string[];
    agree: string;
    mustAgree: string;
  };
  review: {
    title: string;
    hint: string;
    change: string;
    address: string;
    household: string;
    source: string;
    income: string;
    vouched: string;
    children: string;
    provisions: string;
    contact: string;
    language: string;
    consent: string;
    send: string;
    nothingLeft: string;
  };
  done: {
    title: string;
    code: string;
    link: string;
    keep: string;
    mailed: string;
    notMailed: string;
    track: string;
  };
  languages: Record<'nl' | 'en', string>;
};

export const familyMessages: Translations<Texts> = {
  nl: {
    title: 'Hulp aanvragen voor je kind',
    intro: [
      'Je vraagt hier hulp aan voor je kind of kinderen, zoals sport, zwemles of een fiets. Je hoeft niet in te loggen.',
      'We vragen alleen wat nodig is: waar je woont, je inkomen, de naam en geboortedatum van je kinderen en hoe we je kunnen bereiken.',
      'Je antwoorden worden na elke stap bewaard, een week lang. Stop je even? Dan ga je later verder waar je was.',
      'Ben je 16 jaar of ouder? Dan mag je ook zelf hulp aanvragen voor jezelf.',
    ],
    start: 'Begin met aanvragen',
    expired: 'Je antwoorden zijn niet meer bewaard. Begin opnieuw.',
    formExpired:
      'Dit formulier was verlopen. We hebben niets veranderd. Kijk je antwoorden na en klik nog een keer op de knop.',
    progress: (n, total) => `Stap ${n} van ${total}`,
    previous: 'Vorige stap',
    next: 'Volgende',
    saved: 'We bewaren je antwoorden een week. Daarna gooien we ze weg.',
    choose: 'Kies een antwoord.',
    address: {
      title: 'Waar woon je?',
      postcode: 'Postcode',
      postcodeHint: 'Bijvoorbeeld: 3511 AB',
      houseNumber: 'Huisnummer',
      houseNumberHint: 'Met toevoeging als je die hebt, zoals 12a of 12-2',
      choose: 'In welke gemeente woon je?',
      chooseHint: (postcode) => `Postcode ${postcode} ligt in meer dan één gemeente.`,
    },
    household: {
      title: 'Je gezin',
      type: 'Met wie woon je samen?',
      single_parent: 'Alleen met mijn kind of kinderen',
      couple: 'Met mijn partner en kind of kinderen',
      other: 'Anders',
      otherHint: 'Bijvoorbeeld bij opa en oma, of in een pleeggezin.',
      age: (couple) => (couple ? 'Hoe oud zijn jij en je partner?' : 'Hoe oud ben jij?'),
      under_21: 'Jonger dan 21 jaar',
      '21_to_pension': '21 jaar of ouder, maar nog geen AOW',
      pension: 'AOW-leeftijd',
      mixed: 'Een van ons heeft AOW, de ander niet',
    },
    source: {
      question: 'Waar komt het meeste geld van je huishouden vandaan?',
      hint: 'Kies wat het meeste geld oplevert.',
      bijstand: 'Bijstand',
      work: 'Werk',
      other_benefit: 'Een andere uitkering, zoals WW of Wajong',
      other: 'Iets anders',
      unknown: 'Dat weet ik niet',
    },
    income: {
      title: 'Je inkomen',
      amount: 'Hoeveel geld komt er elke maand binnen?',
      amountHint:
        'Netto, van jou en je partner samen. Tel kinderbijslag, kindgebonden budget en toeslagen niet mee.',
      amountError: 'Vul een bedrag in euro in, zoals 1600 of 1600,50. Of kies de knop voor je hulpverlener.',
      vouch: 'Mijn hulpverlener staat ervoor in',
      vouchHint:
        'Weet je het bedrag niet? Kies dan de knop "Mijn hulpverlener staat ervoor in". Een medewerker vraagt het dan na.',
      assets: (limit) => `Heb je (met je partner) meer dan ${limit} aan spaargeld of bezit?`,
      assetsHint: 'Bijvoorbeeld geld op de bank, een auto die veel waard is, of een huis.',
      within_limit: 'Nee',
      over_limit: 'Ja',
      unknown: 'Dat weet ik niet',
    },
    children: {
      title: 'Voor welke kinderen vraag je hulp?',
      hint: 'Vul de voornaam en geboortedatum in. Heb je meer kinderen? Voeg ze een voor een toe.',
      added: 'Deze kinderen heb je toegevoegd',
      child: (name, birthDate) => `${name}, geboren op ${birthDate}`,
      remove: (name) => `Haal ${name} weg`,
      newChild: 'Kind toevoegen',
      firstName: 'Voornaam van het kind',
      firstNameHint: 'Zoals in het paspoort. Alleen de voornamen.',
      birthDate: 'Geboortedatum',
      birthDateHint: 'Dag, maand en jaar.',
      addAnother: 'Nog een kind toevoegen',
      tooMany: 'Je kunt voor hoogstens 10 kinderen tegelijk aanvragen.',
    },
    provisions: {
      title: 'Welke hulp vraag je aan?',
      hint: 'Kies per kind wat je wilt aanvragen. Bij elke soort hulp zie je of je kind het kan krijgen. Een medewerker beslist.',
      legend: (name, age) => (age === null ? name : `${name} (${age} jaar)`),
      none: 'Voor dit kind is er nu geen hulp die je hier zelf kunt aanvragen.',
      chooseOne: 'Kies minstens één soort hulp.',
      handledBy: (organisation) => `Wordt behandeld door ${organisation}.`,
      intermediaryOnly: (organisation) =>
        `Dit kun je niet zelf aanvragen. Vraag je school of hulpverlener om het aan te vragen bij ${organisation}.`,
      deferred: (first) => `Vraag eerst ${first} aan. Lukt dat niet, dan kun je dit daarna aanvragen.`,
      notPossible: (count) => `Wat niet kan (${count})`,
      outcome: {
        eligible: 'Dit kan',
        not_eligible: 'Dit kan niet',
        undecided: 'Dat weten we nog niet. Een medewerker kijkt.',
      },
    },
    contact: {
      title: 'Hoe kunnen we je bereiken?',
      hint: 'Vul je e-mailadres of telefoonnummer in, of allebei. We gebruiken het alleen voor deze aanvraag.',
      email: 'E-mailadres',
      emailHint: 'We sturen je hier de link om je aanvraag te volgen.',
      emailError: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
      phone: 'Telefoonnummer',
      phoneHint: 'Bijvoorbeeld: 06 12345678',
      phoneError: 'Vul een telefoonnummer in met 10 cijfers, zoals 06 12345678.',
      neither: 'Vul je e-mailadres of je telefoonnummer in.',
      language: 'In welke taal wil je berichten krijgen?',
    },
    consent: {
      title: 'Toestemming',
      who: 'Wie vraagt de hulp aan?',
      parent: 'Ik ben de ouder of verzorger van de kinderen',
      parentHint: 'Voor kinderen jonger dan 16 jaar geeft de ouder of verzorger toestemming.',
      young_person: 'Ik ben 16 jaar of ouder en vraag de hulp voor mezelf aan',
      youngPersonHint: 'Vanaf 16 jaar mag je zelf toestemming geven.',
      youngPersonOnlyOwn:
        'Zelf aanvragen kan alleen voor jezelf, als je 16 jaar of ouder bent. Vraag je voor iemand anders, of ben je jonger? Dan doet je ouder of verzorger de aanvraag.',
      statement: [
        'Ik geef toestemming dat Meedoen deze gegevens gebruikt voor de aanvraag.',
        'Meedoen stuurt de aanvraag naar de organisatie die de hulp geeft. Die organisatie kijkt of het kind de hulp kan krijgen.',
        'Ben ik de ouder of verzorger? Dan weten mijn kinderen van 16 jaar of ouder van deze aanvraag en vinden ze het goed.',
        'De gegevens worden gewist 2 jaar nadat de aanvraag klaar is. Ik kan de aanvraag altijd intrekken.',
      ],
      agree: 'Ik heb dit gelezen en geef toestemming',
      mustAgree: 'Zet een vinkje als je toestemming geeft. Zonder toestemming kunnen we niets aanvragen.',
    },
    review: {
      title: 'Kijk je antwoorden na',
      hint: 'Klopt alles? Klik dan op "Aanvraag versturen".',
      change: 'Wijzigen',
      address: 'Adres',
      household: 'Gezin',
      source: 'Meeste geld komt van',
      income: 'Inkomen per maand',
      vouched: 'Mijn hulpverlener staat ervoor in',
      children: 'Kinderen',
      provisions: 'Aangevraagde hulp',
      contact: 'Contact',
      language: 'Taal',
      consent: 'Toestemming',
      send: 'Aanvraag versturen',
      nothingLeft: 'De gekozen hulp past niet meer bij je antwoorden. Kies opnieuw.',
    },
    done: {
      title: 'Je aanvraag is verstuurd',
      code: 'Je code',
      link: 'Je aanvraag volgen',
      keep: 'Bewaar deze link goed. Met de link zie je hoe het met je aanvraag gaat. Deel hem alleen met wie je helpt.',
      mailed: 'We hebben de link en de code ook naar je e-mailadres gestuurd.',
      notMailed: 'Je hebt geen e-mailadres ingevuld. Schrijf de link en de code dus goed op.',
      track: 'Bekijk je aanvraag',
    },
    languages: { nl: 'Nederlands', en: 'Engels (English)' },
  },
  en: {
    title: 'Apply for help for your child',
    intro: [
      'Here you apply for help for your child or children, such as sport, swimming lessons or a bicycle. You do not need to sign in.',
      'We only ask what is needed: where you live, your income, the names and dates of birth of your children and how to reach you.',
      'Your answers are saved after each step, for a week. Need a break? You can carry on later where you were.',
      'Are you 16 or older? Then you may also apply for help for yourself.',
    ],
    start: 'Start your application',
    expired: 'Your answers are no longer saved. Please start again.',
    formExpired:
      'This form had expired. We changed nothing. Check your answers and press the button once more.',
    progress: (n, total) => `Step ${n} of ${total}`,
    previous: 'Previous step',
    next: 'Next',
    saved: 'We keep your answers for a week. After that we delete them.',
    choose: 'Choose an answer.',
    address: {
      title: 'Where do you live?',
      postcode: 'Postcode',
      postcodeHint: 'For example: 3511 AB',
      houseNumber: 'House number',
      houseNumberHint: 'With any addition, like 12a or 12-2',
      choose: 'Which municipality do you live in?',
      chooseHint: (postcode) => `Postcode ${postcode} lies in more than one municipality.`,
    },
    household: {
      title: 'Your family',
      type: 'Who do you live with?',
      single_parent: 'Only with my child or children',
      couple: 'With my partner and child or children',
      other: 'Something else',
      otherHint: 'For example with grandparents, or in a foster family.',
      age: (couple) => (couple ? 'How old are you and your partner?' : 'How old are you?'),
      under_21: 'Younger than 21',
      '21_to_pension': '21 or older, but no state pension yet',
      pension: 'State pension age',
      mixed: 'One of us has a state pension, the other does not',
    },
    source: {
      question: 'Where does most of your household’s money come from?',
      hint: 'Choose what brings in the most money.',
      bijstand: 'Social assistance (bijstand)',
      work: 'Work',
      other_benefit: 'Another benefit, such as WW or Wajong',
      other: 'Something else',
      unknown: 'I do not know',
    },
    income: {
      title: 'Your income',
      amount: 'How much money comes in each month?',
      amountHint:
        'Net, yours and your partner’s together. Do not count child benefit, child budget or allowances.',
      amountError:
        'Enter an amount in euros, like 1600 or 1600.50. Or choose the button for your social worker.',
      vouch: 'My social worker vouches for it',
      vouchHint:
        'Do you not know the amount? Then choose the button "My social worker vouches for it". A staff member will check.',
      assets: (limit) => `Do you (with your partner) have more than ${limit} in savings or assets?`,
      assetsHint: 'For example money in the bank, a valuable car, or a house.',
      within_limit: 'No',
      over_limit: 'Yes',
      unknown: 'I do not know',
    },
    children: {
      title: 'Which children are you applying for?',
      hint: 'Enter the first name and date of birth. More children? Add them one by one.',
      added: 'The children you added',
      child: (name, birthDate) => `${name}, born on ${birthDate}`,
      remove: (name) => `Remove ${name}`,
      newChild: 'Add a child',
      firstName: 'The child’s first name',
      firstNameHint: 'As in the passport. Only the first names.',
      birthDate: 'Date of birth',
      birthDateHint: 'Day, month and year.',
      addAnother: 'Add another child',
      tooMany: 'You can apply for at most 10 children at once.',
    },
    provisions: {
      title: 'Which help are you applying for?',
      hint: 'Choose for each child what you want to apply for. For each kind of help you see whether your child can get it. A staff member decides.',
      legend: (name, age) => (age === null ? name : `${name} (age ${age})`),
      none: 'For this child there is no help right now that you can apply for here yourself.',
      chooseOne: 'Choose at least one kind of help.',
      handledBy: (organisation) => `Handled by ${organisation}.`,
      intermediaryOnly: (organisation) =>
        `You cannot apply for this yourself. Ask your school or social worker to apply to ${organisation}.`,
      deferred: (first) =>
        `Apply for ${first} first. If that does not work out, you can apply for this after.`,
      notPossible: (count) => `What is not possible (${count})`,
      outcome: {
        eligible: 'You can get this',
        not_eligible: 'You cannot get this',
        undecided: 'We do not know yet. A staff member will look.',
      },
    },
    contact: {
      title: 'How can we reach you?',
      hint: 'Enter your e-mail address or phone number, or both. We only use it for this application.',
      email: 'E-mail address',
      emailHint: 'We send you the link to follow your application here.',
      emailError: 'Enter an e-mail address like name@example.com.',
      phone: 'Phone number',
      phoneHint: 'For example: 06 12345678',
      phoneError: 'Enter a phone number with 10 digits, like 06 12345678.',
      neither: 'Enter your e-mail address or your phone number.',
      language: 'In which language do you want to receive messages?',
    },
    consent: {
      title: 'Consent',
      who: 'Who is applying for the help?',
      parent: 'I am the parent or carer of the children',
      parentHint: 'For children under 16 the parent or carer gives consent.',
      young_person: 'I am 16 or older and apply for help for myself',
      youngPersonHint: 'From 16 you may give consent yourself.',
      youngPersonOnlyOwn:
        'You can only apply yourself for yourself, when you are 16 or older. Applying for someone else, or younger? Then your parent or carer applies.',
      statement: [
        'I agree that Meedoen uses this information for the application.',
        'Meedoen sends the application to the organisation that gives the help. That organisation checks whether the child can get the help.',
        'Am I the parent or carer? Then my children aged 16 or older know about this application and agree with it.',
        'The information is deleted 2 years after the application is finished. I can always withdraw the application.',
      ],
      agree: 'I have read this and I agree',
      mustAgree: 'Tick the box if you agree. Without your consent we cannot apply.',
    },
    review: {
      title: 'Check your answers',
      hint: 'Is everything right? Then click "Send application".',
      change: 'Change',
      address: 'Address',
      household: 'Family',
      source: 'Most money comes from',
      income: 'Income per month',
      vouched: 'My social worker vouches for it',
      children: 'Children',
      provisions: 'Help applied for',
      contact: 'Contact',
      language: 'Language',
      consent: 'Consent',
      send: 'Send application',
      nothingLeft: 'The help you chose no longer fits your answers. Please choose again.',
    },
    done: {
      title: 'Your application has been sent',
      code: 'Your code',
      link: 'Follow your application',
      keep: 'Keep this link safe. With it you see how your application is going. Share it only with someone who helps you.',
      mailed: 'We have also sent the link and the code to your e-mail address.',
      notMailed: 'You did not enter an e-mail address. So write down the link and the code carefully.',
      track: 'View your application',
    },
    languages: { nl: 'Dutch (Nederlands)', en: 'English' },
  },
};
