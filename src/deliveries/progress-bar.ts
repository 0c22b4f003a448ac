import type { Locale } from '../platform/i18n.ts';
import type { ImportProgress } from './import-deliveries.ts';

type Output = { isTTY?: boolean; columns?: number; write(text: string): unknown };

const WIDTH = 30;
const REDRAW_MS = 100;

/**
 * Progress on stderr, by bytes read: on a terminal one line redrawn in place (at most ten times a second);
 * elsewhere (a log file, CI) a plain line every `step` percent, so the log does not fill with redraws.
 */
export function progressBar(output: Output, locale: Locale, step = 10) {
  const rowsLabel = locale === 'nl' ? 'regels' : 'rows';
  let lastDraw = 0;
  let lastStep = -1;
  const line = (p: ImportProgress) => {
    const percent = p.bytesTotal > 0 ? Math.min(100, Math.floor((p.bytesRead / p.bytesTotal) * 100)) : 100;
    const filled = Math.round((percent / 100) * WIDTH);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`;
    return {
      percent,
      text: `${bar} ${String(percent).padStart(3)}%  ${p.rowsRead.toLocaleString(locale)} ${rowsLabel}`,
    };
  };
  return {
    update(progress: ImportProgress) {
      const { percent, text } = line(progress);
      if (output.isTTY) {
        const now = Date.now();
        if (now - lastDraw < REDRAW_MS && percent < 100) return;
        lastDraw = now;
        output.write(`\r${text}`);
      } else if (Math.floor(percent / step) > lastStep) {
        lastStep = Math.floor(percent / step);
        output.write(`${text}\n`);
      }
    },
    done(progress: ImportProgress) {
      const { text } = line({ ...progress, bytesRead: progress.bytesTotal });
      if (output.isTTY) output.write(`\r${text}\n`);
      else if (lastStep < Math.floor(100 / step)) output.write(`${text}\n`);
    },
  };
}
