import { asc } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import type { DefinitionCode, StatusCode } from './definitions.ts';
import type { IncomeSource, LabourParticipationRow } from './labour-participation-file.ts';
import { povertyLabourParticipation, povertySeriesValues, povertyTargetPaths } from './schema.ts';
import type { SeriesValue } from './series.ts';
import type { TargetPath } from './target-path.ts';

export async function loadSeriesValues(db: Queryable): Promise<SeriesValue[]> {
  const rows = await db
    .select()
    .from(povertySeriesValues)
    .orderBy(asc(povertySeriesValues.year), asc(povertySeriesValues.revision));
  return rows.map((row) => ({
    ...row,
    definition: row.definition as DefinitionCode,
    status: row.status as StatusCode,
  }));
}

export async function loadTargetPaths(db: Queryable): Promise<TargetPath[]> {
  const rows = await db.select().from(povertyTargetPaths).orderBy(asc(povertyTargetPaths.startYear));
  return rows.map((row) => ({
    key: row.key,
    name: { nl: row.nameNl, en: row.nameEn },
    definition: row.definition as DefinitionCode,
    startYear: row.startYear,
    startPercentage: row.startPercentage,
    endYear: row.endYear,
    endPercentage: row.endPercentage,
    setIn: row.setIn,
    source: row.source,
  }));
}

export async function loadLabourParticipation(db: Queryable): Promise<LabourParticipationRow[]> {
  const rows = await db
    .select()
    .from(povertyLabourParticipation)
    .orderBy(
      asc(povertyLabourParticipation.definition),
      asc(povertyLabourParticipation.year),
      asc(povertyLabourParticipation.incomeSource),
    );
  return rows.map((row) => ({
    year: row.year,
    definition: row.definition as DefinitionCode,
    incomeSource: row.incomeSource as IncomeSource,
    households: row.households,
    percentage: row.percentage,
    status: row.status as StatusCode,
    source: row.source,
    sourceUrl: row.sourceUrl,
  }));
}
