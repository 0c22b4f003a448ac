import { isoDateInAmsterdam } from '../platform/clock.ts';
import { formatIsoDate, type Translations } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { TokenField } from './family-pages.tsx';
import { canMove, type ItemStatus } from './status.ts';
import { handlingMessages, type RefusalReason } from './handling-messages.ts';
import type { TrackedApplication, TrackedEvent, TrackedItem } from './tracking-store.ts';

export const trackingMessages: Translations<{
  title: (reference: string) => string;
  sentOn: (date: string) => string;
  keep: string;
  handledBy: (organisation: string) => string;
  status: string;
  statuses: Record<ItemStatus, string>;
  question: string;
  answer: string;
  answerHint: string;
  answerRequired: string;
  answerTooLong: (max: number) => string;
  sendAnswer: string;
  withdraw: (provision: string) => string;
  history: string;
  refusedBecause: (reason: string) => string;
  notAllowed: string;
  formExpired: string;
  confirmWithdraw: (provision: string) => string;
  confirmWithdrawText: string;
  confirmYes: string;
  confirmNo: string;
  notFoundTitle: string;
  notFoundText: string[];
  questionnaire: (provision: string) => string;
}> = {
  nl: {
    title: (reference) => `Je aanvraag ${reference}`,
    sentOn: (date) => `Verstuurd op ${date}.`,
    keep: 'Deze pagina is persoonlijk. Deel de link alleen met wie je helpt met de aanvraag.',
    handledBy: (organisation) => `Behandeld door ${organisation}`,
    status: 'Hoe het nu staat:',
    statuses: {
      submitted: 'Ontvangen',
      in_progress: 'In behandeling',
      information_requested: 'Er is een vraag voor je',
      information_answered: 'Je hebt de vraag beantwoord',
      granted: 'Toegekend',
      refused: 'Afgewezen',
      delivered: 'Geleverd',
      withdrawn: 'Ingetrokken',
    },
    question: 'De vraag',
    answer: 'Je antwoord',
    answerHint: 'Schrijf je antwoord in een paar zinnen.',
    answerRequired: 'Schrijf je antwoord op de vraag.',
    answerTooLong: (max) => `Je antwoord is te lang. Gebruik hoogstens ${max} tekens.`,
    sendAnswer: 'Antwoord versturen',
    withdraw: (provision) => `${provision} intrekken`,
    history: 'Wat er is gebeurd',
    refusedBecause: (reason) => `Reden: ${reason.toLowerCase()}`,
    notAllowed: 'Dat kan niet meer: de aanvraag is intussen veranderd. Hieronder zie je hoe het nu staat.',
    formExpired: 'Dit formulier was verlopen. We hebben niets veranderd. Probeer het nog een keer.',
    confirmWithdraw: (provision) => `Wil je ${provision} intrekken?`,
    confirmWithdrawText:
      'Dan stopt de organisatie met deze aanvraag. Dat kun je niet ongedaan maken. Je kunt later wel opnieuw aanvragen.',
    confirmYes: 'Ja, intrekken',
    confirmNo: 'Nee, terug naar mijn aanvraag',
    notFoundTitle: 'Deze link is niet geldig',
    notFoundText: [
      'Kijk of je de hele link uit de e-mail hebt gebruikt.',
      'Lukt het niet? Neem contact op met de organisatie die je aanvraag behandelt, en noem je code.',
    ],
    questionnaire: (provision) => `Wat vond je kind van ${provision}? Vul samen de korte vragenlijst in`,
  },
  en: {
    title: (reference) => `Your application ${reference}`,
    sentOn: (date) => `Sent on ${date}.`,
    keep: 'This page is personal. Share the link only with someone who helps you with the application.',
    handledBy: (organisation) => `Handled by ${organisation}`,
    status: 'Where it stands:',
    statuses: {
      submitted: 'Submitted',
      in_progress: 'In progress',
      information_requested: 'There is a question for you',
      information_answered: 'You answered the question',
      granted: 'Granted',
      refused: 'Refused',
      delivered: 'Delivered',
      withdrawn: 'Withdrawn',
    },
    question: 'The question',
    answer: 'Your answer',
    answerHint: 'Write your answer in a few sentences.',
    answerRequired: 'Write your answer to the question.',
    answerTooLong: (max) => `Your answer is too long. Use at most ${max} characters.`,
    sendAnswer: 'Send answer',
    withdraw: (provision) => `Withdraw ${provision}`,
    history: 'What happened',
    refusedBecause: (reason) => `Reason: ${reason.toLowerCase()}`,
    notAllowed:
      'That is no longer possible: the application has changed meanwhile. Below you see where it stands.',
    formExpired: 'This form had expired. We changed nothing. Please try again.',
    confirmWithdraw: (provision) => `Do you want to withdraw ${provision}?`,
    confirmWithdrawText:
      'Then the organisation stops working on this application. You cannot undo this. You can apply again later.',
    confirmYes: 'Yes, withdraw',
    confirmNo: 'No, back to my application',
    notFoundTitle: 'This link is not valid',
    notFoundText: [
      'Check that you used the whole link from the e-mail.',
      'Still not working? Contact the organisation handling your application, and quote your code.',
    ],
    questionnaire: (provision) =>
      `What did your child think of ${provision}? Fill in the short questionnaire together`,
  },
};

export type TrackingView = { notice?: string; errors?: FieldError[]; values?: Record<string, string> };

const day = (at: Date, context: PageContext) => formatIsoDate(isoDateInAmsterdam(at), context.locale);

type PageProps = {
  context: PageContext;
  application: TrackedApplication;
  path: string;
  formToken: string;
  view: TrackingView;
};

