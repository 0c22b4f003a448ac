import type { ActiveSession } from '../identity/index.ts';
import { SessionBar } from '../identity/index.ts';
import { formatIsoDate, type Locale } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import {
  ErrorSummary,
  errorTitlePrefix,
  FormField,
  RadioQuestion,
  textInput,
} from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { selectBox, textArea } from '../platform/views/more-fields.tsx';
import { StatusNotice } from '../platform/views/notice.tsx';
import type { InsightFigures } from './aggregate.ts';
import { lifeDomainLabels, lifeDomains, type LifeDomain } from './domains.ts';
import { Figure, FigureTable } from './figure-table.tsx';
import { insightMessages } from './messages.ts';
import { ageGroups } from './record-form.ts';
import type { ReadableRecord } from './store.ts';

type Municipality = { code: string; name: string };
type Base = { context: PageContext; session: ActiveSession; csrf: string };
export const insightPath = '/inzicht';

export function InsightPage({
  context,
  figures,
  names,
}: {
  context: PageContext;
  figures: InsightFigures;
  names: Map<string, string>;
}) {
  const locale = context.locale;
  const text = insightMessages[locale];
  const domainNames = figures.domains.map((d) => lifeDomainLabels[locale][d]);
  return (
    <Layout context={context} title={text.title}>
      <h1 class="utrecht-heading-1">{text.title}</h1>
      <p class="utrecht-paragraph">{text.intro}</p>
      <p class="utrecht-paragraph">
        {text.total}{' '}
        <strong>
          <Figure figure={figures.total} locale={locale} />
        </strong>
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${insightPath}/kinderen`}>
          {text.childrenLink}
        </a>
      </p>
      <h2 class="utrecht-heading-2">{text.matrixTitle}</h2>
      <p class="utrecht-paragraph">{text.matrixIntro}</p>
      <FigureTable
        id="samenhang"
        caption={text.matrixCaption}
        corner={text.domain}
        columns={domainNames}
        rows={figures.matrix.map((cells, i) => ({ label: domainNames[i]!, cells }))}
        locale={locale}
      />
      <h2 class="utrecht-heading-2">{text.quarterTitle}</h2>
      <FigureTable
        id="per-kwartaal"
        caption={text.quarterCaption}
        corner={text.quarter}
        columns={domainNames}
        totalLabel={text.records}
        rows={figures.quarters.labels.map((label, i) => ({
          label,
          cells: figures.quarters.table.cells[i]!,
          total: figures.quarters.table.rowTotals[i]!,
        }))}
        locale={locale}
      />
      <h2 class="utrecht-heading-2">{text.regionTitle}</h2>
      <FigureTable
        id="per-gemeente"
        caption={text.regionCaption}
        corner={text.municipality}
        columns={domainNames}
        totalLabel={text.records}
        rows={figures.municipalities.labels.map((code, i) => ({
          label: names.get(code) ?? code,
          cells: figures.municipalities.table.cells[i]!,
          total: figures.municipalities.table.rowTotals[i]!,
        }))}
        locale={locale}
      />
    </Layout>
  );
}

export function RecordFormPage(
  props: Base & {
    organisation: { key: string; name: string };
    municipalities: Municipality[];
    fields: Record<string, string>;
    errors: FieldError[];
    saved: boolean;
    recorded: number;
  },
) {
  const { context, session, csrf, organisation, municipalities, fields, errors, saved, recorded } = props;
  const locale = context.locale;
  const text = insightMessages[locale];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const action = `/beheer/organisaties/${encodeURIComponent(organisation.key)}/inzicht`;
  const title = text.recordTitle(organisation.name);
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, locale)}${title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{title}</h1>
      {saved && <StatusNotice>{text.saved}</StatusNotice>}
      <p class="utrecht-paragraph">{text.recordIntro}</p>
      <p class="utrecht-paragraph">{text.recorded(recorded)}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={insightPath}>
          {text.seeFigures}
        </a>
      </p>
      <ErrorSummary errors={errors} locale={locale} />
      <form class="meedoen-form" method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <RadioQuestion
          name="kind"
          question={text.kind}
          headingLevel={2}
          options={[
            { value: 'portrait', label: text.portrait, hint: text.portraitHint },
            { value: 'signal', label: text.signal, hint: text.signalHint },
          ]}
          value={fields.kind}
          error={errorFor('kind')}
        />
        <FormField id="municipality" label={text.municipality} error={errorFor('municipality')}>
          {selectBox({
            id: 'municipality',
            value: fields.municipality,
            empty: text.choose,
            options: municipalities.map((m) => ({ value: m.code, label: m.name })),
          })}
        </FormField>
        <FormField id="observedOn" label={text.observedOn} error={errorFor('observedOn')}>
          {textInput({ id: 'observedOn', type: 'date', value: fields.observedOn })}
        </FormField>
        <FormField id="ageGroup" label={text.ageGroup} error={errorFor('ageGroup')}>
          {selectBox({
            id: 'ageGroup',
            value: fields.ageGroup,
            empty: text.choose,
            options: ageGroups.map((group) => ({ value: group, label: text.years(group) })),
          })}
        </FormField>
        <FormField id="story" label={text.story} hint={text.noNames} error={errorFor('story')}>
          {textArea({ id: 'story', value: fields.story, rows: 8 })}
        </FormField>
        <fieldset class="utrecht-form-fieldset" id="severity" aria-describedby="severity-hint">
          <legend>
            <h2 class="utrecht-heading-2 meedoen-legend-heading">{text.domainsQuestion}</h2>
          </legend>
          <span class="meedoen-hint" id="severity-hint">
            {text.domainsHint}
          </span>
          {errorFor('severity') && (
            <span class="meedoen-field-error utrecht-form-field-error-message" id="severity-error">
              {errorFor('severity')!.message}
            </span>
          )}
          {lifeDomains.map((domain: LifeDomain) => (
            <FormField key={domain} id={`severity.${domain}`} label={lifeDomainLabels[locale][domain]}>
              {selectBox({
                id: `severity.${domain}`,
                value: fields[`severity.${domain}`],
                options: ([0, 1, 2, 3] as const).map((level) => ({
                  value: level === 0 ? '' : String(level),
                  label: text.severity[level],
                })),
              })}
            </FormField>
          ))}
        </fieldset>
        <FormField id="supportConnected" label={text.supportConnected} error={errorFor('supportConnected')}>
          {textArea({ id: 'supportConnected', value: fields.supportConnected, rows: 3 })}
        </FormField>
        <FormField id="supportMissing" label={text.supportMissing} error={errorFor('supportMissing')}>
          {textArea({ id: 'supportMissing', value: fields.supportMissing, rows: 3 })}
        </FormField>
        <FormField id="quote" label={text.quote} hint={text.quoteHint} error={errorFor('quote')}>
          {textArea({ id: 'quote', value: fields.quote, rows: 3 })}
        </FormField>
        <div class={`meedoen-choices${errorFor('quoteConsent') ? ' utrecht-form-field--invalid' : ''}`}>
          {errorFor('quoteConsent') && (
            <span class="meedoen-field-error utrecht-form-field-error-message" id="quoteConsent-error">
              {errorFor('quoteConsent')!.message}
            </span>
          )}
          <label for="quoteConsent">
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id="quoteConsent"
              name="quoteConsent"
              value="yes"
              checked={fields.quoteConsent === 'yes'}
              aria-describedby={errorFor('quoteConsent') ? 'quoteConsent-error' : undefined}
            />
            <span>{text.quoteConsent}</span>
          </label>
        </div>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.save}
        </button>
      </form>
    </Layout>
  );
}

export function ReadRecordsPage(props: Base & { records: ReadableRecord[]; names: Map<string, string> }) {
  const { context, session, csrf, records, names } = props;
  const locale: Locale = context.locale;
  const text = insightMessages[locale];
  return (
    <Layout context={context} title={text.readTitle}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{text.readTitle}</h1>
      <p class="utrecht-paragraph">{text.readIntro}</p>
      <ul class="meedoen-results">
        {records.map((record) => (
          <li class="meedoen-card" key={record.id}>
            <h2 class="utrecht-heading-3">
              {record.kind === 'portrait' ? text.portrait : text.signal} ·{' '}
              {names.get(record.municipalityCode) ?? record.municipalityCode} ·{' '}
              {formatIsoDate(record.observedOn, locale)} · {text.years(record.ageGroup)}
            </h2>
            <p class="utrecht-paragraph" lang="nl">
              {record.story}
            </p>
            <ul class="utrecht-unordered-list">
              {record.domains.map((d) => (
                <li key={d.domain}>
                  {lifeDomainLabels[locale][d.domain as LifeDomain] ?? d.domain}:{' '}
                  {text.severity[d.severity as 1]}
                </li>
              ))}
            </ul>
            {record.supportConnected && (
              <p class="utrecht-paragraph">
                {text.supportConnected}: <span lang="nl">{record.supportConnected}</span>
              </p>
            )}
            {record.supportMissing && (
              <p class="utrecht-paragraph">
                {text.supportMissing}: <span lang="nl">{record.supportMissing}</span>
              </p>
            )}
            {record.quote && (
              <blockquote class="utrecht-blockquote" lang="nl">
                {record.quote}
              </blockquote>
            )}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
