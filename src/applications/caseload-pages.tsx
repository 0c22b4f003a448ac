import { SessionBar, type ActiveSession } from '../identity/index.ts';
import { formatMoment, type Locale } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { caseloadMessages } from './caseload-messages.ts';
import { applicationPath, caseloadPath, draftPath, itemActionPath } from './caseload-paths.ts';
import type { ApplicationDetail, CaseloadApplication, CaseloadItem } from './caseload-store.ts';
import type { StaffDraft } from './intermediary-store.ts';
import { firstOpenDraftStep } from './intermediary-draft.ts';
import { statusLabels } from './intermediary-messages.ts';
import { canMove } from './status.ts';
import { StatusNotice } from '../platform/views/notice.tsx';

type Base = {
  context: PageContext;
  session: ActiveSession;
  csrf: string;
  organisation: { key: string; name: string };
};

const waiting = (item: CaseloadItem) => item.status === 'information_requested';

function childName(application: CaseloadApplication, childId: string, locale: Locale) {
  const child = application.children.find((c) => c.id === childId);
  return child?.firstName ?? caseloadMessages[locale].erasedName;
}

export function CaseloadPage({
  context,
  session,
  csrf,
  organisation,
  applications,
  drafts,
  draftGone,
}: Base & { applications: CaseloadApplication[]; drafts: StaffDraft[]; draftGone: boolean }) {
  const { locale } = context;
  const text = caseloadMessages[locale];
  const base = caseloadPath(organisation.key);
  const waitingCount = applications.flatMap((a) => a.items).filter(waiting).length;
  return (
    <Layout context={context} title={text.title}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{text.title}</h1>
      {draftGone && <StatusNotice>{text.draftGone}</StatusNotice>}
      <p class="utrecht-paragraph">{text.intro(organisation.name)}</p>
      <form method="post" action={`${base}/aanvragen`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.newApplication}
        </button>
      </form>
      {drafts.length > 0 && (
        <section aria-labelledby="concepten">
          <h2 class="utrecht-heading-2" id="concepten">
            {text.drafts}
          </h2>
          <ul class="utrecht-unordered-list">
            {drafts.map((draft) => (
              <li key={draft.id}>
                <a
                  class="utrecht-link"
                  href={draftPath(organisation.key, draft.id, firstOpenDraftStep(draft.answers))}
                >
                  {text.draft(
                    formatMoment(draft.updatedAt, locale),
                    draft.answers.family?.municipality.name ?? null,
                  )}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2 class="utrecht-heading-2">{text.applications}</h2>
      {waitingCount > 0 && <StatusNotice>{text.waitingSummary(waitingCount)}</StatusNotice>}
      {applications.length === 0 ? (
        <p class="utrecht-paragraph">{text.none}</p>
      ) : (
        <ul class="meedoen-results">
          {applications.map((application) => {
            const anyWaiting = application.items.some(waiting);
            return (
              <li
                class={`meedoen-card${anyWaiting ? ' meedoen-outcome--undecided' : ''}`}
                key={application.id}
              >
                <h3 class="utrecht-heading-3">
                  <a class="utrecht-link" href={applicationPath(organisation.key, application.id)}>
                    {application.children.map((c) => c.firstName ?? text.erasedName).join(', ')}
                    <span class="meedoen-visually-hidden">, </span> ({application.reference})
                  </a>
                </h3>
                <p class="utrecht-paragraph">
                  {text.sent(formatMoment(application.submittedAt, locale), application.municipalityName)}
                </p>
                {anyWaiting && (
                  <p class="utrecht-paragraph">
                    <strong>{text.waiting}</strong>
                  </p>
                )}
                <ul class="utrecht-unordered-list">
                  {application.items.map((item) => (
                    <li key={item.id}>
                      {childName(application, item.childId, locale)}: {item.provisionName[locale]} —{' '}
                      {waiting(item) ? (
                        <strong>{statusLabels[locale][item.status]}</strong>
                      ) : (
                        statusLabels[locale][item.status]
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}

export type DetailNotice = 'sent' | 'answered' | 'withdrawn' | 'confirmed';

function ItemSection({
  context,
  csrf,
  organisation,
  application,
  item,
  errors,
  values,
}: Base & {
  application: ApplicationDetail;
  item: CaseloadItem;
  errors: FieldError[];
  values: Record<string, string>;
}) {
  const { locale } = context;
  const text = caseloadMessages[locale];
  const events = application.events.filter((e) => e.itemId === item.id);
  const question = events.filter((e) => e.toStatus === 'information_requested').at(-1);
  const answerField = `answer-${item.id}`;
  const answerError = errors.find((e) => e.field === answerField);
  const action = (name: string) => itemActionPath(organisation.key, application.id, item.id, name);
  const heading = `${childName(application, item.childId, locale)}: ${item.provisionName[locale]}`;
  return (
    <section
      class={`meedoen-card${waiting(item) ? ' meedoen-outcome--undecided' : ''}`}
      aria-labelledby={`item-${item.id}`}
    >
      <h2 class="utrecht-heading-3" id={`item-${item.id}`}>
        {heading}
      </h2>
      <p class="utrecht-paragraph">
        {text.status}: <strong>{statusLabels[locale][item.status]}</strong>
        {item.participationConfirmedAt &&
          ` · ${text.participationConfirmed(formatMoment(item.participationConfirmedAt, locale))}`}
      </p>
      {waiting(item) && question && (
        <>
          <p class="utrecht-paragraph">
            <strong>{text.question}</strong> {question.text ?? ''}
          </p>
          <form class="meedoen-form" method="post" action={action('antwoord')} novalidate>
            <input type="hidden" name="_csrf" value={csrf} />
            <FormField id={answerField} label={text.answer} hint={text.answerHint} error={answerError}>
              {(describedBy, invalid) => (
                <textarea
                  class="utrecht-textarea meedoen-textarea"
                  id={answerField}
                  name="answer"
                  rows={4}
                  aria-describedby={describedBy}
                  aria-invalid={invalid ? 'true' : undefined}
                >
                  {values[answerField] ?? ''}
                </textarea>
              )}
            </FormField>
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              {text.sendAnswer}
              <span class="meedoen-visually-hidden">: {heading}</span>
            </button>
          </form>
        </>
      )}
      <h3 class="utrecht-heading-4">{text.history}</h3>
      <ol class="utrecht-ordered-list">
        {events.map((event, n) => (
          <li key={n}>
            {formatMoment(event.at, locale)}: {text.eventLine(event, statusLabels[locale])}
            {event.text && ` — ${event.text}`}
          </li>
        ))}
      </ol>
      <div class="meedoen-buttons">
        {item.status === 'delivered' && !item.participationConfirmedAt && (
          <form method="post" action={action('deelname')}>
            <input type="hidden" name="_csrf" value={csrf} />
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              {text.confirm}
              <span class="meedoen-visually-hidden">: {heading}</span>
            </button>
          </form>
        )}
        {canMove(item.status, 'withdrawn', 'family') && (
          <form method="post" action={action('intrekken')}>
            <input type="hidden" name="_csrf" value={csrf} />
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              {text.withdraw}
              <span class="meedoen-visually-hidden">: {heading}</span>
            </button>
          </form>
        )}
      </div>
    </section>
  );
}

export function ApplicationPage(
  props: Base & {
    application: ApplicationDetail;
    notice: DetailNotice | null;
    errors: FieldError[];
    values: Record<string, string>;
  },
) {
  const { context, session, csrf, organisation, application, notice, errors } = props;
  const { locale } = context;
  const text = caseloadMessages[locale];
  const title = text.applicationTitle(application.reference);
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, locale)}${title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={caseloadPath(organisation.key)}>
          {text.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      {notice && <StatusNotice>{text.notices[notice](application.reference)}</StatusNotice>}
      <ErrorSummary errors={errors} locale={locale} />
      <p class="utrecht-paragraph">
        {text.sent(formatMoment(application.submittedAt, locale), application.municipalityName)}
      </p>
      {application.items.map((item) => (
        <ItemSection key={item.id} {...props} item={item} />
      ))}
    </Layout>
  );
}
