import type { Translations } from '../platform/i18n.ts';
import { categoryLabels } from '../catalogue/index.ts';
import { ErrorSummary, errorTitlePrefix, FormField, RadioQuestion } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { CheckboxGroup, textArea } from '../platform/views/more-fields.tsx';
import {
  filledInByOptions,
  likedOptions,
  MAX_MISSING,
  meantOptions,
  questionnaireSteps,
  type Answers,
  type QuestionnaireStep,
  type StepError,
} from './questionnaire.ts';

// Written for children (B1 and simpler): short sentences, "je", one thing per page.
const texts = {
  nl: {
    title: 'Vertel het ons',
    intro: (what: string) => `Je kreeg ${what}. Wij willen graag weten wat je ervan vond.`,
    how: 'Het zijn 4 korte vragen. Je mag het samen met je vader, moeder of iemand anders doen. Je naam vragen we niet.',
    start: 'Beginnen',
    step: (n: number) => `Vraag ${n} van ${questionnaireSteps.length}`,
    next: 'Volgende',
    send: 'Versturen',
    leuk: 'Hoe vond je het?',
    liked: { fun: 'Leuk', okay: 'Gewoon', not_fun: 'Niet leuk' } as Record<string, string>,
    betekenis: 'Wat betekende het voor jou?',
    meantHint: 'Je mag meer dan één kiezen.',
    meant: {
      joined_others: 'Ik kon meedoen met anderen',
      new_friends: 'Ik heb nieuwe vrienden',
      learned: 'Ik heb iets nieuws geleerd',
      felt_same: 'Ik voelde me niet anders dan anderen',
      little: 'Het maakte niet veel uit',
    } as Record<string, string>,
    gemist: 'Miste je iets?',
    missingHint: `Schrijf het op als je wilt. Schrijf geen namen. Je mag dit ook leeg laten. Hoogstens ${MAX_MISSING} tekens.`,
    wie: 'Wie vulde dit in?',
    filledInBy: {
      child: 'Ik, alleen',
      together: 'Ik, samen met iemand',
      parent: 'Mijn vader of moeder',
    } as Record<string, string>,
    errors: {
      choose_one: 'Kies een antwoord.',
      choose_some: 'Kies minstens één antwoord.',
      too_long: `Je tekst is te lang. Gebruik hoogstens ${MAX_MISSING} tekens.`,
      no_names: 'Schrijf geen namen op. Schrijf bijvoorbeeld "mijn vriendin".',
    } satisfies Record<StepError, string>,
    thanksTitle: 'Dank je wel!',
    thanks: 'Je antwoorden zijn verstuurd. Ze helpen om het beter te maken voor andere kinderen.',
    back: 'Terug naar de aanvraag',
    goneTitle: 'Deze vragenlijst kan niet',
    gone: 'De link klopt niet, of er is nog niets geleverd. Kijk of je de hele link hebt gebruikt.',
    expired: 'Dit formulier was verlopen. Probeer het nog een keer.',
  },
  en: {
    title: 'Tell us',
    intro: (what: string) => `You received ${what}. We would like to know what you thought of it.`,
    how: 'There are 4 short questions. You may do it together with your father, mother or someone else. We do not ask your name.',
    start: 'Start',
    step: (n: number) => `Question ${n} of ${questionnaireSteps.length}`,
    next: 'Next',
    send: 'Send',
    leuk: 'What did you think of it?',
    liked: { fun: 'Fun', okay: 'Okay', not_fun: 'Not fun' } as Record<string, string>,
    betekenis: 'What did it mean to you?',
    meantHint: 'You may choose more than one.',
    meant: {
      joined_others: 'I could join in with others',
      new_friends: 'I have new friends',
      learned: 'I learned something new',
      felt_same: 'I did not feel different from others',
      little: 'It did not make much difference',
    } as Record<string, string>,
    gemist: 'Did you miss anything?',
    missingHint: `Write it down if you like. Do not write names. You may leave this empty. At most ${MAX_MISSING} characters.`,
    wie: 'Who filled this in?',
    filledInBy: { child: 'Me, alone', together: 'Me, with someone', parent: 'My father or mother' } as Record<
      string,
      string
    >,
    errors: {
      choose_one: 'Choose an answer.',
      choose_some: 'Choose at least one answer.',
      too_long: `Your text is too long. Use at most ${MAX_MISSING} characters.`,
      no_names: 'Do not write names. Write for example "my friend".',
    } satisfies Record<StepError, string>,
    thanksTitle: 'Thank you!',
    thanks: 'Your answers have been sent. They help to make it better for other children.',
    back: 'Back to the application',
    goneTitle: 'This questionnaire is not available',
    gone: 'The link is not right, or nothing has been delivered yet. Check that you used the whole link.',
    expired: 'This form had expired. Please try again.',
  },
} satisfies Translations<unknown>;

