import { ambitionLabels, ambitionNumbers } from '../actions/index.ts';
import { lifeDomainLabels, lifeDomains } from '../insight/index.ts';
import type { ActiveSession } from '../identity/index.ts';
import { SessionBar } from '../identity/index.ts';
import type { FieldError } from '../platform/validation.ts';
import {
  ErrorSummary,
  errorTitlePrefix,
  FormField,
  RadioQuestion,
  textInput,
} from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { CheckboxGroup, textArea } from '../platform/views/more-fields.tsx';
import { StatusNotice } from '../platform/views/notice.tsx';
import { practiceMessages } from './messages.ts';
import { PracticeCard, PracticeTitle, StatusLine } from './practice-parts.tsx';
import { PracticeBody, ReviewHistory } from './practice-view.tsx';
import type { Practice, ReviewStep } from './store.ts';
import type { PracticeMove } from './workflow.ts';

type Base = { context: PageContext; session: ActiveSession; csrf: string };
export type PracticeFields = Record<string, string> & { ambitions?: never };
export type PracticeFormValues = {
  fields: Record<string, string>;
  ambitions: string[];
  lifeDomains: string[];
};

export const ownPracticesPath = (organisation: string) =>
  `/beheer/organisaties/${encodeURIComponent(organisation)}/goede-voorbeelden`;
export const reviewPath = '/beheer/goede-voorbeelden';

