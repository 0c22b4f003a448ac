import type { ActiveSession } from '../identity/index.ts';
import { SessionBar } from '../identity/index.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField, textInput } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { textArea } from '../platform/views/more-fields.tsx';
import { StatusNotice } from '../platform/views/notice.tsx';
import type { TrackedAction } from './store.ts';

import { actionTexts as texts, ByAmbition, History, staffActionsPath } from './pages.tsx';

type StaffBase = { context: PageContext; session: ActiveSession; csrf: string };

export function StaffActionListPage({
  context,
  session,
  csrf,
  actions,
}: StaffBase & { actions: TrackedAction[] }) {
  const text = texts[context.locale];
  return (
    <Layout context={context} title={text.staffTitle}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{text.staffTitle}</h1>
      <p class="utrecht-paragraph">{text.staffIntro}</p>
      <ByAmbition
        actions={actions}
        locale={context.locale}
        link={(a) => [`${staffActionsPath}/${a.key}`, text.open]}
      />
    </Layout>
  );
}

export function StaffActionPage(
  props: StaffBase & {
    action: TrackedAction;
    fields: Record<string, string>;
    errors: FieldError[];
    saved: boolean;
  },
) {
  const { context, session, csrf, action, fields, errors, saved } = props;
  const text = texts[context.locale];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${action.title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={staffActionsPath}>
          {text.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1" lang="nl">
        {action.title}
      </h1>
      {saved && <StatusNotice>{text.saved}</StatusNotice>}
      <h2 class="utrecht-heading-2">{text.update}</h2>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="post" action={`${staffActionsPath}/${action.key}`} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <FormField id="statusText" label={text.statusText} error={errorFor('statusText')}>
          {textArea({ id: 'statusText', value: fields.statusText, rows: 8 })}
        </FormField>
        <FormField id="whenText" label={text.whenText} error={errorFor('whenText')}>
          {textInput({ id: 'whenText', value: fields.whenText })}
        </FormField>
        <FormField id="reportedOn" label={text.reportedOnField} error={errorFor('reportedOn')}>
          {textInput({ id: 'reportedOn', type: 'date', value: fields.reportedOn })}
        </FormField>
        <FormField id="source" label={text.sourceField} error={errorFor('source')}>
          {textInput({ id: 'source', value: fields.source })}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.save}
        </button>
      </form>
      <h2 class="utrecht-heading-2">{text.historyTitle}</h2>
      <History action={action} locale={context.locale} />
    </Layout>
  );
}
