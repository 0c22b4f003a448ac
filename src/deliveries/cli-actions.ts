import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { findOrganisation } from '../catalogue/index.ts';
import type { Database } from '../platform/db.ts';
import type { Locale } from '../platform/i18n.ts';
import { newTraceId } from '../platform/trace.ts';
import { importDeliveries } from './import-deliveries.ts';
import { fileMessage, rowMessage } from './messages.ts';
import { progressBar } from './progress-bar.ts';
import { pseudonymizeFile } from './pseudonymize.ts';
import { REPORT_HEADER, reportLines, summaryText } from './report.ts';
import { startImportRun } from './runs.ts';
import { messageLists } from './validate-row.ts';

type Streams = { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream | NodeJS.WritableStream };

/** Exit codes: 0 everything imported, 1 nothing imported (the file itself is wrong), 2 some rows rejected. */
export async function importDeliveriesFromCli(
  db: Database,
  options: {
    file: string;
    provider: string;
    locale: Locale;
    reportPath: string | null;
    childKeySecret: string;
    today: string;
  } & Streams,
): Promise<number> {
  const { stderr, locale } = options;
  const say = (text: string) => stderr.write(`meedoen: ${text}\n`);
  if (!(await findOrganisation(db, options.provider))) {
    say(
      locale === 'nl'
        ? `onbekende organisatie: ${options.provider}`
        : `unknown organisation: ${options.provider}`,
    );
    return 1;
  }
  const size = await stat(options.file).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
  if (size === null) {
    say(locale === 'nl' ? `bestand niet gevonden: ${options.file}` : `file not found: ${options.file}`);
    return 1;
  }
  const report: WriteStream | NodeJS.WritableStream = options.reportPath
    ? createWriteStream(options.reportPath)
    : options.stdout;
  report.write(REPORT_HEADER);
  const runId = await db.transaction((tx) =>
    startImportRun(tx, {
      provider: options.provider,
      fileName: basename(options.file),
      bytesTotal: size,
      startedBy: null,
      actor: { personId: null, role: 'operator', organisation: options.provider },
      traceId: newTraceId(),
    }),
  );
  const bar = progressBar(stderr as NodeJS.WriteStream, locale);
  const outcome = await importDeliveries({
    db,
    runId,
    path: options.file,
    bytesTotal: size,
    provider: options.provider,
    today: options.today,
    childKeySecret: options.childKeySecret,
    now: () => new Date(),
    onProgress: (progress) => bar.update(progress),
    onReject: (line, issues) => report.write(reportLines(line, issues)),
  });
  if (!outcome.failure) bar.done(outcome);
  if (options.reportPath) await new Promise((resolve) => (report as WriteStream).end(resolve));
  stderr.write(`${summaryText(outcome, locale)}\n`);
  if (outcome.failure) return 1;
  return outcome.invalid > 0 ? 2 : 0;
}

/** Exit codes: 0 every row keyed, 1 the file is wrong (nothing written), 2 some rows without a key. */
export async function pseudonymizeFromCli(
  options: { input: string; output: string; secret: string; today: string; locale: Locale } & Streams,
): Promise<number> {
  const { stderr, locale } = options;
  const result = await pseudonymizeFile({
    input: options.input,
    output: options.output,
    secret: options.secret,
    today: options.today,
    onProblem: (problem) =>
      stderr.write(
        problem.kind === 'file'
          ? `meedoen: ${fileMessage(problem.code, null, locale)}\n`
          : `${locale === 'nl' ? 'regel' : 'line'} ${problem.line}, ${problem.field}: ${rowMessage(problem.code, locale, messageLists)}\n`,
      ),
  });
  if (result.fileProblem) return 1;
  const nl = locale === 'nl';
  stderr.write(
    `meedoen: ${result.keyed} ${nl ? 'van' : 'of'} ${result.rows} ${nl ? 'regels hebben een kindsleutel' : 'rows have a child key'}` +
      ` → ${options.output}\n`,
  );
  return result.problems > 0 ? 2 : 0;
}

/**
 * The shared secret on a partner's machine: from a file (one trailing line break ignored, as editors add
 * one) or MEEDOEN_CHILD_KEY_SECRET. Never the development default: keys made with it would match nothing.
 */
export async function childKeySecretForPartner(secretFile: string | undefined): Promise<string> {
  const secret = secretFile
    ? (await readFile(secretFile, 'utf8')).replace(/\r?\n$/, '')
    : process.env.MEEDOEN_CHILD_KEY_SECRET;
  if (!secret) throw new Error('no child-key secret: pass --secret-file or set MEEDOEN_CHILD_KEY_SECRET');
  if (secret.length < 32) throw new Error('the child-key secret must be at least 32 characters');
  return secret;
}
