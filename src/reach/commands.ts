import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../platform/db.ts';
import { recomputeReach } from './refresh.ts';
import { incomeGroups, type IncomeGroup } from './schema.ts';
import { importTargetGroups, knownMunicipalityCodes, readTargetGroupFile } from './target-group-file.ts';

type Say = (message: string) => void;

/** `meedoen import target-groups FILE`: all lines or none; the report names every line and field. */
export async function importTargetGroupsCommand(
  database: DatabaseHandle,
  file: string,
  say: Say,
): Promise<boolean> {
  const text = await readFile(file, 'utf8');
  return database.db.transaction(async (tx) => {
    const read = readTargetGroupFile(text, await knownMunicipalityCodes(tx), 'nl');
    if (!read.ok) {
      for (const error of read.errors) say(`regel ${error.line}, ${error.field}: ${error.message}`);
      say(`niets ingelezen: ${read.errors.length} fout(en); verbeter het bestand en lees het opnieuw in`);
      return false;
    }
    const result = await importTargetGroups(tx, read.lines);
    say(
      `doelgroepen ingelezen: ${read.lines.length} regels (${result.added} nieuw, ${result.replaced} vervangen)`,
    );
    return true;
  });
}

/** `meedoen reach recompute`: rebuilds every count from the delivery records. */
export async function recomputeReachCommand(database: DatabaseHandle, say: Say): Promise<void> {
  const started = Date.now();
  const result = await database.db.transaction((tx) => recomputeReach(tx));
  say(`reach recomputed: ${result.rows} counts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export type TargetInput = { municipality: string; year: number; incomeGroup: string; percent: number | null };

/** `meedoen reach target`: a municipality's own target for a year and group, or back to the national one. */
export async function setReachTargetCommand(
  database: DatabaseHandle,
  input: TargetInput,
  say: Say,
): Promise<boolean> {
  const group = input.incomeGroup as IncomeGroup;
  const problems = [
    ...(incomeGroups.includes(group) ? [] : ['group: kies bijstand, work of other']),
    ...(Number.isInteger(input.year) && input.year >= 2000 && input.year <= 2100
      ? []
      : ['jaar: 4 cijfers, zoals 2025']),
    ...(input.percent === null ||
    (Number.isInteger(input.percent) && input.percent >= 0 && input.percent <= 100)
      ? []
      : ['percentage: een heel getal van 0 tot en met 100']),
  ];
  const known = await knownMunicipalityCodes(database.db);
  if (!known.has(input.municipality)) problems.push(`gemeente: ${input.municipality} bestaat niet`);
  if (problems.length > 0) {
    for (const problem of problems) say(problem);
    return false;
  }
  if (input.percent === null) {
    await database.db.execute(sql`
      delete from reach_targets
      where municipality_code = ${input.municipality} and year = ${input.year} and income_group = ${group}`);
    say(`doel ${input.municipality} ${input.year} ${group}: weer het landelijke doel`);
    return true;
  }
  await database.db.execute(sql`
    insert into reach_targets (municipality_code, year, income_group, target_percent)
    values (${input.municipality}, ${input.year}, ${group}, ${input.percent})
    on conflict (municipality_code, year, income_group)
    do update set target_percent = excluded.target_percent, set_at = now()`);
  say(`doel ${input.municipality} ${input.year} ${group}: ${input.percent}%`);
  return true;
}
