import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import { MUNICIPALITY_CODE } from '../municipalities/index.ts';
import type { Scheme } from './parameters.ts';

export const exampleSchemesFile = fileURLToPath(new URL('../../data/rules/schemes.yaml', import.meta.url));

export const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.iso.date(),
);

export const incomeTestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({
    kind: z.literal('percent_of_norm'),
    percent: z.number().min(50).max(300).multipleOf(0.01),
    holidayAllowance: z.enum(['included', 'excluded']),
  }),
]);

export const schemeKeySchema = z.string().regex(/^[a-z0-9-]{3,80}$/);

const versionSchema = z.strictObject({
  version: z.number().int().positive(),
  validFrom: isoDate,
  incomeTest: incomeTestSchema,
  assetTest: z.boolean(),
  source: z.string().min(3),
});

const schemesFileSchema = z.object({
  example: z.boolean().default(false),
  schemes: z.array(
    z.strictObject({
      key: schemeKeySchema,
      name: z.strictObject({ nl: z.string().min(2), en: z.string().min(2) }),
      municipality: z.string().regex(MUNICIPALITY_CODE).nullable(),
      owner: z.string().min(1).nullable().default(null),
      versions: z.array(versionSchema).min(1),
    }),
  ),
});

export type SchemeFileEntry = Scheme & { owner: string | null };
export type SchemesFile = { example: boolean; schemes: SchemeFileEntry[] };

/** Two entries for the same key or date would make the outcome depend on file order: refuse them. */
export function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`${what}: ${value} occurs twice`);
    seen.add(value);
  }
}

/**
 * Reads a file of scheme rules (see docs/eligibility.md). A mistake stops the import with the file and
 * field named: a wrong rule must never quietly decide for a family.
 */
export async function readSchemesFile(file: string): Promise<SchemesFile> {
  const parsed = schemesFileSchema.safeParse(YAML.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${file} is not a valid schemes file:\n${issues}`);
  }
  const rules = parsed.data;
  assertUnique(
    rules.schemes.map((s) => s.key),
    `${file}, scheme key`,
  );
  for (const scheme of rules.schemes) {
    assertUnique(
      scheme.versions.map((v) => v.validFrom),
      `${file}, ${scheme.key}, validFrom`,
    );
    assertUnique(
      scheme.versions.map((v) => String(v.version)),
      `${file}, ${scheme.key}, version`,
    );
  }
  return {
    example: rules.example,
    schemes: rules.schemes.map((scheme) => ({
      ...scheme,
      versions: [...scheme.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom)),
    })),
  };
}
