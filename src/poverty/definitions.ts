import type { Translations } from '../platform/i18n.ts';

/**
 * The definitions of "children in poverty" that figures are published in. Figures of different
 * definitions are never joined into one line: each definition is its own series.
 */
export const definitionCodes = [
  'cbs-lage-inkomensgrens',
  'scp-niet-veel-maar-toereikend',
  'armoedegrens-2024',
  'onduidelijk',
] as const;
export type DefinitionCode = (typeof definitionCodes)[number];

/** Definitions a chart may draw; a figure of unclear definition is listed in the table only. */
export const chartedDefinitions: DefinitionCode[] = [
  'cbs-lage-inkomensgrens',
  'scp-niet-veel-maar-toereikend',
  'armoedegrens-2024',
];

export const definitions: Record<DefinitionCode, Translations<{ label: string; description: string }>> = {
  'cbs-lage-inkomensgrens': {
    nl: {
      label: 'CBS lage-inkomensgrens',
      description:
        'Kinderen in een huishouden met een inkomen onder de lage-inkomensgrens van het CBS: een vast koopkrachtbedrag, elk jaar alleen met de prijzen aangepast. Het CBS publiceerde deze reeks tot en met 2022.',
    },
    en: {
      label: 'CBS low-income threshold',
      description:
        "Children in a household with an income below CBS's low-income threshold: a fixed purchasing-power amount, adjusted only for prices each year. CBS published this series up to 2022.",
    },
  },
  'scp-niet-veel-maar-toereikend': {
    nl: {
      label: 'SCP niet-veel-maar-toereikend',
      description:
        'Het budget dat het SCP nodig vindt voor de basisbehoeften en een minimale deelname aan de samenleving.',
    },
    en: {
      label: "SCP 'not much but sufficient'",
      description:
        'The budget the Netherlands Institute for Social Research (SCP) deems needed for basic needs and minimal participation in society.',
    },
  },
  'armoedegrens-2024': {
    nl: {
      label: 'Armoedegrens CBS/SCP/Nibud (methode 2024)',
      description:
        'De armoedegrens die CBS, SCP en Nibud in 2024 samen invoerden. Hij is anders berekend en niet te vergelijken met de lage-inkomensgrens.',
    },
    en: {
      label: 'CBS/SCP/Nibud poverty line (2024 method)',
      description:
        'The poverty line CBS, SCP and Nibud introduced together in 2024. It is calculated differently and cannot be compared with the low-income threshold.',
    },
  },
  onduidelijk: {
    nl: {
      label: 'Definitie onduidelijk (secundaire bron)',
      description:
        'Een cijfer uit een secundaire bron die niet zegt welke definitie is gebruikt. Niet in de grafiek.',
    },
    en: {
      label: 'Definition unclear (secondary source)',
      description:
        'A figure from a secondary source that does not say which definition it uses. Not in the chart.',
    },
  },
};

/** How final a published figure is; a later publication of the same year and definition supersedes it. */
export const statusCodes = ['voorlopig', 'herzien', 'gepubliceerd', 'afgeleid', 'secundair'] as const;
export type StatusCode = (typeof statusCodes)[number];

export const statusLabels: Record<StatusCode, Translations<string>> = {
  voorlopig: { nl: 'voorlopig', en: 'provisional' },
  herzien: { nl: 'herzien', en: 'revised' },
  gepubliceerd: { nl: 'gepubliceerd', en: 'published' },
  afgeleid: { nl: 'afgeleid uit twee publicaties', en: 'derived from two publications' },
  secundair: { nl: 'secundaire bron', en: 'secondary source' },
};

/** Where the series change definition: drawn as a break in the chart, so nobody reads one line across. */
export const seriesBreaks: { year: number; label: Translations<string> }[] = [
  { year: 2022, label: { nl: 'Breuk: nieuwe armoedegrens', en: 'Break: new poverty line' } },
];
