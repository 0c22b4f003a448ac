import type { Translations } from '../platform/i18n.ts';

export const municipalityMessages: Translations<{
  title: (name: string) => string;
  intro: (name: string, year: number) => string;
  overviewLink: string;
  groupsHeading: string;
  groupsChartTitle: (name: string, year: number) => string;
  groupsTableTitle: (name: string, year: number) => string;
  yearsHeading: string;
  yearsChartTitle: (name: string) => string;
  yearsTableTitle: (name: string) => string;
  categoryHeading: string;
  categoryChartTitle: (name: string, year: number) => string;
  categoryTableTitle: (name: string, year: number) => string;
  providerHeading: string;
  providerChartTitle: (name: string, year: number) => string;
  providerTableTitle: (name: string, year: number) => string;
  noBreakdown: string;
  columns: Record<
    | 'group'
    | 'reached'
    | 'targetGroup'
    | 'kind'
    | 'percent'
    | 'target'
    | 'gap'
    | 'year'
    | 'category'
    | 'provider',
    string
  >;
  reachedOf: (group: string) => string;
  percentOf: (group: string) => string;
  targetOf: (group: string) => string;
  targetSeries: (group: string) => string;
  describe: {
    bar: (group: string, value: string, target: string) => string;
    barHidden: (group: string) => string;
    line: (group: string, first: string, last: string) => string;
    lineEmpty: string;
    counts: (count: number, largest: string) => string;
    table: string;
  };
  notFoundTitle: string;
  notFoundBody: (code: string) => string;
  totalRow: string;
}> = {
  nl: {
    title: (name) => `Bereik in ${name}`,
    intro: (name, year) =>
      `Hoeveel kinderen in ${name} kregen in ${year} hulp om mee te doen, en hoeveel is dat van alle kinderen in gezinnen met een laag inkomen?`,
    overviewLink: 'Alle gemeenten vergelijken',
    groupsHeading: 'Bereik per inkomensgroep, tegen het doel',
    groupsChartTitle: (name, year) => `Bereik in ${name} per inkomensgroep in ${year} (%), met het doel`,
    groupsTableTitle: (name, year) => `Bereik in ${name} per inkomensgroep in ${year}`,
    yearsHeading: 'Door de jaren heen',
    yearsChartTitle: (name) => `Bereik in ${name} per jaar en inkomensgroep (%), met de doelen`,
    yearsTableTitle: (name) => `Bereik in ${name} per jaar`,
    categoryHeading: 'Soort hulp',
    categoryChartTitle: (name, year) => `Bereikte kinderen in ${name} per soort hulp in ${year}`,
    categoryTableTitle: (name, year) => `Bereikte kinderen in ${name} per soort hulp, ${year}`,
    providerHeading: 'Organisaties',
    providerChartTitle: (name, year) => `Bereikte kinderen in ${name} per organisatie in ${year}`,
    providerTableTitle: (name, year) => `Bereikte kinderen in ${name} per organisatie, ${year}`,
    noBreakdown: 'Voor dit jaar zijn er geen leveringen in deze gemeente.',
    columns: {
      group: 'Inkomensgroep',
      reached: 'Bereikte kinderen',
      targetGroup: 'Kinderen in de doelgroep',
      kind: 'Doelgroep: bron',
      percent: 'Bereik (%)',
      target: 'Doel (%)',
      gap: 'Afstand tot doel (procentpunt)',
      year: 'Jaar',
      category: 'Soort hulp',
      provider: 'Organisatie',
    },
    reachedOf: (group) => `${group}: bereikt`,
    percentOf: (group) => `${group}: bereik (%)`,
    targetOf: (group) => `${group}: doel (%)`,
    targetSeries: (group) => `Doel ${group.toLowerCase()}`,
    describe: {
      bar: (group, value, target) => `${group}: ${value} bereikt, doel ${target}.`,
      barHidden: (group) => `${group}: geen percentage.`,
      line: (group, first, last) => `${group}: van ${first} naar ${last}.`,
      lineEmpty: 'Er is nog geen percentage om te tonen.',
      counts: (count, largest) => `${count} waarden; de grootste: ${largest}.`,
      table: 'Alle cijfers staan in de tabel onder de grafiek.',
    },
    notFoundTitle: 'Deze gemeente kennen we niet',
    notFoundBody: (code) =>
      `Voor "${code}" hebben we geen gemeente gevonden. Een gemeentecode is GM met 4 cijfers, zoals GM0363 voor Amsterdam. Kies een gemeente in het overzicht.`,
    totalRow: 'Alle kinderen (één keer geteld)',
  },
  en: {
    title: (name) => `Reach in ${name}`,
    intro: (name, year) =>
      `How many children in ${name} got help to take part in ${year}, and what share is that of all children in low-income families?`,
    overviewLink: 'Compare all municipalities',
    groupsHeading: 'Reach by income group, against the target',
    groupsChartTitle: (name, year) => `Reach in ${name} by income group in ${year} (%), with the target`,
    groupsTableTitle: (name, year) => `Reach in ${name} by income group in ${year}`,
    yearsHeading: 'Over the years',
    yearsChartTitle: (name) => `Reach in ${name} by year and income group (%), with the targets`,
    yearsTableTitle: (name) => `Reach in ${name} by year`,
    categoryHeading: 'Kind of help',
    categoryChartTitle: (name, year) => `Children reached in ${name} by kind of help in ${year}`,
    categoryTableTitle: (name, year) => `Children reached in ${name} by kind of help, ${year}`,
    providerHeading: 'Organisations',
    providerChartTitle: (name, year) => `Children reached in ${name} by organisation in ${year}`,
    providerTableTitle: (name, year) => `Children reached in ${name} by organisation, ${year}`,
    noBreakdown: 'There are no deliveries in this municipality for this year.',
    columns: {
      group: 'Income group',
      reached: 'Children reached',
      targetGroup: 'Children in the target group',
      kind: 'Target group: source',
      percent: 'Reach (%)',
      target: 'Target (%)',
      gap: 'Distance to target (percentage points)',
      year: 'Year',
      category: 'Kind of help',
      provider: 'Organisation',
    },
    reachedOf: (group) => `${group}: reached`,
    percentOf: (group) => `${group}: reach (%)`,
    targetOf: (group) => `${group}: target (%)`,
    targetSeries: (group) => `Target ${group.toLowerCase()}`,
    describe: {
      bar: (group, value, target) => `${group}: ${value} reached, target ${target}.`,
      barHidden: (group) => `${group}: no percentage.`,
      line: (group, first, last) => `${group}: from ${first} to ${last}.`,
      lineEmpty: 'There is no percentage to show yet.',
      counts: (count, largest) => `${count} values; the largest: ${largest}.`,
      table: 'All figures are in the table below the chart.',
    },
    notFoundTitle: 'We do not know this municipality',
    notFoundBody: (code) =>
      `We found no municipality for "${code}". A municipality code is GM followed by 4 digits, like GM0363 for Amsterdam. Choose a municipality in the overview.`,
    totalRow: 'All children (counted once)',
  },
};
