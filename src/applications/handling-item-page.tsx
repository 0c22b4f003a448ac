import type { ComponentChildren } from 'preact';
import { SessionBar } from '../identity/index.ts';
import { ageOn } from '../eligibility/evaluate.ts';
import { reason, reasonCatalogue, type ReasonCode } from '../eligibility/reasons.ts';
import { formatEuros, formatIsoDate, formatMoment, type Locale } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField, textInput } from '../platform/views/forms.tsx';
import { Layout } from '../platform/views/layout.tsx';
import type { BudgetCheck } from './budget.ts';
import {
  budgetPeriodText,
  handlingMessages,
  refusalReasons,
  type HandlingMessages,
} from './handling-messages.ts';
import type { HandlingBase } from './handling-pages.tsx';
import { itemPath, queuePath } from './handling-paths.ts';
import type { ItemEvent } from './history.ts';
import type { ItemDetail } from './handling-store.ts';
import { intermediaryMessages, statusLabels } from './intermediary-messages.ts';
import { nextStatuses, type ItemStatus } from './status.ts';
import { StatusNotice } from '../platform/views/notice.tsx';

/** While someone works on the item the handler may need to phone or write; before and after, not. */
const contactShownIn: readonly ItemStatus[] = [
  'in_progress',
  'information_requested',
  'information_answered',
  'granted',
];

type Snapshot = {
  outcome: string | null;
  reasons: { code: ReasonCode; params: Record<string, string | number> }[];
};

/** The self-check's snapshot as stored, read defensively: it is JSON from an earlier version of the code. */
function snapshot(value: unknown): Snapshot {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const reasons = Array.isArray(raw.reasons) ? raw.reasons : [];
  return {
    outcome: typeof raw.outcome === 'string' ? raw.outcome : null,
    reasons: reasons
      .filter(
        (r): r is { code: ReasonCode; params?: Record<string, string | number> } =>
          typeof r === 'object' &&
          r !== null &&
          ((r as { code?: unknown }).code as string) in reasonCatalogue,
      )
      .map((r) => ({ code: r.code, params: r.params ?? {} })),
  };
}

function eventLine(event: ItemEvent, text: HandlingMessages, locale: Locale): string {
  if (event.fromStatus === null) return text.historySent;
  if (event.reasonCode === 'participation_confirmed') return text.participationConfirmed;
  const by = text.actors[event.actorKind] ?? event.actorKind;
  const why =
    event.reasonCode && event.reasonCode in text.reasons
      ? `: ${text.reasons[event.reasonCode as keyof typeof text.reasons]}`
      : '';
  return `${statusLabels[locale][event.toStatus]}${why} (${by})`;
}

