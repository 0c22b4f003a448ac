import type { Bar } from '../platform/charts/index.ts';
import { formatNumber, type DataTable } from '../platform/export/index.ts';
import type { Locale } from '../platform/i18n.ts';
import type { Breakdown } from '../reach/index.ts';
import { CellWriter, reachCredit } from './cells.ts';
import { dashboardMessages } from './messages.ts';
import { municipalityMessages } from './municipality-messages.ts';

/** Children reached by one breakdown (kind of help, organisation): bars, their description and the table. */
export function breakdown(
  entries: Breakdown,
  labelOf: (key: string) => string,
  title: string,
  column: string,
  locale: Locale,
): { bars: Bar[]; table: DataTable | null; description: string } {
  const text = municipalityMessages[locale];
  const shared = dashboardMessages[locale];
  const cells = new CellWriter(locale);
  const rows = entries.map((entry) => ({ key: labelOf(entry.key), reached: cells.count(entry.reached) }));
  const bars: Bar[] = entries.map((entry) => ({
    key: entry.key,
    label: labelOf(entry.key),
    value: entry.reached.value,
    missingReason: entry.reached.suppressed ? shared.hiddenShort[entry.reached.suppressed.code] : undefined,
  }));
  const largest = [...bars].sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
  const description = [
    largest?.value != null
      ? text.describe.counts(bars.length, `${largest.label} ${formatNumber(largest.value, locale)}`)
      : '',
    text.describe.table,
  ]
    .filter(Boolean)
    .join(' ');
  if (entries.length === 0) return { bars, table: null, description };
  return {
    bars,
    description,
    table: {
      title,
      columns: [
        { key: 'key', label: column, kind: 'text' },
        { key: 'reached', label: text.columns.reached, kind: 'number' },
      ],
      rows,
      source: reachCredit(locale),
      notes: cells.notes(),
    },
  };
}
