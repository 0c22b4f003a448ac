import type { Locale, Translations } from './i18n.ts';
import type { FieldError } from './validation.ts';

/** A stable kind of error; its `type` URI never changes once published (like Fastify's FST_ERR_* codes). */
export type ProblemType = { code: string; status: number; title: Translations<string> };

const registry = new Map<string, ProblemType>();

export function defineProblem(problem: ProblemType): ProblemType {
  registry.set(problem.code, problem);
  return problem;
}

export function findProblemType(code: string): ProblemType | undefined {
  return registry.get(code);
}

export function problemTypeUri(code: string): string {
  return `/api/v1/problems/${code}`;
}

export const platformProblems = {
  validationFailed: defineProblem({
    code: 'validation-failed',
    status: 400,
    title: { nl: 'De invoer klopt niet', en: 'The input is not valid' },
  }),
  notFound: defineProblem({
    code: 'not-found',
    status: 404,
    title: { nl: 'Niet gevonden', en: 'Not found' },
  }),
  methodNotAllowed: defineProblem({
    code: 'method-not-allowed',
    status: 405,
    title: { nl: 'Deze methode kan hier niet', en: 'Method not allowed here' },
  }),
  payloadTooLarge: defineProblem({
    code: 'payload-too-large',
    status: 413,
    title: { nl: 'De invoer is te groot', en: 'The input is too large' },
  }),
  unsupportedMediaType: defineProblem({
    code: 'unsupported-media-type',
    status: 415,
    title: { nl: 'Dit soort invoer kan niet', en: 'Unsupported media type' },
  }),
  internal: defineProblem({
    code: 'internal-error',
    status: 500,
    title: { nl: 'Er ging iets mis bij ons', en: 'Something went wrong on our side' },
  }),
} as const;

export class ProblemError extends Error {
  constructor(
    readonly problem: ProblemType,
    readonly detail: Translations<string>,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(detail.en);
  }
}

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  reference?: string;
};

export function problemBody(
  problem: ProblemType,
  locale: Locale,
  extras: { detail?: string; instance?: string; errors?: FieldError[]; reference?: string } = {},
): ProblemBody {
  return {
    type: problemTypeUri(problem.code),
    title: problem.title[locale],
    status: problem.status,
    ...(extras.detail ? { detail: extras.detail } : {}),
    ...(extras.instance ? { instance: extras.instance } : {}),
    ...(extras.errors?.length ? { errors: extras.errors } : {}),
    ...(extras.reference ? { reference: extras.reference } : {}),
  };
}
