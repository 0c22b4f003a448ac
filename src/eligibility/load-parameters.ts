import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import YAML from 'yaml';
import { z } from 'zod';
import { MUNICIPALITY_CODE } from '../municipalities/index.ts';
import type { AssetLimitSet, NormSet, Parameters, Scheme } from './parameters.ts';

const referenceFolder = new URL('../../data/reference/', import.meta.url);
const rulesFile = new URL('../../data/rules/schemes.yaml', import.meta.url);

const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.iso.date(),
);
const euroAmount = z
  .string()
  .regex(/^\d+(\.\d{1,2})?$/)
  .transform((euros) => Math.round(Number(euros) * 100));

const normRow = z.object({
  ingangsdatum: isoDate,
  alleenstaande_of_alleenstaande_ouder_21_aow: euroAmount,
  gehuwd_samenwonend_21_aow: euroAmount,
  alleenstaande_aow: euroAmount,
  gehuwd_samenwonend_aow: euroAmount,
  bron: z.string().min(1),
});

const assetRow = z.object({
  ingangsdatum: isoDate,
  alleenstaande: euroAmount,
  alleenstaande_ouder_of_gehuwd: euroAmount,
  bron: z.string().min(1),
});

const schemesFile = z.object({
  example: z.boolean().default(false),
  schemes: z.array(
    z.strictObject({
      key: z.string().regex(/^[a-z0-9-]{3,80}$/),
      name: z.strictObject({ nl: z.string().min(2), en: z.string().min(2) }),
      municipality: z.string().regex(MUNICIPALITY_CODE).nullable(),
      versions: z
        .array(
          z.strictObject({
            version: z.number().int().positive(),
            validFrom: isoDate,
            incomeTest: z.discriminatedUnion('kind', [
              z.strictObject({ kind: z.literal('none') }),
              z.strictObject({
                kind: z.literal('percent_of_norm'),
                percent: z.number().min(50).max(300).multipleOf(0.01),
                holidayAllowance: z.enum(['included', 'excluded']),
              }),
            ]),
            assetTest: z.boolean(),
            source: z.string().min(3),
          }),
        )
        .min(1),
    }),
  ),
});

const byDate = <T extends { validFrom: string }>(a: T, b: T) => a.validFrom.localeCompare(b.validFrom);

/** Two entries for the same key or date would make the outcome depend on file order: refuse them. */
function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`${what}: ${value} occurs twice`);
    seen.add(value);
  }
}

async function readCsv(file: string): Promise<unknown[]> {
  return parse(await readFile(new URL(file, referenceFolder), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}

/**
 * Reads the dated norms, asset limits and scheme rules shipped in the repository. A mistake in them stops
 * start-up with the file and field named: a wrong rule must never quietly decide for a family.
 */
export async function loadParameters(): Promise<Parameters & { example: boolean }> {
  const norms: NormSet[] = z
    .array(normRow)
    .parse(await readCsv('bijstandsnormen.csv'))
    .map((row) => ({
      validFrom: row.ingangsdatum,
      source: row.bron,
      cents: {
        single_21_to_pension: row.alleenstaande_of_alleenstaande_ouder_21_aow,
        couple_21_to_pension: row.gehuwd_samenwonend_21_aow,
        single_pension: row.alleenstaande_aow,
        couple_pension: row.gehuwd_samenwonend_aow,
      },
    }))
    .sort(byDate);
  const assetLimits: AssetLimitSet[] = z
    .array(assetRow)
    .parse(await readCsv('vermogensgrenzen.csv'))
    .map((row) => ({
      validFrom: row.ingangsdatum,
      source: row.bron,
      cents: { single: row.alleenstaande, singleParentOrCouple: row.alleenstaande_ouder_of_gehuwd },
    }))
    .sort(byDate);
  const rules = schemesFile.parse(YAML.parse(await readFile(rulesFile, 'utf8')));
  assertUnique(
    norms.map((n) => n.validFrom),
    'bijstandsnormen.csv, ingangsdatum',
  );
  assertUnique(
    assetLimits.map((n) => n.validFrom),
    'vermogensgrenzen.csv, ingangsdatum',
  );
  assertUnique(
    rules.schemes.map((s) => s.key),
    'schemes.yaml, scheme key',
  );
  for (const scheme of rules.schemes) {
    assertUnique(
      scheme.versions.map((v) => v.validFrom),
      `schemes.yaml, ${scheme.key}, validFrom`,
    );
    assertUnique(
      scheme.versions.map((v) => String(v.version)),
      `schemes.yaml, ${scheme.key}, version`,
    );
  }
  const schemes = new Map<string, Scheme>(
    rules.schemes.map((scheme) => [scheme.key, { ...scheme, versions: [...scheme.versions].sort(byDate) }]),
  );
  return { norms, assetLimits, schemes, example: rules.example };
}
