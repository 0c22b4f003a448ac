import type { SuppressionReason } from '../platform/disclosure/index.ts';
import type { Translations } from '../platform/i18n.ts';
import type { IncomeGroup } from '../reach/index.ts';

/** Texts both reach dashboards share: the groups, the short reasons in cells, the B1 explanation. */
export const dashboardMessages: Translations<{
  groups: Record<IncomeGroup, string>;
  /** A withheld cell reads "—" with a short reason; the full reason is in the notes under the table. */
  hiddenShort: Record<SuppressionReason, string>;
  credit: string;
  noTarget: string;
  noGap: string;
  targetGroupKinds: Record<'estimate' | 'cbs' | 'imported', string>;
  roundedNote: string;
  fullReasonsIntro: string;
  explainHeading: string;
  explainReach: string;
  explainTargets: string;
  explainHidden: string;
  explainEstimate: string;
  filterHeading: string;
  yearLabel: string;
  boundariesLabel: string;
  groupLabel: string;
  boundaries: Record<'vastgelegd' | 'vandaag', string>;
  boundariesHint: string;
  show: string;
  noFigures: string;
  targetLabel: (percent: string) => string;
  yearErrors: { unknown: (years: string) => string; none: string };
  chooseFromList: string;
  errorPrefix: string;
  backToPage: string;
  percent: (value: string) => string;
}> = {
  nl: {
    groups: { bijstand: 'Bijstand', work: 'Werkende ouders', other: 'Ander inkomen' },
    hiddenShort: {
      'small-count': '— (minder dan 10)',
      secondary: '— (terug te rekenen)',
      'percent-count-hidden': '— (aantal verborgen)',
      'percent-small-numerator': '— (minder dan 10 bereikt)',
      'percent-small-denominator': '— (doelgroep onder 50)',
      'percent-no-denominator': '— (doelgroep onbekend)',
    },
    credit:
      'Bron: CBS (doelgroepen en gemeenten; schattingen: bewerking Meedoen van CBS-cijfers). Bereik: leveringen die organisaties aan Meedoen doorgaven.',
    noTarget: 'geen doel',
    noGap: '— (geen percentage)',
    targetGroupKinds: { estimate: 'schatting', cbs: 'CBS', imported: 'ingevoerd door gemeente' },
    roundedNote: 'Aantallen van kleine gemeenten (minder dan 10.000 inwoners) zijn afgerond op 5.',
    fullReasonsIntro: 'Waarom staat er "—"?',
    explainHeading: 'Wat betekenen deze cijfers?',
    explainReach:
      'Bereik is het aantal kinderen dat in een jaar minstens één keer hulp kreeg, zoals sportles, een fiets of een laptop. Elk kind telt één keer, ook als het hulp kreeg van meer organisaties. We delen dat door het aantal kinderen in de doelgroep: de kinderen in gezinnen met een laag inkomen in die gemeente.',
    explainTargets:
      'Het doel van Rijk en gemeenten: alle kinderen in de bijstand (100%) en 70% van de kinderen van werkende ouders met een laag inkomen. Een gemeente kan een eigen doel kiezen. Voor ander inkomen is er geen doel.',
    explainHidden:
      'Sommige cijfers tonen we niet. Als maar een paar kinderen hulp kregen, zou je kunnen raden wie dat zijn. Daarom staat er bij minder dan 10 kinderen een streep (—) met de reden. Soms verbergen we ook een ander getal, omdat je het verborgen getal anders kunt uitrekenen uit de totalen. Een percentage tonen we pas vanaf 10 kinderen en een doelgroep van 50.',
    explainEstimate:
      'Van de meeste gemeenten weten we nog niet precies hoe groot de doelgroep is. Dan rekenen we met een schatting uit cijfers van het CBS. Dat staat er dan bij: "schatting".',
    filterHeading: 'Kies wat je wilt zien',
    yearLabel: 'Jaar',
    boundariesLabel: 'Gemeentegrenzen',
    groupLabel: 'Inkomensgroep in de grafieken',
    boundaries: { vastgelegd: 'Zoals vastgelegd', vandaag: 'Gemeentegrenzen van nu' },
    boundariesHint:
      'Gemeenten die zijn samengevoegd: kies "Gemeentegrenzen van nu" om oude gemeenten bij de nieuwe op te tellen.',
    show: 'Toon',
    noFigures:
      'Er zijn nog geen cijfers over bereik. Die komen er zodra organisaties hun leveringen doorgeven.',
    targetLabel: (percent) => `doel ${percent}`,
    yearErrors: {
      unknown: (years) => `Voor dit jaar zijn er geen cijfers. Kies een van deze jaren: ${years}.`,
      none: 'Er zijn nog geen cijfers, dus ook geen jaar om te kiezen.',
    },
    chooseFromList: 'Kies een van de mogelijkheden in de lijst.',
    errorPrefix: 'Fout: ',
    backToPage: 'Terug naar de cijfers',
    percent: (value) => `${value}%`,
  },
  en: {
    groups: { bijstand: 'Social assistance', work: 'Working parents', other: 'Other income' },
    hiddenShort: {
      'small-count': '— (fewer than 10)',
      secondary: '— (could be worked out)',
      'percent-count-hidden': '— (count hidden)',
      'percent-small-numerator': '— (fewer than 10 reached)',
      'percent-small-denominator': '— (target group under 50)',
      'percent-no-denominator': '— (target group unknown)',
    },
    credit:
      'Source: CBS (target groups and municipalities; estimates: Meedoen calculation from CBS figures). Reach: deliveries organisations reported to Meedoen.',
    noTarget: 'no target',
    noGap: '— (no percentage)',
    targetGroupKinds: { estimate: 'estimate', cbs: 'CBS', imported: 'entered by the municipality' },
    roundedNote: 'Counts of small municipalities (fewer than 10,000 inhabitants) are rounded to 5.',
    fullReasonsIntro: 'Why is there a "—"?',
    explainHeading: 'What do these figures mean?',
    explainReach:
      'Reach is the number of children who got help at least once in a year, such as sports lessons, a bicycle or a laptop. Each child counts once, even when they got help from several organisations. We divide that by the number of children in the target group: the children in low-income families in that municipality.',
    explainTargets:
      'The goal of the national government and the municipalities: all children in families on social assistance (100%) and 70% of the children of working parents on a low income. A municipality can choose its own target. There is no target for other income.',
    explainHidden:
      'We do not show some figures. If only a few children got help, you could guess who they are. So with fewer than 10 children there is a dash (—) with the reason. Sometimes we also hide another number, because otherwise you could work out the hidden one from the totals. We show a percentage only from 10 children and a target group of 50.',
    explainEstimate:
      'For most municipalities we do not yet know exactly how large the target group is. Then we use an estimate from CBS figures, and say so: "estimate".',
    filterHeading: 'Choose what to see',
    yearLabel: 'Year',
    boundariesLabel: 'Municipal boundaries',
    groupLabel: 'Income group in the charts',
    boundaries: { vastgelegd: 'As recorded', vandaag: "Today's boundaries" },
    boundariesHint:
      'Municipalities that merged: choose "Today\'s boundaries" to count old municipalities under the new one.',
    show: 'Show',
    noFigures: 'There are no reach figures yet. They appear once organisations report their deliveries.',
    targetLabel: (percent) => `target ${percent}`,
    yearErrors: {
      unknown: (years) => `There are no figures for this year. Choose one of these years: ${years}.`,
      none: 'There are no figures yet, so there is no year to choose.',
    },
    chooseFromList: 'Choose one of the options in the list.',
    errorPrefix: 'Error: ',
    backToPage: 'Back to the figures',
    percent: (value) => `${value}%`,
  },
};
