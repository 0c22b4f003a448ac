import { looksLikeAName } from './record-form.ts';

/** The children's questionnaire: one question per page, answers carried in the form until the end. */
export const questionnaireSteps = ['leuk', 'betekenis', 'gemist', 'wie'] as const;
export type QuestionnaireStep = (typeof questionnaireSteps)[number];

export const likedOptions = ['fun', 'okay', 'not_fun'] as const;
export const meantOptions = ['joined_others', 'new_friends', 'learned', 'felt_same', 'little'] as const;
export const filledInByOptions = ['child', 'together', 'parent'] as const;

export type Answers = { liked?: string; meant: string[]; missing?: string; filledInBy?: string };
export type StepError = 'choose_one' | 'choose_some' | 'too_long' | 'no_names';

export const MAX_MISSING = 500;

/** Whether the answer to one step is usable; the message for it is the page's business. */
export function checkStep(step: QuestionnaireStep, answers: Answers): StepError | null {
  switch (step) {
    case 'leuk':
      return (likedOptions as readonly string[]).includes(answers.liked ?? '') ? null : 'choose_one';
    case 'betekenis':
      return answers.meant.length > 0 &&
        answers.meant.every((m) => (meantOptions as readonly string[]).includes(m))
        ? null
        : 'choose_some';
    case 'gemist':
      if ((answers.missing ?? '').length > MAX_MISSING) return 'too_long';
      return looksLikeAName(answers.missing ?? '') ? 'no_names' : null;
    case 'wie':
      return (filledInByOptions as readonly string[]).includes(answers.filledInBy ?? '')
        ? null
        : 'choose_one';
  }
}

/** The first step whose answer is missing or wrong: where the child is in the questionnaire. */
export function firstOpenStep(answers: Answers, upTo: number): QuestionnaireStep | null {
  for (const step of questionnaireSteps.slice(0, upTo)) if (checkStep(step, answers)) return step;
  return null;
}
