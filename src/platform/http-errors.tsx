import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { apiLocale, type Locale } from './i18n.ts';
import { platformProblems, problemBody, ProblemError, type ProblemType } from './problems.ts';
import { describeIssues, type FieldError } from './validation.ts';
import { pageContext } from './page-context.ts';
import { Layout } from './views/layout.tsx';
import { layoutMessages } from './views/messages.ts';
import { sendPage } from './views/render.ts';

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: ProblemType,
  extras: { detail?: string; errors?: FieldError[]; reference?: string } = {},
): FastifyReply {
  const locale = apiLocale(request.headers['accept-language']);
  return reply
    .status(problem.status)
    .type('application/problem+json; charset=utf-8')
    .header('content-language', locale)
    .send(problemBody(problem, locale, { ...extras, instance: request.url.split('?')[0] }));
}

const pageTexts: Record<
  Locale,
  Record<'notFound' | 'badRequest' | 'internal', { title: string; body: string }>
> = {
  nl: {
    notFound: {
      title: 'Deze pagina bestaat niet',
      body: 'Misschien is het adres verkeerd getypt, of is de pagina weg.',
    },
    badRequest: { title: 'Dit verzoek klopt niet', body: 'Ga terug en probeer het opnieuw.' },
    internal: {
      title: 'Er ging iets mis bij ons',
      body: 'Het ligt niet aan jou. Probeer het later nog eens.',
    },
  },
  en: {
    notFound: {
      title: 'This page does not exist',
      body: 'The address may be mistyped, or the page has gone.',
    },
    badRequest: { title: 'This request is not valid', body: 'Go back and try again.' },
    internal: {
      title: 'Something went wrong on our side',
      body: 'It is not your fault. Please try again later.',
    },
  },
};

function sendErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  kind: 'notFound' | 'badRequest' | 'internal',
  status: number,
) {
  const context = pageContext(request, reply);
  const text = pageTexts[context.locale][kind];
  const layout = layoutMessages[context.locale];
  return sendPage(
    reply,
    <Layout context={context} title={text.title}>
      <h1 class="utrecht-heading-1">{text.title}</h1>
      <p class="utrecht-paragraph">{text.body}</p>
      {kind === 'internal' && (
        <p class="utrecht-paragraph">
          {layout.errorReference} <code>{request.id}</code>
        </p>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          {layout.backHome}
        </a>
      </p>
    </Layout>,
    status,
  );
}

function issuesFromValidation(
  error: FastifyError & {
    validation: {
      keyword: string;
      instancePath: string;
      message?: string;
      params: Record<string, unknown>;
    }[];
  },
) {
  return error.validation.map(
    (entry) =>
      ({
        ...entry.params,
        code: entry.keyword,
        // Array positions as numbers, so the field reads children[1].birthDate like the app's own errors.
        path: entry.instancePath
          .split('/')
          .filter(Boolean)
          .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        message: entry.message ?? '',
      }) as unknown as z.core.$ZodIssue,
  );
}

const knownClientErrors: Record<number, ProblemType> = {
  404: platformProblems.notFound,
  405: platformProblems.methodNotAllowed,
  413: platformProblems.payloadTooLarge,
  415: platformProblems.unsupportedMediaType,
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request)) return sendProblem(request, reply, platformProblems.notFound);
    return sendErrorPage(request, reply, 'notFound', 404);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) {
      const locale = apiLocale(request.headers['accept-language']);
      if (isApiRequest(request)) {
        return sendProblem(request, reply, error.problem, {
          detail: error.detail[locale],
          errors: error.fieldErrors,
        });
      }
      return sendErrorPage(
        request,
        reply,
        error.problem.status === 404 ? 'notFound' : 'badRequest',
        error.problem.status,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const locale = apiLocale(request.headers['accept-language']);
      const errors = describeIssues(issuesFromValidation(error), locale);
      if (isApiRequest(request))
        return sendProblem(request, reply, platformProblems.validationFailed, { errors });
      return sendErrorPage(request, reply, 'badRequest', 400);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const problem = knownClientErrors[status] ?? { ...platformProblems.validationFailed, status };
      if (isApiRequest(request)) return sendProblem(request, reply, problem);
      return sendErrorPage(request, reply, status === 404 ? 'notFound' : 'badRequest', status);
    }
    // Unexpected: log the error with the request id, show the user only that id.
    request.log.error({ err: error }, 'unexpected error');
    if (isApiRequest(request)) {
      return sendProblem(request, reply, platformProblems.internal, { reference: request.id });
    }
    return sendErrorPage(request, reply, 'internal', 500);
  });
}