function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl class="meedoen-facts">
      {rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

type FormProps = {
  action: string;
  csrf: string;
  status: ItemStatus;
  decision: string;
  children?: ComponentChildren;
  button: string;
  primary?: boolean;
};

function DecisionForm({ action, csrf, status, decision, children, button, primary = true }: FormProps) {
  return (
    <form class="meedoen-form" method="post" action={action} novalidate>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="status" value={status} />
      <input type="hidden" name="decision" value={decision} />
      {children}
      <button
        class={`utrecht-button utrecht-button--${primary ? 'primary' : 'secondary'}-action`}
        type="submit"
      >
        {button}
      </button>
    </form>
  );
}

function TextArea({
  id,
  value,
  describedBy,
  invalid,
}: {
  id: string;
  value: string;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  return (
    <textarea
      class="utrecht-textarea meedoen-textarea"
      id={id}
      name={id}
      rows={4}
      aria-describedby={describedBy}
      aria-invalid={invalid ? 'true' : undefined}
    >
      {value}
    </textarea>
  );
}

function Decisions({
  item,
  csrf,
  action,
  errors,
  values,
  locale,
}: {
  item: ItemDetail;
  csrf: string;
  action: string;
  errors: FieldError[];
  values: Record<string, string>;
  locale: Locale;
}) {
  const text = handlingMessages[locale];
  const possible = nextStatuses(item.status, 'staff').filter((s) => s !== 'delivered');
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const common = { action, csrf, status: item.status };
  if (possible.length === 0)
    return (
      <p class="utrecht-paragraph">
        {item.status === 'information_requested' ? text.waitingForFamily : text.noActions}
      </p>
    );
  return (
    <>
      {possible.includes('in_progress') && (
        <DecisionForm {...common} decision="in_progress" button={text.takeInProgress} />
      )}
      {possible.includes('information_requested') && (
        <section aria-labelledby="vraag-titel">
          <h3 class="utrecht-heading-3" id="vraag-titel">
            {text.askInformation}
          </h3>
          <DecisionForm
            {...common}
            decision="information_requested"
            button={text.sendQuestion}
            primary={false}
          >
            <FormField
              id="question"
              label={text.question}
              hint={text.questionHint}
              error={errorFor('question')}
            >
              {(d, i) => <TextArea id="question" value={values.question ?? ''} describedBy={d} invalid={i} />}
            </FormField>
          </DecisionForm>
        </section>
      )}
      {possible.includes('granted') && (
        <section aria-labelledby="toekennen-titel">
          <h3 class="utrecht-heading-3" id="toekennen-titel">
            {text.grant}
          </h3>
          <DecisionForm {...common} decision="granted" button={text.grantButton}>
            <FormField id="note" label={text.grantNote} error={errorFor('note')}>
              {(d, i) => <TextArea id="note" value={values.note ?? ''} describedBy={d} invalid={i} />}
            </FormField>
          </DecisionForm>
        </section>
      )}
      {possible.includes('refused') && (
        <section aria-labelledby="afwijzen-titel">
          <h3 class="utrecht-heading-3" id="afwijzen-titel">
            {text.refuse}
          </h3>
          <DecisionForm {...common} decision="refused" button={text.refuseButton} primary={false}>
            <FormField id="reason" label={text.refusalReason} error={errorFor('reason')}>
              {(describedBy, invalid) => (
                <select
                  class="utrecht-select utrecht-select--html-select"
                  id="reason"
                  name="reason"
                  aria-describedby={describedBy}
                  aria-invalid={invalid ? 'true' : undefined}
                >
                  <option value="">—</option>
                  {refusalReasons.map((r) => (
                    <option key={r} value={r} selected={values.reason === r}>
                      {text.reasons[r]}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              id="explanation"
              label={text.refusalText}
              hint={text.refusalTextHint}
              error={errorFor('explanation')}
            >
              {(d, i) => (
                <TextArea id="explanation" value={values.explanation ?? ''} describedBy={d} invalid={i} />
              )}
            </FormField>
          </DecisionForm>
        </section>
      )}
    </>
  );
}

export type BudgetView = Exclude<BudgetCheck, { kind: 'no-budget' }> | null;

function DeliveryForm({
  item,
  csrf,
  action,
  errors,
  values,
  budget,
  today,
  locale,
}: {
  item: ItemDetail;
  csrf: string;
  action: string;
  errors: FieldError[];
  values: Record<string, string>;
  budget: BudgetView;
  today: string;
  locale: Locale;
}) {
  const text = handlingMessages[locale];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const period = budget ? budgetPeriodText(locale, budget) : '';
  return (
    <section aria-labelledby="levering-titel">
      <h2 class="utrecht-heading-2" id="levering-titel">
        {text.registerDelivery}
      </h2>
      {budget && (
        <p class="utrecht-paragraph">{text.budgetInfo(budget.budgetCents, budget.remainingCents, period)}</p>
      )}
      <form class="meedoen-form" method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="status" value={item.status} />
        <FormField
          id="deliveredOn"
          label={text.deliveredOn}
          hint={text.deliveredOnHint}
          error={errorFor('deliveredOn')}
        >
          {textInput({ id: 'deliveredOn', type: 'date', value: values.deliveredOn ?? today })}
        </FormField>
        <FormField
          id="description"
          label={text.description}
          hint={text.descriptionHint}
          error={errorFor('description')}
        >
          {textInput({ id: 'description', value: values.description ?? '' })}
        </FormField>
        <FormField id="value" label={text.value} hint={text.valueHint} error={errorFor('value')}>
          {textInput({ id: 'value', value: values.value ?? '', inputMode: 'decimal' })}
        </FormField>
        {budget && (
          <>
            <div class="meedoen-choices">
              <label for="override">
                <input
                  class="utrecht-checkbox utrecht-checkbox--html-input"
                  type="checkbox"
                  id="override"
                  name="override"
                  value="1"
                  checked={values.override === '1'}
                />
                <span>{text.override}</span>
              </label>
            </div>
            <FormField id="overrideReason" label={text.overrideReason} error={errorFor('overrideReason')}>
              {(d, i) => (
                <TextArea
                  id="overrideReason"
                  value={values.overrideReason ?? ''}
                  describedBy={d}
                  invalid={i}
                />
              )}
            </FormField>
          </>
        )}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.saveDelivery}
        </button>
      </form>
    </section>
  );
}

export type ItemNotice = string | null;

export function ItemPage(
  props: HandlingBase & {
    item: ItemDetail;
    notice: ItemNotice;
    errors: FieldError[];
    values: Record<string, string>;
    budget: BudgetView;
    today: string;
  },
) {
  const { context, session, csrf, organisation, item, notice, errors, values, budget, today } = props;
  const { locale } = context;
  const text = handlingMessages[locale];
  const words = intermediaryMessages[locale].family;
  const { application, child } = item;
  const title = text.itemTitle(item.provision.name[locale], application.reference);
  const base = itemPath(organisation.key, item.id);
  const check = snapshot(item.eligibility);
  const households = words.households as Record<string, string>;
  const incomes = words.incomeSources as Record<string, string>;
  const income =
    application.netIncomeCents !== null
      ? formatEuros(application.netIncomeCents, locale)
      : application.intermediaryVouches
        ? text.vouches
        : text.noIncome;
  const showContact = contactShownIn.includes(item.status) && !application.erasedAt;
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, locale)}${title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={queuePath(organisation.key)}>
          {text.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      {notice && <StatusNotice>{notice}</StatusNotice>}
      <ErrorSummary errors={errors} locale={locale} />
      <p class="utrecht-paragraph" id="huidige-status">
        {text.currentStatus}: <strong>{statusLabels[locale][item.status]}</strong>
      </p>

      <h2 class="utrecht-heading-2">{text.child}</h2>
      {application.erasedAt || child.firstName === null ? (
        <p class="utrecht-paragraph">{text.erased}</p>
      ) : (
        <Facts
          rows={[
            [text.firstName, child.firstName],
            [text.childAge, child.birthDate ? text.years(ageOn(child.birthDate, today)) : '—'],
          ]}
        />
      )}

      <h2 class="utrecht-heading-2">{text.household}</h2>
      <Facts
        rows={[
          [text.municipality, application.municipalityName],
          [text.householdType, households[application.householdType] ?? application.householdType],
          [text.incomeSource, incomes[application.incomeSource] ?? application.incomeSource],
          [text.income, income],
          [
            text.channel,
            application.channel === 'family'
              ? text.channels.family
              : text.channels.intermediary(application.intermediaryOrganisationName ?? '—'),
          ],
          [text.submitted, formatMoment(application.submittedAt, locale)],
        ]}
      />

      <h2 class="utrecht-heading-2">{text.check}</h2>
      {check.outcome && (
        <p class="utrecht-paragraph">
          <strong>{text.outcomes[check.outcome] ?? check.outcome}</strong>
        </p>
      )}
      {check.reasons.length > 0 && (
        <ul class="utrecht-unordered-list">
          {check.reasons.map((r, n) => (
            <li key={n}>{reason(r.code, r.params).text[locale]}</li>
          ))}
        </ul>
      )}
      <p class="utrecht-paragraph">{text.checkNote}</p>

      <h2 class="utrecht-heading-2">{text.contact}</h2>
      {!showContact ? (
        <p class="utrecht-paragraph">{application.erasedAt ? text.erased : text.contactHidden}</p>
      ) : application.contactEmail || application.contactPhone ? (
        <Facts
          rows={[
            ...(application.contactEmail ? [[text.email, application.contactEmail] as [string, string]] : []),
            ...(application.contactPhone ? [[text.phone, application.contactPhone] as [string, string]] : []),
          ]}
        />
      ) : (
        <p class="utrecht-paragraph">{text.contactViaIntermediary}</p>
      )}

      {item.delivery && (
        <>
          <h2 class="utrecht-heading-2">{text.delivery}</h2>
          <p class="utrecht-paragraph">
            {text.deliveredSummary(
              formatIsoDate(item.delivery.deliveredOn, locale),
              item.delivery.valueCents,
            )}
          </p>
          {item.delivery.description && <p class="utrecht-paragraph">{item.delivery.description}</p>}
          {item.delivery.budgetOverrideReason && (
            <p class="utrecht-paragraph">
              {text.overrideShown} {item.delivery.budgetOverrideReason}
            </p>
          )}
        </>
      )}

      {item.status === 'granted' && (
        <DeliveryForm
          item={item}
          csrf={csrf}
          action={`${base}/levering`}
          errors={errors}
          values={values}
          budget={budget}
          today={today}
          locale={locale}
        />
      )}
      {item.status !== 'granted' && (
        <section aria-labelledby="beslissen-titel">
          <h2 class="utrecht-heading-2" id="beslissen-titel">
            {text.decide}
          </h2>
          <Decisions
            item={item}
            csrf={csrf}
            action={`${base}/besluit`}
            errors={errors}
            values={values}
            locale={locale}
          />
        </section>
      )}

      <h2 class="utrecht-heading-2">{text.history}</h2>
      <ol class="utrecht-ordered-list">
        {item.events.map((event, n) => (
          <li key={n}>
            {formatMoment(event.at, locale)}: {eventLine(event, text, locale)}
            {event.text && ` — ${event.text}`}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