/** Per child and provision: the status in words, the question to answer, the way to withdraw, the history. */
export function TrackingPage({ context, application, path, formToken, view }: PageProps) {
  const text = trackingMessages[context.locale];
  const errors = view.errors ?? [];
  const title = text.title(application.reference);
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${title}`}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} locale={context.locale} />
      {view.notice && (
        <p class="utrecht-paragraph meedoen-notice" role="alert">
          {view.notice}
        </p>
      )}
      <p class="utrecht-paragraph">{text.sentOn(day(application.submittedAt, context))}</p>
      <p class="utrecht-paragraph meedoen-source">{text.keep}</p>
      {application.children.map((child) => (
        <section key={child.id} aria-labelledby={`kind-${child.id}`}>
          <h2 class="utrecht-heading-2" id={`kind-${child.id}`}>
            {child.firstName}
          </h2>
          <ul class="meedoen-results">
            {child.items.map((item) => (
              <ItemCard
                key={item.id}
                item={item}
                context={context}
                path={path}
                formToken={formToken}
                view={view}
              />
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

const MAX_ANSWER = 2000;
export { MAX_ANSWER };

function ItemCard(props: {
  item: TrackedItem;
  context: PageContext;
  path: string;
  formToken: string;
  view: TrackingView;
}) {
  const { item, context, path, formToken, view } = props;
  const text = trackingMessages[context.locale];
  const name = item.provision[context.locale];
  const question = [...item.history]
    .reverse()
    .find((event) => event.toStatus === 'information_requested')?.text;
  const answerId = `antwoord-${item.id}`;
  return (
    <li class="meedoen-card">
      <h3 class="utrecht-heading-3">{name}</h3>
      <p class="utrecht-paragraph">{text.handledBy(item.handledBy)}</p>
      <p class="utrecht-paragraph">
        {text.status} <strong>{text.statuses[item.status]}</strong>
      </p>
      {item.status === 'information_requested' && (
        <>
          {question && (
            <>
              <h4 class="utrecht-heading-4">{text.question}</h4>
              <p class="utrecht-paragraph">{question}</p>
            </>
          )}
          <form class="meedoen-form" method="post" action={`${path}/antwoord`} novalidate>
            <TokenField token={formToken} />
            <input type="hidden" name="item" value={item.id} />
            <FormField
              id={answerId}
              label={text.answer}
              hint={text.answerHint}
              error={view.errors?.find((e) => e.field === answerId)}
            >
              {(describedBy, invalid) => (
                <textarea
                  class="utrecht-textarea utrecht-textarea--html-textarea meedoen-textarea"
                  id={answerId}
                  name="antwoord"
                  rows={5}
                  aria-describedby={describedBy}
                  aria-invalid={invalid ? 'true' : undefined}
                  value={view.values?.[answerId] ?? ''}
                />
              )}
            </FormField>
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              {text.sendAnswer}
            </button>
          </form>
        </>
      )}
      {item.status === 'delivered' && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${path}/vragenlijst/${item.id}`}>
            {text.questionnaire(name)}
          </a>
        </p>
      )}
      {canMove(item.status, 'withdrawn', 'family') && (
        <form class="meedoen-form" method="post" action={`${path}/intrekken`}>
          <TokenField token={formToken} />
          <input type="hidden" name="item" value={item.id} />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            {text.withdraw(name)}
          </button>
        </form>
      )}
      <details class="meedoen-details">
        <summary>{text.history}</summary>
        <ol class="utrecht-ordered-list">
          {item.history.map((event, index) => {
            const reason = refusalReasonOf(event, context);
            return (
              <li key={index}>
                {day(event.at, context)}: {text.statuses[event.toStatus]}
                {reason && <> ({reason})</>}
                {event.text && <>. {event.text}</>}
              </li>
            );
          })}
        </ol>
      </details>
    </li>
  );
}

/** A refusal's reason in words; "other" says nothing the handler's own text does not say better. */
function refusalReasonOf(event: TrackedEvent, context: PageContext): string | null {
  const reasons = handlingMessages[context.locale].reasons;
  if (event.toStatus !== 'refused' || !event.reasonCode || event.reasonCode === 'other') return null;
  if (!(event.reasonCode in reasons)) return null;
  return trackingMessages[context.locale].refusedBecause(reasons[event.reasonCode as RefusalReason]);
}

type ConfirmProps = {
  context: PageContext;
  provision: string;
  path: string;
  formToken: string;
  itemId: string;
};

/** Withdrawing cannot be undone, so it is asked once more. */
export function ConfirmWithdrawPage({ context, provision, path, formToken, itemId }: ConfirmProps) {
  const text = trackingMessages[context.locale];
  return (
    <Layout context={context} title={text.confirmWithdraw(provision)}>
      <h1 class="utrecht-heading-1">{text.confirmWithdraw(provision)}</h1>
      <p class="utrecht-paragraph">{text.confirmWithdrawText}</p>
      <form class="meedoen-form" method="post" action={`${path}/intrekken`}>
        <TokenField token={formToken} />
        <input type="hidden" name="item" value={itemId} />
        <input type="hidden" name="zeker" value="ja" />
        <div class="meedoen-buttons">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            {text.confirmYes}
          </button>
        </div>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={path}>
          {text.confirmNo}
        </a>
      </p>
    </Layout>
  );
}

/** The same page for a mistyped, an erased and a never-issued link: it says nothing about which. */
export function TrackingNotFoundPage({ context }: { context: PageContext }) {
  const text = trackingMessages[context.locale];
  return (
    <Layout context={context} title={text.notFoundTitle}>
      <h1 class="utrecht-heading-1">{text.notFoundTitle}</h1>
      {text.notFoundText.map((line) => (
        <p class="utrecht-paragraph" key={line}>
          {line}
        </p>
      ))}
    </Layout>
  );
}
