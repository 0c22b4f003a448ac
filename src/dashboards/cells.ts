import type { Published, PublishedPercent, SuppressionReason } from '../platform/disclosure/index.ts';
import { suppressionReasons } from '../platform/disclosure/index.ts';
import { formatNumber, missing, type Cell } from '../platform/export/index.ts';
import type { Locale } from '../platform/i18n.ts';
import { dashboardMessages } from './messages.ts';

/**
 * Turns published figures into table cells and remembers why cells were withheld or rounded, so the notes
 * under a table (and in its file) explain exactly the reasons that occur in it.
 */
export class CellWriter {
  private readonly reasons = new Set<SuppressionReason>();
  private rounded = false;

  constructor(readonly locale: Locale) {}

  count(figure: Published): Cell {
    if (figure.suppressed) return this.hidden(figure.suppressed.code);
    if (figure.rounded) this.rounded = true;
    return figure.value;
  }

  percent(figure: PublishedPercent): Cell {
    if (figure.suppressed) return this.hidden(figure.suppressed.code);
    return figure.value;
  }

  private hidden(code: SuppressionReason): Cell {
    this.reasons.add(code);
    return missing(dashboardMessages[this.locale].hiddenShort[code]);
  }

  /** The notes for a table: each reason that occurs, in full, and the rounding when it happened. */
  notes(extra: string[] = []): string[] {
    const text = dashboardMessages[this.locale];
    const reasons = [...this.reasons].map(
      (code) => `${text.hiddenShort[code]}: ${suppressionReasons[code][this.locale]}`,
    );
    return [...extra, ...reasons, ...(this.rounded ? [text.roundedNote] : [])];
  }
}

/** The credit line of every reach table: target groups and municipal data come from CBS. */
export const reachCredit = (locale: Locale) => dashboardMessages[locale].credit;

export const percentText = (value: number, locale: Locale, decimals = 1) =>
  dashboardMessages[locale].percent(formatNumber(value, locale, Number.isInteger(value) ? 0 : decimals));