export function OwnPracticesPage(
  props: Base & { organisation: { key: string; name: string }; practices: Practice[]; saved: boolean },
) {
  const { context, session, csrf, organisation, practices, saved } = props;
  const text = practiceMessages[context.locale];
  const base = ownPracticesPath(organisation.key);
  return (
    <Layout context={context} title={text.ownTitle(organisation.name)}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{text.ownTitle(organisation.name)}</h1>
      {saved && <StatusNotice>{text.submitted}</StatusNotice>}
      <p class="utrecht-paragraph">{text.ownIntro}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/nieuw`}>
          {text.newPractice}
        </a>
      </p>
      <ul class="meedoen-results">
        {practices.map((practice) => (
          <PracticeCard
            key={practice.id}
            practice={practice}
            heading="h2"
            href={`${base}/${practice.id}`}
            linkText={text.open}
          >
            <StatusLine practice={practice} locale={context.locale} />
          </PracticeCard>
        ))}
      </ul>
    </Layout>
  );
}

/** The submit form, new or (after a return) prefilled; the reviewer's comments above it. */
export function PracticeFormPage(
  props: Base & {
    action: string;
    back: string;
    values: PracticeFormValues;
    errors: FieldError[];
    returned: { comment: string | null; history: ReviewStep[] } | null;
  },
) {
  const { context, session, csrf, action, back, values, errors, returned } = props;
  const locale = context.locale;
  const text = practiceMessages[locale];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const title = returned ? text.editTitle : text.newTitle;
  const field = (id: string, label: string, kind: 'line' | 'area', hint?: string) => (
    <FormField id={id} label={label} hint={hint} error={errorFor(id)}>
      {kind === 'line'
        ? textInput({ id, value: values.fields[id] })
        : textArea({ id, value: values.fields[id] })}
    </FormField>
  );
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, locale)}${title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={back}>
          {text.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      {returned?.comment && (
        <div class="meedoen-card">
          <p class="utrecht-paragraph">{text.returnedBecause}</p>
          <p class="utrecht-paragraph" lang="nl">
            {returned.comment}
          </p>
        </div>
      )}
      <ErrorSummary errors={errors} locale={locale} />
      <form class="meedoen-form" method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        {field('title', text.title, 'line')}
        {field('summary', text.summary, 'area')}
        {field('problem', text.fields.problem, 'area')}
        {field('approach', text.fields.approach, 'area')}
        <CheckboxGroup
          name="ambitions"
          question={text.fields.ambitions}
          options={ambitionNumbers.map((n) => ({ value: String(n), label: ambitionLabels[locale][n]! }))}
          values={values.ambitions}
          error={errorFor('ambitions')}
        />
        <CheckboxGroup
          name="lifeDomains"
          question={text.fields.lifeDomains}
          options={lifeDomains.map((d) => ({ value: d, label: lifeDomainLabels[locale][d] }))}
          values={values.lifeDomains}
          error={errorFor('lifeDomains')}
        />
        {field('targetGroup', text.fields.targetGroup, 'line')}
        {field('results', text.fields.results, 'area')}
        <RadioQuestion
          name="evidence"
          question={text.fields.evidence}
          headingLevel={2}
          options={(['measured', 'observed', 'none'] as const).map((value) => ({
            value,
            label: text.evidence[value],
          }))}
          value={values.fields.evidence}
          error={errorFor('evidence')}
        />
        {field('costs', text.fields.costs, 'line')}
        {field('contact', text.fields.contact, 'line', text.contactHint)}
        {field('documents', text.fields.documents, 'area', text.documentsHint)}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {returned ? text.resubmit : text.submit}
        </button>
      </form>
      {returned && <ReviewHistory steps={returned.history} locale={locale} />}
    </Layout>
  );
}

/** What the organisation sees of a practice it submitted that is not open for editing. */
export function OwnPracticePage(props: Base & { practice: Practice; history: ReviewStep[]; back: string }) {
  const { context, session, csrf, practice, history, back } = props;
  const text = practiceMessages[context.locale];
  return (
    <Layout context={context} title={practice.title}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <PracticeTitle title={practice.title} back={back} backText={text.back} />
      <StatusLine practice={practice} locale={context.locale} />
      <PracticeBody practice={practice} locale={context.locale} />
      <ReviewHistory steps={history} locale={context.locale} />
    </Layout>
  );
}

export function ReviewQueuePage(
  props: Base & { practices: Practice[]; names: Map<string, string>; saved: boolean },
) {
  const { context, session, csrf, practices, names, saved } = props;
  const text = practiceMessages[context.locale];
  return (
    <Layout context={context} title={text.reviewQueue}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{text.reviewQueue}</h1>
      {saved && <StatusNotice>{text.moved}</StatusNotice>}
      <p class="utrecht-paragraph">{practices.length === 0 ? text.reviewNone : text.reviewIntro}</p>
      <ul class="meedoen-results">
        {practices.map((practice) => (
          <PracticeCard
            key={practice.id}
            practice={practice}
            heading="h2"
            href={`${reviewPath}/${practice.id}`}
            linkText={text.open}
          >
            <p class="utrecht-paragraph">
              {text.by(names.get(practice.organisationKey) ?? practice.organisationKey)} ·{' '}
              {text.statuses[practice.status]}
            </p>
          </PracticeCard>
        ))}
      </ul>
    </Layout>
  );
}

export function ReviewPage(
  props: Base & {
    practice: Practice;
    history: ReviewStep[];
    moves: PracticeMove[];
    fields: Record<string, string>;
    errors: FieldError[];
    notice: string | null;
  },
) {
  const { context, session, csrf, practice, history, moves, fields, errors, notice } = props;
  const locale = context.locale;
  const text = practiceMessages[locale];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, locale)}${practice.title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <PracticeTitle title={practice.title} back={reviewPath} backText={text.reviewQueue} />
      {notice && <StatusNotice>{notice}</StatusNotice>}
      <StatusLine practice={practice} locale={locale} />
      {moves.length > 0 && (
        <>
          <ErrorSummary errors={errors} locale={locale} />
          <form class="meedoen-form" method="post" action={`${reviewPath}/${practice.id}`} novalidate>
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="from" value={practice.status} />
            <RadioQuestion
              name="to"
              question={text.decision}
              headingLevel={2}
              options={moves.map((move) => ({ value: move.to, label: text.moveTo[move.to] }))}
              value={fields.to}
              error={errorFor('to')}
            />
            <FormField id="comment" label={text.comment} hint={text.commentHint} error={errorFor('comment')}>
              {textArea({ id: 'comment', value: fields.comment, rows: 4 })}
            </FormField>
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              {text.save}
            </button>
          </form>
        </>
      )}
      <PracticeBody practice={practice} locale={locale} />
      <ReviewHistory steps={history} locale={locale} />
    </Layout>
  );
}
