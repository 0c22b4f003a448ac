import type { FastifyReply, FastifyRequest } from 'fastify';
import { pageLocale } from './i18n.ts';
import type { PageContext } from './views/layout.tsx';

const LANGUAGE_COOKIE = 'meedoen_taal';

/** The page's language and address; an explicit language choice is remembered for a year. */
export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  const query = Object.fromEntries(
    Object.entries((request.query ?? {}) as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'lang',
    ),
  );
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  const locale = pageLocale(request.query, request.cookies?.[LANGUAGE_COOKIE]);
  if (asked === locale) {
    reply.setCookie(LANGUAGE_COOKIE, locale, {
      path: '/',
      maxAge: 365 * 24 * 3600,
      sameSite: 'lax',
      httpOnly: true,
      secure: request.protocol === 'https',
    });
  }
  reply.header('content-language', locale);
  return { locale, path: request.url.split('?')[0] ?? '/', query };
}
