import { SessionBar, type ActiveSession } from '../identity/index.ts';
import { formatMoment } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { fileMessage } from './messages.ts';
import { pageMessages } from './page-messages.ts';
import type { ImportRun, RejectedRow } from './runs.ts';
import { Counts, Report } from './run-report.tsx';

type Base = { context: PageContext; session: ActiveSession; csrf: string };
type Organisation = { key: string; name: string };

export const uploadsPath = (organisation: string) =>
  `/beheer/organisaties/${encodeURIComponent(organisation)}/leveringen`;
export const runPath = (organisation: string, runId: string) => `${uploadsPath(organisation)}/${runId}`;

/** Often enough to see it move, seldom enough to read the page (and for a screen reader to finish it). */
const REFRESH_SECONDS = 5;

/** A run that has not moved for this long was cut off with its process; it will not finish. */
const STALLED_AFTER_MS = 5 * 60_000;

export const runState = (run: ImportRun, now: Date): 'running' | 'done' | 'failed' | 'interrupted' =>
  run.status === 'running' && now.getTime() - run.updatedAt.getTime() > STALLED_AFTER_MS
    ? 'interrupted'
    : run.status;

export function UploadPage({
  context,
  session,
  csrf,
  organisation,
  runs,
  errors,
}: Base & { organisation: Organisation; runs: ImportRun[]; errors: FieldError[] }) {
  const text = pageMessages[context.locale];
  const title = text.title(organisation.name);
  const fileError = errors.find((error) => error.field === 'bestand');
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <ErrorSummary errors={errors} locale={context.locale} />
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{text.intro}</p>
      <p class="utrecht-paragraph">{text.columnsIntro}</p>
      <ul class="utrecht-unordered-list">
        {text.columns.map(([name, meaning]) => (
          <li key={name}>
            <code>{name}</code>: {meaning}
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">{text.childIntro}</p>
      <form method="post" action={uploadsPath(organisation.key)} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <FormField id="bestand" label={text.fileLabel} hint={text.fileHint} error={fileError}>
          {(describedBy, invalid) => (
            <input
              class="utrecht-textbox utrecht-textbox--html-input meedoen-file-input"
              id="bestand"
              name="bestand"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.start}
        </button>
      </form>
      <h2 class="utrecht-heading-2">{text.recent}</h2>
      {runs.length === 0 ? (
        <p class="utrecht-paragraph">{text.noRuns}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {runs.map((run) => (
            <li key={run.id}>
              <a class="utrecht-link" href={runPath(organisation.key, run.id)}>
                {run.fileName}
              </a>{' '}
              ({formatMoment(run.startedAt, context.locale)}: {text.statuses[run.status]})
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function RunPage({
  context,
  session,
  csrf,
  organisation,
  run,
  rejects,
  nextPage,
  now,
  autoRefresh,
}: Base & {
  organisation: Organisation;
  run: ImportRun;
  rejects: RejectedRow[];
  nextPage: string | null;
  now: Date;
  /**
   * Only when the reader asked for it: a page that refreshes itself unasked fails WCAG 2.2.1 (and axe's
   * meta-refresh rule), so by default the page shows the progress so far with a link to look again.
   */
  autoRefresh: boolean;
}) {
  const text = pageMessages[context.locale];
  const state = runState(run, now);
  const percent = run.bytesTotal > 0 ? Math.min(100, Math.floor((run.bytesRead / run.bytesTotal) * 100)) : 0;
  const base = runPath(organisation.key, run.id);
  return (
    <Layout
      context={context}
      title={text.runTitle(run.fileName)}
      refreshSeconds={state === 'running' && autoRefresh ? REFRESH_SECONDS : undefined}
    >
      <SessionBar context={context} session={session} csrf={csrf} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={uploadsPath(organisation.key)}>
          {text.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{text.runTitle(run.fileName)}</h1>
      {state === 'running' && (
        <div role="status">
          <p class="utrecht-paragraph">{autoRefresh ? text.runningNote : text.runningNoteStill}</p>
          <label class="utrecht-form-label" for="voortgang">
            {text.progressLabel}
          </label>
          <progress id="voortgang" max={100} value={percent}>
            {percent}%
          </progress>
          <p class="utrecht-paragraph">{text.progress(percent, run.rowsRead)}</p>
          <p class="utrecht-paragraph">
            {autoRefresh ? (
              <a class="utrecht-link" href={base}>
                {text.stopRefreshing}
              </a>
            ) : (
              <>
                <a class="utrecht-link" href={base}>
                  {text.lookAgain}
                </a>
                {' · '}
                <a class="utrecht-link" href={`${base}?verversen=aan`}>
                  {text.startRefreshing}
                </a>
              </>
            )}
          </p>
        </div>
      )}
      {(state === 'failed' || state === 'interrupted') && (
        <div class="meedoen-error-summary" role="alert">
          <p class="utrecht-paragraph">
            {fileMessage(
              state === 'interrupted' ? 'interrupted' : (run.failure ?? 'file_unreadable'),
              run.failureDetail,
              context.locale,
            )}
          </p>
        </div>
      )}
      {state === 'done' && (
        <p class="utrecht-paragraph meedoen-notice" role="status">
          {text.statuses.done}.
        </p>
      )}
      <Counts run={run} locale={context.locale} />
      {state !== 'running' && run.invalid > 0 && (
        <>
          <h2 class="utrecht-heading-2">{text.reportTitle}</h2>
          <p class="utrecht-paragraph">{text.reportIntro}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${base}/correctie.csv`} download>
              {text.download}
            </a>
            <br />
            <span class="meedoen-hint">{text.downloadHint}</span>
          </p>
          <Report rejects={rejects} locale={context.locale} nextPage={nextPage} />
        </>
      )}
      {state === 'done' && run.invalid === 0 && <p class="utrecht-paragraph">{text.noRejects}</p>}
    </Layout>
  );
}
