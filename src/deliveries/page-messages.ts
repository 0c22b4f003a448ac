import type { Translations } from '../platform/i18n.ts';

type Texts = {
  title: (organisation: string) => string;
  intro: string;
  columnsIntro: string;
  columns: [string, string][];
  childIntro: string;
  fileLabel: string;
  fileHint: string;
  start: string;
  recent: string;
  noRuns: string;
  started: string;
  file: string;
  status: string;
  statuses: Record<'running' | 'done' | 'failed', string>;
  runTitle: (file: string) => string;
  back: string;
  runningNote: string;
  runningNoteStill: string;
  stopRefreshing: string;
  lookAgain: string;
  startRefreshing: string;
  progressLabel: string;
  progress: (percent: number, rows: number) => string;
  counts: { rowsRead: string; imported: string; duplicates: string; invalid: string };
  reportTitle: string;
  reportIntro: string;
  reportCaption: string;
  line: string;
  field: string;
  message: string;
  noRejects: string;
  more: string;
  download: string;
  downloadHint: string;
  chooseFile: string;
};

export const pageMessages: Translations<Texts> = {
  nl: {
    title: (organisation) => `Leveringen importeren voor ${organisation}`,
    intro:
      'Werkt uw organisatie in een eigen systeem? Lever dan uw leveringen aan als CSV- of Excel-bestand (.xlsx). Meedoen telt zo hoeveel verschillende kinderen er zijn bereikt, over alle organisaties heen. Goede regels worden bewaard; regels met een fout ziet u terug, zodat u ze kunt verbeteren. Hetzelfde bestand twee keer aanleveren verandert niets.',
    columnsIntro: 'De eerste regel van het bestand bevat deze kolomnamen:',
    columns: [
      ['reference', 'uw eigen kenmerk van de levering (uniek binnen uw organisatie)'],
      ['municipality', 'de gemeente: CBS-code (GM0363) of naam'],
      ['delivered_on', 'de datum van levering: 2025-03-28 of 28-03-2025'],
      ['category', 'de categorie, zoals sport, culture of school_costs'],
      ['value', 'de waarde in euro: 12,50 of 12.50'],
      ['income_source', 'het inkomen van het huishouden: bijstand, work, other_benefit, other of unknown'],
    ],
    childIntro:
      'En het kind: de kolom child_key (gemaakt met meedoen pseudonymize), of de kolommen first_name, birth_date, postcode en house_number. Die gegevens worden bij aankomst omgezet in de kindsleutel en nergens bewaard.',
    fileLabel: 'Bestand met leveringen',
    fileHint: 'CSV of Excel (.xlsx), hoogstens 100 MB.',
    start: 'Importeren',
    recent: 'Eerdere imports',
    noRuns: 'Er zijn nog geen leveringen geïmporteerd.',
    started: 'Gestart',
    file: 'Bestand',
    status: 'Stand',
    statuses: { running: 'Bezig', done: 'Klaar', failed: 'Niet gelukt' },
    runTitle: (file) => `Import van ${file}`,
    back: 'Terug naar leveringen importeren',
    runningNote: 'De import loopt. Deze pagina ververst zichzelf elke paar seconden.',
    runningNoteStill: 'De import loopt. Dit is de voortgang van nu.',
    stopRefreshing: 'Niet meer automatisch verversen',
    lookAgain: 'Voortgang opnieuw bekijken',
    startRefreshing: 'Elke 5 seconden vanzelf verversen',
    progressLabel: 'Voortgang',
    progress: (percent, rows) => `${percent}% gelezen, ${rows.toLocaleString('nl-NL')} regels`,
    counts: {
      rowsRead: 'Regels gelezen',
      imported: 'Geïmporteerd',
      duplicates: 'Al eerder geïmporteerd',
      invalid: 'Afgekeurd',
    },
    reportTitle: 'Regels met een fout',
    reportIntro:
      'Deze regels zijn niet geïmporteerd. Verbeter ze in het correctiebestand en lever dat aan; de andere regels zijn al geïmporteerd.',
    reportCaption: 'Fouten per regel en kolom',
    line: 'Regel',
    field: 'Kolom',
    message: 'Wat er niet klopt',
    noRejects: 'Alle regels waren goed.',
    more: 'Volgende fouten',
    download: 'Correctiebestand downloaden (CSV)',
    downloadHint:
      'Met de afgekeurde regels. De gegevens van kinderen staan er niet in: vul die opnieuw in, of de kindsleutel.',
    chooseFile: 'Kies een CSV- of Excel-bestand met leveringen.',
  },
  en: {
    title: (organisation) => `Import deliveries for ${organisation}`,
    intro:
      'Does your organisation work in its own system? Then send your deliveries as a CSV or Excel file (.xlsx). Meedoen counts how many different children were reached, across all organisations. Good rows are kept; rows with an error are shown to you so you can correct them. Sending the same file twice changes nothing.',
    columnsIntro: 'The first line of the file holds these column names:',
    columns: [
      ['reference', 'your own reference for the delivery (unique within your organisation)'],
      ['municipality', 'the municipality: CBS code (GM0363) or name'],
      ['delivered_on', 'the date of delivery: 2025-03-28 or 28-03-2025'],
      ['category', 'the category, such as sport, culture or school_costs'],
      ['value', 'the value in euros: 12.50 or 12,50'],
      ['income_source', "the household's income: bijstand, work, other_benefit, other or unknown"],
    ],
    childIntro:
      'And the child: the column child_key (made with meedoen pseudonymize), or the columns first_name, birth_date, postcode and house_number. Those details are turned into the child key on arrival and stored nowhere.',
    fileLabel: 'File with deliveries',
    fileHint: 'CSV or Excel (.xlsx), at most 100 MB.',
    start: 'Import',
    recent: 'Earlier imports',
    noRuns: 'No deliveries have been imported yet.',
    started: 'Started',
    file: 'File',
    status: 'Status',
    statuses: { running: 'Running', done: 'Done', failed: 'Failed' },
    runTitle: (file) => `Import of ${file}`,
    back: 'Back to importing deliveries',
    runningNote: 'The import is running. This page refreshes itself every few seconds.',
    runningNoteStill: 'The import is running. This is the progress so far.',
    stopRefreshing: 'Stop refreshing automatically',
    lookAgain: 'Look at the progress again',
    startRefreshing: 'Refresh by itself every 5 seconds',
    progressLabel: 'Progress',
    progress: (percent, rows) => `${percent}% read, ${rows.toLocaleString('en-GB')} rows`,
    counts: {
      rowsRead: 'Rows read',
      imported: 'Imported',
      duplicates: 'Already imported before',
      invalid: 'Rejected',
    },
    reportTitle: 'Rows with an error',
    reportIntro:
      'These rows were not imported. Correct them in the correction file and send it; the other rows have been imported.',
    reportCaption: 'Errors by row and column',
    line: 'Line',
    field: 'Column',
    message: 'What is wrong',
    noRejects: 'All rows were good.',
    more: 'Next errors',
    download: 'Download the correction file (CSV)',
    downloadHint:
      "With the rejected rows. Children's details are not in it: fill them in again, or the child key.",
    chooseFile: 'Choose a CSV or Excel file with deliveries.',
  },
};
