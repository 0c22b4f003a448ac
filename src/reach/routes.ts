import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../platform/db.ts';
import type { Published, PublishedPercent } from '../platform/disclosure/index.ts';
import { apiLocale, type Locale } from '../platform/i18n.ts';
import { ProblemError } from '../platform/problems.ts';
import { reachMessages, reachProblems } from './messages.ts';
import { defaultReachRules, municipalityReach, nationalReach, type GroupReach } from './query.ts';
import type { ReachRules } from './small-units.ts';

export const reachQuerySchema = z.object({
  municipality: z
    .string()
    .regex(/^GM\d{4}$/, { error: 'reach_municipality_malformed' })
    .optional()
    .meta({ example: 'GM0363' }),
  year: z.coerce
    .number({ error: 'reach_year_invalid' })
    .int({ error: 'reach_year_invalid' })
    .min(2000, { error: 'reach_year_invalid' })
    .max(2100, { error: 'reach_year_invalid' })
    .meta({ example: 2025 }),
  boundaries: z.enum(['recorded', 'today'], { error: 'reach_boundaries_invalid' }).default('recorded'),
});

const count = z.object({
  value: z.number().nullable(),
  rounded: z.boolean(),
  hidden: z.object({ code: z.string(), reason: z.string() }).nullable(),
});
const percent = z.object({ value: z.number().nullable(), hidden: count.shape.hidden });
const group = z.object({
  incomeSource: z.enum(['bijstand', 'work', 'other']),
  reached: count,
  targetGroup: z
    .object({
      children: z.number(),
      kind: z.enum(['estimate', 'cbs', 'imported']),
      label: z.string().nullable(),
      year: z.number(),
      sources: z.array(z.string()),
    })
    .nullable(),
  reachPercent: percent,
  target: z.object({ percent: z.number().nullable(), own: z.boolean() }),
  gap: z.number().nullable(),
});
const municipality = z.object({ code: z.string(), name: z.string(), current: z.boolean() });
const row = z.object({ municipality, total: count, byIncomeSource: z.array(group) });
const meta = z.object({ credits: z.array(z.string()), notes: z.array(z.string()) });
const breakdown = z.array(z.object({ key: z.string(), reached: count }));

const showCount = (figure: Published, locale: Locale) => ({
  value: figure.value,
  rounded: figure.rounded,
  hidden: figure.suppressed ? { code: figure.suppressed.code, reason: figure.suppressed.text[locale] } : null,
});
const showPercent = (figure: PublishedPercent, locale: Locale) => ({
  value: figure.value,
  hidden: figure.suppressed ? { code: figure.suppressed.code, reason: figure.suppressed.text[locale] } : null,
});
const showGroup = (entry: GroupReach, locale: Locale) => ({
  incomeSource: entry.incomeGroup,
  reached: showCount(entry.reached, locale),
  targetGroup: entry.targetGroup && {
    children: entry.targetGroup.children,
    kind: entry.targetGroup.kind,
    label: entry.targetGroup.estimate ? reachMessages.estimate[locale] : null,
    year: entry.targetGroup.year,
    sources: entry.targetGroup.sources,
  },
  reachPercent: showPercent(entry.reachPercent, locale),
  target: entry.target,
  gap: entry.gap,
});

const metaFor = (locale: Locale) => ({
  credits: [reachMessages.credit[locale]],
  notes: [
    reachMessages.countsNote[locale],
    reachMessages.estimateNote[locale],
    reachMessages.disclosureNote[locale],
  ],
});

export const reachRoutes =
  (db: Queryable, rules: ReachRules = defaultReachRules): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reach',
      {
        schema: {
          tags: ['reach'],
          summary: 'Children reached per municipality and income source, against the target group',
          description:
            "With `municipality`: that municipality, with its reach by category and by provider. Without: every municipality and the national sums. `boundaries=today` counts codes of merged municipalities under today's. Every figure is disclosure-controlled: a hidden figure has `value: null` and says why.",
          querystring: reachQuerySchema,
          response: {
            200: z.object({
              data: z.union([
                row.extend({
                  year: z.number(),
                  boundaries: z.string(),
                  byCategory: breakdown,
                  byProvider: breakdown,
                }),
                z.object({
                  year: z.number(),
                  boundaries: z.string(),
                  municipalities: z.array(row),
                  national: z.object({
                    total: count,
                    byIncomeSource: z.array(z.object({ incomeSource: z.string(), reached: count })),
                  }),
                }),
              ]),
              meta,
            }),
          },
        },
      },
      async (request) => {
        const locale = apiLocale(request.headers['accept-language']);
        const { municipality: code, year, boundaries } = request.query;
        if (code === undefined) {
          const answer = await nationalReach(db, { year, boundaries }, rules);
          return {
            data: {
              year,
              boundaries,
              municipalities: answer.municipalities.map((entry) => ({
                municipality: entry.municipality,
                total: showCount(entry.total, locale),
                byIncomeSource: entry.groups.map((g) => showGroup(g, locale)),
              })),
              national: {
                total: showCount(answer.national.total, locale),
                byIncomeSource: answer.national.groups.map((g) => ({
                  incomeSource: g.incomeGroup,
                  reached: showCount(g.reached, locale),
                })),
              },
            },
            meta: metaFor(locale),
          };
        }
        const answer = await municipalityReach(db, { municipalityCode: code, year, boundaries }, rules);
        if (!answer) {
          const message = reachMessages.reach_municipality_unknown;
          throw new ProblemError(reachProblems.municipalityUnknown, message, [
            { field: 'municipality', code: 'reach_municipality_unknown', message: message[locale] },
          ]);
        }
        return {
          data: {
            year,
            boundaries,
            municipality: answer.municipality,
            total: showCount(answer.total, locale),
            byIncomeSource: answer.groups.map((g) => showGroup(g, locale)),
            byCategory: answer.byCategory.map((entry) => ({
              key: entry.key,
              reached: showCount(entry.reached, locale),
            })),
            byProvider: answer.byProvider.map((entry) => ({
              key: entry.key,
              reached: showCount(entry.reached, locale),
            })),
          },
          meta: metaFor(locale),
        };
      },
    );
  };
