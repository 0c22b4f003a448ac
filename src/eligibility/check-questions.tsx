import type { ComponentChildren } from 'preact';
import { FormField, RadioQuestion } from '../platform/views/forms.tsx';
import type { PageContext } from '../platform/views/layout.tsx';
import type { Answers, Step } from './check-answers.ts';
import { checkMessages } from './check-messages.ts';
import { checkHref, QuestionPage } from './check-pages.tsx';
import type { StepView } from './check-step.ts';

type StepQuestionProps = {
  context: PageContext;
  step: Step;
  answers: Answers;
  token: string | null;
  view: StepView;
  /** The asset limit in force, formatted, for the asset question. */
  assetLimit: string;
};

/** The page of one question of the self-check, filled in with the answer given so far. */
export function StepQuestion({ context, step, answers, token, view, assetLimit }: StepQuestionProps) {
  const text = checkMessages[context.locale];
  const errors = view.errors ?? [];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const page = (
    title: string,
    body: ComponentChildren,
    extraButton?: { name: string; value: string; label: string },
  ) => (
    <QuestionPage
      context={context}
      step={step}
      token={token}
      title={title}
      errors={errors}
      extraButton={extraButton}
      backHref={view.split ? checkHref('woonplaats', token) : undefined}
    >
      {body}
    </QuestionPage>
  );
  const textQuestion = (
    name: string,
    question: string,
    hint: string,
    value: string,
    inputMode?: 'numeric' | 'decimal',
  ) => (
    <FormField id={name} label={question} hint={hint} error={errorFor(name)} labelAsHeading>
      {(describedBy, invalid) => (
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          id={name}
          name={name}
          type="text"
          inputMode={inputMode}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        />
      )}
    </FormField>
  );

  switch (step) {
    case 'woonplaats':
      if (view.split) {
        return page(
          text.postcode.choose,
          <>
            <input type="hidden" name="postcode" value={view.split.postcode} />
            <input type="hidden" name="kiezen" value="1" />
            <RadioQuestion
              name="municipality"
              question={text.postcode.choose}
              hint={text.postcode.chooseHint(view.split.postcode)}
              options={view.split.areas.map((area) => ({ value: area.code, label: area.name }))}
              error={errorFor('municipality')}
            />
          </>,
        );
      }
      return page(
        text.postcode.question,
        textQuestion('postcode', text.postcode.question, text.postcode.hint, view.values?.postcode ?? ''),
      );
    case 'huishouden':
      return page(
        text.household.question,
        <RadioQuestion
          name="type"
          question={text.household.question}
          options={[
            { value: 'single_parent', label: text.household.single_parent },
            { value: 'couple', label: text.household.couple },
            { value: 'other', label: text.household.other, hint: text.household.otherHint },
          ]}
          value={view.values?.type ?? answers.type}
          error={errorFor('type')}
        />,
      );
    case 'leeftijd': {
      const couple = answers.type === 'couple';
      const groups: NonNullable<Answers['ageGroup']>[] = [
        'under_21',
        '21_to_pension',
        'pension',
        ...(couple ? (['mixed'] as const) : []),
      ];
      return page(
        text.age.question(couple),
        <RadioQuestion
          name="ageGroup"
          question={text.age.question(couple)}
          options={groups.map((group) => ({ value: group, label: text.age[group] }))}
          value={view.values?.ageGroup ?? answers.ageGroup}
          error={errorFor('ageGroup')}
        />,
      );
    }
    case 'kinderen':
      return page(
        text.children.question,
        textQuestion(
          'childAges',
          text.children.question,
          text.children.hint,
          view.values?.childAges ?? answers.childAges?.join(', ') ?? '',
          'numeric',
        ),
      );
    case 'inkomen': {
      const current =
        answers.income?.kind === 'monthly_net'
          ? (answers.income.cents / 100).toFixed(2).replace('.', context.locale === 'nl' ? ',' : '.')
          : '';
      return page(
        text.income.question,
        textQuestion(
          'income',
          text.income.question,
          text.income.hint,
          view.values?.income ?? current,
          'decimal',
        ),
        { name: 'unknown', value: 'yes', label: text.income.unknown },
      );
    }
    case 'vermogen': {
      const question = text.assets.question(assetLimit);
      return page(
        question,
        <RadioQuestion
          name="assets"
          question={question}
          hint={text.assets.hint}
          options={(['within_limit', 'over_limit', 'unknown'] as const).map((value) => ({
            value,
            label: text.assets[value],
          }))}
          value={view.values?.assets ?? answers.assets}
          error={errorFor('assets')}
        />,
      );
    }
  }
}
