import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../platform/db.ts';
import { municipalityTable as municipalities } from '../municipalities/index.ts';
import type { Category, OrganisationKind, Provision } from './provision.ts';
import { organisations, provisionMunicipalities, provisions } from './schema.ts';

const funder = alias(organisations, 'funder');
const handler = alias(organisations, 'handler');
const keeper = alias(organisations, 'keeper');

const provisionColumns = {
  provision: provisions,
  funder: { key: funder.key, name: funder.name, kind: funder.kind },
  handler: { key: handler.key, name: handler.name, kind: handler.kind },
  keeper: { key: keeper.key, name: keeper.name, kind: keeper.kind },
};

function selectProvisions(db: Queryable) {
  return db
    .select(provisionColumns)
    .from(provisions)
    .innerJoin(funder, eq(funder.key, provisions.fundedBy))
    .innerJoin(handler, eq(handler.key, provisions.handledBy))
    .innerJoin(keeper, eq(keeper.key, provisions.owner));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectProvisions>['execute']>>[number];

async function withMunicipalities(db: Queryable, rows: Row[]): Promise<Provision[]> {
  const regional = rows.filter((row) => !row.provision.nationwide).map((row) => row.provision.key);
  const places = regional.length
    ? await db
        .select({
          provisionKey: provisionMunicipalities.provisionKey,
          code: municipalities.code,
          name: municipalities.name,
        })
        .from(provisionMunicipalities)
        .innerJoin(municipalities, eq(municipalities.code, provisionMunicipalities.municipalityCode))
        .where(inArray(provisionMunicipalities.provisionKey, regional))
        .orderBy(asc(municipalities.name))
    : [];
  const placesByProvision = new Map<string, { code: string; name: string }[]>();
  for (const { provisionKey, ...place } of places) {
    placesByProvision.set(provisionKey, [...(placesByProvision.get(provisionKey) ?? []), place]);
  }
  return rows.map((row) => toProvision(row, placesByProvision.get(row.provision.key) ?? []));
}

function toProvision(row: Row, places: { code: string; name: string }[]): Provision {
  const p = row.provision;
  const org = (o: { key: string; name: string; kind: string }) => ({
    ...o,
    kind: o.kind as OrganisationKind,
  });
  return {
    key: p.key,
    name: { nl: p.nameNl, en: p.nameEn },
    description: { nl: p.descriptionNl, en: p.descriptionEn },
    category: p.category as Category,
    ages: { min: p.minAge, max: p.maxAge },
    offeredIn: p.nationwide ? 'nationwide' : places.map(({ code, name }) => ({ code, name })),
    fundedBy: org(row.funder),
    handledBy: org(row.handler),
    owner: org(row.keeper),
    applicationRoute: p.applicationRoute as Provision['applicationRoute'],
    scheme: p.schemeKey,
    amount:
      p.amountCents === null
        ? null
        : {
            cents: p.amountCents,
            kind: p.amountKind as 'value' | 'budget',
            period: p.amountPeriod as NonNullable<Provision['amount']>['period'],
          },
    link: p.link,
    lastChecked: p.lastChecked,
    isExample: p.isExample,
  };
}

/** Everything offered in a municipality: its own provisions and the nationwide ones. */
export async function provisionsInMunicipality(
  db: Queryable,
  municipalityCode: string,
): Promise<Provision[]> {
  const offeredHere = db
    .select({ key: provisionMunicipalities.provisionKey })
    .from(provisionMunicipalities)
    .where(eq(provisionMunicipalities.municipalityCode, municipalityCode));
  const rows = await selectProvisions(db).where(
    or(eq(provisions.nationwide, true), inArray(provisions.key, offeredHere)),
  );
  return withMunicipalities(db, rows);
}

export async function allProvisions(db: Queryable): Promise<Provision[]> {
  return withMunicipalities(db, await selectProvisions(db));
}

export async function findProvision(db: Queryable, key: string): Promise<Provision | null> {
  const rows = await selectProvisions(db).where(eq(provisions.key, key));
  const [found] = await withMunicipalities(db, rows);
  return found ?? null;
}

export async function existingOrganisationKeys(db: Queryable, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: organisations.key })
    .from(organisations)
    .where(inArray(organisations.key, keys));
  return new Set(rows.map((row) => row.key));
}

export async function existingMunicipalityCodes(db: Queryable): Promise<Set<string>> {
  const rows = await db.select({ code: municipalities.code }).from(municipalities);
  return new Set(rows.map((row) => row.code));
}

export async function countProvisions(db: Queryable): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(provisions);
  return Number(row?.count ?? 0);
}
