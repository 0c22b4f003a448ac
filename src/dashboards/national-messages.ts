import type { Translations } from '../platform/i18n.ts';

export const nationalMessages: Translations<{
  title: string;
  intro: (year: number) => string;
  totalsHeading: string;
  totalsTableTitle: (year: number) => string;
  tableHeading: string;
  tableIntro: string;
  tableTitle: (year: number) => string;
  sortedBy: (column: string, direction: string) => string;
  directions: { op: string; af: string };
  sortHint: { op: string; af: string };
  multiplesHeading: string;
  multiplesTitle: (group: string) => string;
  multiplesIntro: (count: number) => string;
  multiplesTableTitle: (group: string) => string;
  panelDescription: (name: string, values: string) => string;
  noPercent: string;
  targetLine: string;
  histogramHeading: string;
  histogramTitle: (group: string, year: number) => string;
  histogramTableTitle: (group: string, year: number) => string;
  histogramDescription: (shown: number, most: string, without: number) => string;
  withoutPercent: (count: number) => string;
  columns: Record<'name' | 'code' | 'total' | 'range' | 'municipalities' | 'group' | 'reached', string>;
  reached: (group: string) => string;
  percent: (group: string) => string;
  gap: (group: string) => string;
  nationalNote: string;
}> = {
  nl: {
    title: 'Bereik in alle gemeenten',
    intro: (year) =>
      `Hoeveel kinderen in gezinnen met een laag inkomen kregen in ${year} hulp om mee te doen? Per gemeente, naast het doel. Klik op een gemeente voor meer cijfers.`,
    totalsHeading: 'Heel Nederland',
    totalsTableTitle: (year) => `Bereikte kinderen in alle gemeenten samen, ${year}`,
    tableHeading: 'Alle gemeenten',
    tableIntro:
      'Sorteer de tabel met de links in de kop van een kolom. Nog een keer kiezen draait de volgorde om. Gemeenten zonder cijfer staan altijd onderaan.',
    tableTitle: (year) => `Bereik per gemeente en inkomensgroep, ${year}`,
    sortedBy: (column, direction) => `Gesorteerd op ${column}, ${direction}.`,
    directions: { op: 'oplopend', af: 'aflopend' },
    sortHint: { op: 'sorteer oplopend', af: 'sorteer aflopend' },
    multiplesHeading: 'De grootste gemeenten door de jaren heen',
    multiplesTitle: (group) =>
      `Bereik ${group.toLowerCase()} per jaar (%), in de gemeenten met de grootste doelgroep`,
    multiplesIntro: (count) =>
      `De ${count} gemeenten met de meeste kinderen in de doelgroep. Elke grafiek heeft dezelfde schaal. De stippellijn is het doel.`,
    multiplesTableTitle: (group) => `Bereik ${group.toLowerCase()} per jaar (%) in de grootste gemeenten`,
    panelDescription: (name, values) => `${name}: ${values}. Alle cijfers staan in de tabel.`,
    noPercent: 'geen percentage',
    targetLine: 'Doel',
    histogramHeading: 'Verdeling over de gemeenten',
    histogramTitle: (group, year) => `Aantal gemeenten per bereik ${group.toLowerCase()} (%), ${year}`,
    histogramTableTitle: (group, year) => `Gemeenten per bereik ${group.toLowerCase()}, ${year}`,
    histogramDescription: (shown, most, without) =>
      `${shown} gemeenten met een percentage; de meeste hebben een bereik van ${most}. ${without} gemeenten hebben geen percentage. Alle cijfers staan in de tabel.`,
    withoutPercent: (count) =>
      `${count} gemeenten hebben geen percentage (te weinig kinderen, of een verborgen aantal); ze tellen hier niet mee.`,
    columns: {
      name: 'Gemeente',
      code: 'Code',
      total: 'Bereikt totaal',
      range: 'Bereik (%)',
      municipalities: 'Aantal gemeenten',
      group: 'Inkomensgroep',
      reached: 'Bereikte kinderen',
    },
    reached: (group) => `${group}: bereikt`,
    percent: (group) => `${group} (%)`,
    gap: (group) => `${group}: afstand tot doel`,
    nationalNote:
      'Een kind dat in twee gemeenten hulp kreeg, telt in beide gemeenten mee; het landelijke totaal is de som van de gemeenten.',
  },
  en: {
    title: 'Reach in all municipalities',
    intro: (year) =>
      `How many children in low-income families got help to take part in ${year}? Per municipality, beside the target. Choose a municipality for more figures.`,
    totalsHeading: 'The whole country',
    totalsTableTitle: (year) => `Children reached in all municipalities together, ${year}`,
    tableHeading: 'All municipalities',
    tableIntro:
      'Sort the table with the links in a column heading. Choosing it again reverses the order. Municipalities without a figure are always at the bottom.',
    tableTitle: (year) => `Reach by municipality and income group, ${year}`,
    sortedBy: (column, direction) => `Sorted by ${column}, ${direction}.`,
    directions: { op: 'ascending', af: 'descending' },
    sortHint: { op: 'sort ascending', af: 'sort descending' },
    multiplesHeading: 'The largest municipalities over the years',
    multiplesTitle: (group) =>
      `Reach ${group.toLowerCase()} by year (%), in the municipalities with the largest target group`,
    multiplesIntro: (count) =>
      `The ${count} municipalities with the most children in the target group. Every chart has the same scale. The dashed line is the target.`,
    multiplesTableTitle: (group) => `Reach ${group.toLowerCase()} by year (%) in the largest municipalities`,
    panelDescription: (name, values) => `${name}: ${values}. All figures are in the table.`,
    noPercent: 'no percentage',
    targetLine: 'Target',
    histogramHeading: 'Distribution over the municipalities',
    histogramTitle: (group, year) => `Number of municipalities by reach ${group.toLowerCase()} (%), ${year}`,
    histogramTableTitle: (group, year) => `Municipalities by reach ${group.toLowerCase()}, ${year}`,
    histogramDescription: (shown, most, without) =>
      `${shown} municipalities with a percentage; most have a reach of ${most}. ${without} municipalities have no percentage. All figures are in the table.`,
    withoutPercent: (count) =>
      `${count} municipalities have no percentage (too few children, or a hidden count); they are not counted here.`,
    columns: {
      name: 'Municipality',
      code: 'Code',
      total: 'Reached in total',
      range: 'Reach (%)',
      municipalities: 'Number of municipalities',
      group: 'Income group',
      reached: 'Children reached',
    },
    reached: (group) => `${group}: reached`,
    percent: (group) => `${group} (%)`,
    gap: (group) => `${group}: distance to target`,
    nationalNote:
      'A child helped in two municipalities counts in both; the national total is the sum of the municipalities.',
  },
};
