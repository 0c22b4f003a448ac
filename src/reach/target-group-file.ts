import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Transaction } from '../platform/db.ts';
import type { Locale } from '../platform/i18n.ts';
import { describeIssues, registerFieldMessages, type FieldError } from '../platform/validation.ts';
import type { IncomeGroup, TargetGroupKind } from './schema.ts';

export const targetGroupFileMessages = {
  tg_municipality_malformed: {
    nl: 'Een gemeentecode is GM met 4 cijfers (GM0363) of alleen de 4 cijfers (0363).',
    en: 'A municipality code is GM with 4 digits (GM0363) or just the 4 digits (0363).',
  },
  tg_municipality_unknown: {
    nl: 'Deze gemeentecode bestaat niet (ook niet als oude code van een samengevoegde gemeente).',
    en: 'This municipality code does not exist (not as the old code of a merged municipality either).',
  },
  tg_year_invalid: { nl: 'Een jaar met 4 cijfers, zoals 2025.', en: 'A year of 4 digits, like 2025.' },
  tg_income_source_invalid: {
    nl: 'Inkomensbron is bijstand, werk of overig.',
    en: 'Income source is bijstand, werk (work) or overig (other).',
  },
  tg_children_invalid: {
    nl: 'Aantal kinderen is een heel getal van 0 of meer (een geheim CBS-cijfer, ".", kan niet: laat de regel weg).',
    en: 'Number of children is a whole number of 0 or more (a secret CBS figure, ".", cannot be used: leave the line out).',
  },
  tg_source_required: {
    nl: 'Zeg waar het cijfer vandaan komt, bijvoorbeeld "CBS maatwerk 2025".',
    en: 'Say where the figure comes from, for example "CBS maatwerk 2025".',
  },
  tg_kind_invalid: { nl: 'Soort is cbs of gemeente (of leeg).', en: 'Kind is cbs or gemeente (or empty).' },
  tg_duplicate: {
    nl: 'Deze gemeente, dit jaar en deze inkomensbron staan al op een eerdere regel.',
    en: 'This municipality, year and income source are already on an earlier line.',
  },
  tg_columns_missing: {
    nl: 'De kopregel mist kolommen: gemeentecode, jaar, inkomensbron, aantal_kinderen, bron.',
    en: 'The header lacks columns: gemeentecode, jaar, inkomensbron, aantal_kinderen, bron.',
  },
};
registerFieldMessages(targetGroupFileMessages);

const groupNames: Record<string, IncomeGroup> = {
  bijstand: 'bijstand',
  werk: 'work',
  work: 'work',
  overig: 'other',
  other: 'other',
};

const lineSchema = z.object({
  gemeentecode: z
    .string()
    .trim()
    .regex(/^(GM)?\d{4}$/i, { error: 'tg_municipality_malformed' })
    .transform((code) => `GM${code.slice(-4)}`),
  jaar: z.coerce
    .number({ error: 'tg_year_invalid' })
    .int({ error: 'tg_year_invalid' })
    .min(2000, { error: 'tg_year_invalid' })
    .max(2100, { error: 'tg_year_invalid' }),
  inkomensbron: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value in groupNames, { error: 'tg_income_source_invalid' })
    .transform((value) => groupNames[value]!),
  aantal_kinderen: z.string().trim().regex(/^\d+$/, { error: 'tg_children_invalid' }).transform(Number),
  bron: z.string().trim().min(1, { error: 'tg_source_required' }).max(300, { error: 'tg_source_required' }),
  soort: z
    .enum(['cbs', 'gemeente', ''], { error: 'tg_kind_invalid' })
    .optional()
    .transform((value) => value ?? ''),
});

export type TargetGroupLine = {
  municipalityCode: string;
  year: number;
  incomeGroup: IncomeGroup;
  children: number;
  source: string;
  kind: Exclude<TargetGroupKind, 'estimate'>;
};

export type LineError = FieldError & { line: number };

/**
 * Pure: reads a CBS-style CSV (comma or semicolon) and returns its figures, or every error by line and
 * field. `knownCodes` are today's municipalities and the old codes of merged ones.
 */
export function readTargetGroupFile(
  text: string,
  knownCodes: Set<string>,
  locale: Locale,
): { ok: true; lines: TargetGroupLine[] } | { ok: false; errors: LineError[] } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  const records = parse(text, {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    delimiter,
    skip_empty_lines: true,
    bom: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  const header = firstLine
    .toLowerCase()
    .split(delimiter)
    .map((h) => h.trim().replace(/^\uFEFF/, ''));
  if (
    !['gemeentecode', 'jaar', 'inkomensbron', 'aantal_kinderen', 'bron'].every((column) =>
      header.includes(column),
    )
  ) {
    const message = targetGroupFileMessages.tg_columns_missing;
    return {
      ok: false,
      errors: [{ line: 1, field: 'kopregel', code: 'tg_columns_missing', message: message[locale] }],
    };
  }
  const lines: TargetGroupLine[] = [];
  const errors: LineError[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const line = index + 2; // the header is line 1
    const parsed = lineSchema.safeParse(record);
    if (!parsed.success) {
      errors.push(...describeIssues(parsed.error.issues, locale).map((error) => ({ ...error, line })));
      return;
    }
    const value = parsed.data;
    const fail = (field: string, code: keyof typeof targetGroupFileMessages) =>
      errors.push({ line, field, code, message: targetGroupFileMessages[code][locale] });
    if (!knownCodes.has(value.gemeentecode)) return fail('gemeentecode', 'tg_municipality_unknown');
    const key = `${value.gemeentecode}:${value.jaar}:${value.inkomensbron}`;
    if (seen.has(key)) return fail('inkomensbron', 'tg_duplicate');
    seen.add(key);
    lines.push({
      municipalityCode: value.gemeentecode,
      year: value.jaar,
      incomeGroup: value.inkomensbron,
      children: value.aantal_kinderen,
      source: value.bron,
      kind: value.soort === 'cbs' || (value.soort === '' && /^cbs\b/i.test(value.bron)) ? 'cbs' : 'imported',
    });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}

/** Writes the figures in the caller's transaction: each replaces any earlier imported figure of its cell. */
export async function importTargetGroups(
  tx: Transaction,
  lines: TargetGroupLine[],
): Promise<{ replaced: number; added: number }> {
  let replaced = 0;
  for (const line of lines) {
    const removed = (await tx.execute(sql`
      delete from target_groups
      where municipality_code = ${line.municipalityCode} and year = ${line.year}
        and income_group = ${line.incomeGroup} and kind <> 'estimate'
      returning 1`)) as unknown as { rows: unknown[] };
    replaced += removed.rows.length;
    await tx.execute(sql`
      insert into target_groups (municipality_code, year, income_group, kind, children, source)
      values (${line.municipalityCode}, ${line.year}, ${line.incomeGroup}, ${line.kind}, ${line.children}, ${line.source})`);
  }
  return { replaced, added: lines.length - replaced };
}

export async function knownMunicipalityCodes(tx: Pick<Transaction, 'execute'>): Promise<Set<string>> {
  const result = (await tx.execute(sql`
    select code from municipalities union select old_code from municipality_mergers`)) as unknown as {
    rows: { code: string }[];
  };
  return new Set(result.rows.map((row) => row.code));
}
