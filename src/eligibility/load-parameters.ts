import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { AssetLimitSet, NormSet, ReferenceParameters } from './parameters.ts';
import { assertUnique, isoDate } from './scheme-file.ts';

const referenceFolder = new URL('../../data/reference/', import.meta.url);

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

const byDate = <T extends { validFrom: string }>(a: T, b: T) => a.validFrom.localeCompare(b.validFrom);

async function readCsv(file: string): Promise<unknown[]> {
  return parse(await readFile(new URL(file, referenceFolder), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}

/**
 * Reads the dated norms and asset limits shipped in the repository (scheme rules live in the database). A
 * mistake in them stops start-up with the file and field named: a wrong norm must never quietly decide.
 */
export async function loadParameters(): Promise<ReferenceParameters> {
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
  assertUnique(
    norms.map((n) => n.validFrom),
    'bijstandsnormen.csv, ingangsdatum',
  );
  assertUnique(
    assetLimits.map((n) => n.validFrom),
    'vermogensgrenzen.csv, ingangsdatum',
  );
  return { norms, assetLimits };
}
