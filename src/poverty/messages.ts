import type { Translations } from '../platform/i18n.ts';

export const trendMessages: Translations<{
  title: string;
  intro: string;
  chartTitle: string;
  chartHeading: string;
  definitionsHeading: string;
  tableTitle: string;
  gapHeading: string;
  gapIntro: (pathName: string, definition: string) => string;
  gapTableTitle: string;
  labourHeading: string;
  labourEmpty: string;
  labourIntro: string;
  labourChartTitle: string;
  labourTableTitle: string;
  sourcesHeading: string;
  columns: Record<
    | 'year'
    | 'definition'
    | 'children'
    | 'percentage'
    | 'status'
    | 'earlier'
    | 'publication'
    | 'path'
    | 'actual'
    | 'gap'
    | 'goal'
    | 'incomeSource'
    | 'households'
    | 'source',
    string
  >;
  notFound: string;
  noFigureYet: string;
  seriesStopped: (year: number) => string;
  notCharted: string;
  breakNote: string;
  derivedNote: string;
  incomeSources: Record<'werk' | 'bijstand' | 'overig', string>;
  describe: {
    series: (label: string, first: string, last: string) => string;
    path: (name: string, from: string, to: string) => string;
    gap: (year: number, gap: string) => string;
    table: string;
  };
}> = {
  nl: {
    title: 'Kinderen in armoede: de trend',
    intro:
      'Ambitie 2 van het Rijk en de gemeenten: minder kinderen die opgroeien in een gezin met een laag inkomen. De streefwaarde is een daling van 9,2% in 2015 naar 4,6% in 2030. Hier zie je de landelijke cijfers naast dat pad.',
    chartHeading: 'Cijfers en streefpad',
    chartTitle: 'Percentage kinderen (0-17 jaar) in armoede, per definitie, met het streefpad',
    definitionsHeading: 'Welke definities?',
    tableTitle: 'Kinderen in armoede per jaar en definitie',
    gapHeading: 'Afstand tot het streefpad',
    gapIntro: (pathName, definition) =>
      `Het verschil tussen het werkelijke cijfer en het pad "${pathName}", in procentpunten. Het pad is gemeten in de definitie ${definition}; alleen cijfers in die definitie worden vergeleken. Een min betekent: onder het pad, dus beter.`,
    gapTableTitle: 'Werkelijk cijfer tegen het streefpad, per jaar',
    labourHeading: 'Werk en armoede: gezinnen met kinderen naar inkomensbron',
    labourEmpty:
      'Hier staan nog geen cijfers. Meedoen levert geen echte cijfers over arbeidsparticipatie mee. Een beheerder kan cijfers uit een publicatie inlezen met het commando "meedoen import labour-participation".',
    labourIntro:
      'Het aandeel van de gezinnen met kinderen in armoede per belangrijkste inkomensbron. Deze cijfers zijn ingelezen door een beheerder; de bron staat per regel in de tabel.',
    labourChartTitle: 'Gezinnen met kinderen in armoede naar inkomensbron (%)',
    labourTableTitle: 'Gezinnen met kinderen in armoede naar inkomensbron',
    sourcesHeading: 'Bronnen',
    columns: {
      year: 'Jaar',
      definition: 'Definitie',
      children: 'Aantal kinderen (0-17)',
      percentage: 'Percentage',
      status: 'Status',
      earlier: 'Eerder gepubliceerd',
      publication: 'Publicatie',
      path: 'Streefpad (%)',
      actual: 'Werkelijk (%)',
      gap: 'Verschil (procentpunt)',
      goal: 'Streefwaarde 2015-2030 (%)',
      incomeSource: 'Inkomensbron',
      households: 'Aantal huishoudens',
      source: 'Bron',
    },
    notFound: 'niet gevonden in de bron',
    noFigureYet: 'geen percentage gepubliceerd',
    seriesStopped: (year) => `reeks gestopt na ${year}`,
    notCharted:
      'Een cijfer waarvan de definitie onduidelijk is, staat alleen in de tabel, niet in de grafiek.',
    breakNote:
      'Breuk in 2022: vanaf dan meet het CBS armoede met de nieuwe armoedegrens (methode 2024). Die cijfers zijn niet te vergelijken met de lage-inkomensgrens; daarom zijn het aparte lijnen.',
    derivedNote:
      'Cijfers met status "afgeleid" zijn berekend uit twee publicaties (bijvoorbeeld "17 duizend minder dan het jaar ervoor"). Lege cellen zijn niet gevonden in de bron; ze zijn nooit bijgeschat.',
    incomeSources: { werk: 'Werk', bijstand: 'Bijstand', overig: 'Overig' },
    describe: {
      series: (label, first, last) => `${label}: van ${first} naar ${last}.`,
      path: (name, from, to) => `${name}: van ${from} naar ${to}, als stippellijn.`,
      gap: (year, gap) =>
        `In ${year}, het laatste jaar met een vergelijkbaar cijfer, was het verschil met het pad ${gap} procentpunt.`,
      table: 'Alle cijfers staan in de tabel onder de grafiek.',
    },
  },
  en: {
    title: 'Children in poverty: the trend',
    intro:
      'Ambition 2 of the national government and the municipalities: fewer children growing up in a low-income family. The target is a fall from 9.2% in 2015 to 4.6% in 2030. Here you see the national figures beside that path.',
    chartHeading: 'Figures and target path',
    chartTitle: 'Percentage of children (0-17) in poverty, by definition, with the target path',
    definitionsHeading: 'Which definitions?',
    tableTitle: 'Children in poverty by year and definition',
    gapHeading: 'Distance to the target path',
    gapIntro: (pathName, definition) =>
      `The difference between the actual figure and the path "${pathName}", in percentage points. The path is measured in the ${definition} definition; only figures in that definition are compared. A minus means below the path, so better.`,
    gapTableTitle: 'Actual figure against the target path, by year',
    labourHeading: 'Work and poverty: families with children by income source',
    labourEmpty:
      'There are no figures here yet. Meedoen does not ship real figures on labour participation. An administrator can read figures from a publication with the command "meedoen import labour-participation".',
    labourIntro:
      'The share of families with children in poverty by main income source. These figures were imported by an administrator; each row names its source in the table.',
    labourChartTitle: 'Families with children in poverty by income source (%)',
    labourTableTitle: 'Families with children in poverty by income source',
    sourcesHeading: 'Sources',
    columns: {
      year: 'Year',
      definition: 'Definition',
      children: 'Number of children (0-17)',
      percentage: 'Percentage',
      status: 'Status',
      earlier: 'Published earlier',
      publication: 'Publication',
      path: 'Target path (%)',
      actual: 'Actual (%)',
      gap: 'Difference (percentage points)',
      goal: 'Target 2015-2030 (%)',
      incomeSource: 'Income source',
      households: 'Number of households',
      source: 'Source',
    },
    notFound: 'not found in the source',
    noFigureYet: 'no percentage published',
    seriesStopped: (year) => `series stopped after ${year}`,
    notCharted: 'A figure whose definition is unclear is in the table only, not in the chart.',
    breakNote:
      'Break in 2022: from then on CBS measures poverty with the new poverty line (2024 method). Those figures cannot be compared with the low-income threshold, so they are separate lines.',
    derivedNote:
      'Figures with status "derived" were calculated from two publications (for example "17 thousand fewer than the year before"). Empty cells were not found in the source; they are never estimated.',
    incomeSources: { werk: 'Work', bijstand: 'Social assistance', overig: 'Other' },
    describe: {
      series: (label, first, last) => `${label}: from ${first} to ${last}.`,
      path: (name, from, to) => `${name}: from ${from} to ${to}, as a dashed line.`,
      gap: (year, gap) =>
        `In ${year}, the last year with a comparable figure, the difference from the path was ${gap} percentage points.`,
      table: 'All figures are in the table below the chart.',
    },
  },
};