type QuestionnaireBase = { context: PageContext; action: string; formToken: string };

/** The answers so far, carried to the next page in the form (never in the address). */
function Carried({ answers, upTo }: { answers: Answers; upTo: number }) {
  const steps = questionnaireSteps.slice(0, upTo);
  return (
    <>
      {steps.includes('leuk') && <input type="hidden" name="liked" value={answers.liked ?? ''} />}
      {steps.includes('betekenis') &&
        answers.meant.map((m) => <input type="hidden" name="meant" value={m} key={m} />)}
      {steps.includes('gemist') && <input type="hidden" name="missing" value={answers.missing ?? ''} />}
    </>
  );
}

export function QuestionnaireStartPage({
  context,
  action,
  formToken,
  category,
}: QuestionnaireBase & { category: string }) {
  const text = texts[context.locale];
  const what =
    (categoryLabels[context.locale] as Record<string, string>)[category]?.toLowerCase() ?? category;
  return (
    <Layout context={context} title={text.title}>
      <h1 class="utrecht-heading-1">{text.title}</h1>
      <p class="utrecht-paragraph">{text.intro(what)}</p>
      <p class="utrecht-paragraph">{text.how}</p>
      <form class="meedoen-form" method="post" action={action}>
        <input type="hidden" name="_token" value={formToken} />
        <input type="hidden" name="stap" value="0" />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.start}
        </button>
      </form>
    </Layout>
  );
}

export function QuestionnaireStepPage(
  props: QuestionnaireBase & {
    step: QuestionnaireStep;
    answers: Answers;
    error: StepError | null;
    notice?: string;
  },
) {
  const { context, action, formToken, step, answers, error } = props;
  const text = texts[context.locale];
  const index = questionnaireSteps.indexOf(step);
  const last = index === questionnaireSteps.length - 1;
  const question = text[step];
  const field =
    step === 'leuk' ? 'liked' : step === 'betekenis' ? 'meant' : step === 'gemist' ? 'missing' : 'filledInBy';
  const fieldError = error ? { field, code: error, message: text.errors[error] } : undefined;
  const errors = fieldError ? [fieldError] : [];
  return (
    <Layout
      context={context}
      title={`${errorTitlePrefix(errors, context.locale)}${question} · ${text.step(index + 1)}`}
    >
      <p class="utrecht-paragraph">{text.step(index + 1)}</p>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="post" action={action} novalidate>
        <input type="hidden" name="_token" value={formToken} />
        <input type="hidden" name="stap" value={String(index + 1)} />
        <Carried answers={answers} upTo={index} />
        {step === 'leuk' && (
          <RadioQuestion
            name="liked"
            question={question}
            options={likedOptions.map((value) => ({ value, label: text.liked[value]! }))}
            value={answers.liked}
            error={fieldError}
          />
        )}
        {step === 'betekenis' && (
          <CheckboxGroup
            name="meant"
            question={question}
            hint={text.meantHint}
            headingLevel={1}
            options={meantOptions.map((value) => ({ value, label: text.meant[value]! }))}
            values={answers.meant}
            error={fieldError}
          />
        )}
        {step === 'gemist' && (
          <FormField id="missing" label={question} hint={text.missingHint} error={fieldError} labelAsHeading>
            {textArea({ id: 'missing', value: answers.missing, rows: 4 })}
          </FormField>
        )}
        {step === 'wie' && (
          <RadioQuestion
            name="filledInBy"
            question={question}
            options={filledInByOptions.map((value) => ({ value, label: text.filledInBy[value]! }))}
            value={answers.filledInBy}
            error={fieldError}
          />
        )}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {last ? text.send : text.next}
        </button>
      </form>
    </Layout>
  );
}

export function QuestionnaireThanksPage({ context, back }: { context: PageContext; back: string }) {
  const text = texts[context.locale];
  return (
    <Layout context={context} title={text.thanksTitle}>
      <h1 class="utrecht-heading-1">{text.thanksTitle}</h1>
      <p class="utrecht-paragraph" role="status">
        {text.thanks}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={back}>
          {text.back}
        </a>
      </p>
    </Layout>
  );
}

export function QuestionnaireGonePage({ context }: { context: PageContext }) {
  const text = texts[context.locale];
  return (
    <Layout context={context} title={text.goneTitle}>
      <h1 class="utrecht-heading-1">{text.goneTitle}</h1>
      <p class="utrecht-paragraph">{text.gone}</p>
    </Layout>
  );
}

export const questionnaireTexts = texts;
