import { readFile } from 'node:fs/promises';
import type { Database } from '../platform/db.ts';
import type { Locale } from '../platform/i18n.ts';
import { importLabourParticipation } from './import-labour-participation.ts';
import { formatFileReport, validateLabourParticipationFile } from './labour-participation-file.ts';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * `meedoen import labour-participation FILE`: checks the whole file, then writes it in one transaction, or
 * writes nothing and prints every problem by line and field. Returns the process exit code.
 */
export async function importLabourParticipationFromCli(
  db: Database,
  options: { file: string; locale: Locale; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const { file, locale, stdout, stderr } = options;
  let text: string;
  try {
    const buffer = await readFile(file);
    if (buffer.length > MAX_FILE_BYTES) throw new Error('too large');
    text = buffer.toString('utf8');
  } catch {
    stderr.write(
      locale === 'nl'
        ? `meedoen: kan ${file} niet lezen (bestaat het, en is het kleiner dan 5 MB?)\n`
        : `meedoen: cannot read ${file} (does it exist, and is it smaller than 5 MB?)\n`,
    );
    return 1;
  }
  const result = validateLabourParticipationFile(text, locale);
  if (!result.ok) {
    const heading =
      locale === 'nl'
        ? `Niets ingelezen: ${result.errors.length} fout(en) in ${file}`
        : `Nothing imported: ${result.errors.length} error(s) in ${file}`;
    stderr.write(`${heading}\n${formatFileReport(result.errors, locale)}\n`);
    return 1;
  }
  const { written } = await db.transaction((tx) => importLabourParticipation({ tx, rows: result.rows }));
  stdout.write(
    locale === 'nl'
      ? `meedoen: ingelezen: ${written} regels arbeidsparticipatie (bestaande jaren en groepen vervangen)\n`
      : `meedoen: imported: ${written} labour-participation rows (existing years and groups replaced)\n`,
  );
  return 0;
}
