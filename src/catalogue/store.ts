import { eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../platform/db.ts';
import { municipalityTable as municipalities } from '../municipalities/index.ts';
import type { Category, OrganisationKind, Provision } from './provision.ts';
import { organisations, provisionMunicipalities, provisions } from './schema.ts';

const funder = alias(organisations, 'funder');
const handler = alias(organisations, 'handler');
const keeper = alias(organisations, 'keeper');

// The places a provision is offered in, as one JSON column: one query per page instead of two.
const offeredInColumn = sql<{ code: string; name: string }[] | null>`(
  select json_agg(json_build_object('code', m.code, 'name', m.name) order by m.name)
  from ${provisionMunicipalities} pm join ${municipalities} m on m.code = pm.municipality_code
  where pm.provision_key = ${provisions.key})`;

const provisionColumns = {
  provision: provisions,
  places: offeredInColumn,
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

function toProvision(row: Row): Provision {
  const p = row.provision;
  const places = row.places ?? [];
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
  return rows.map(toProvision);
}

export async function allProvisions(db: Queryable): Promise<Provision[]> {
  return (await selectProvisions(db)).map(toProvision);
}

export async function findProvision(db: Queryable, key: string): Promise<Provision | null> {
  const rows = await selectProvisions(db).where(eq(provisions.key, key));
  const [found] = rows.map(toProvision);
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

export async function provisionsOwnedBy(db: Queryable, organisationKey: string): Promise<Provision[]> {
  return (await selectProvisions(db).where(eq(provisions.owner, organisationKey))).map(toProvision);
}

export async function listOrganisations(db: Queryable): Promise<{ key: string; name: string }[]> {
  return db
    .select({ key: organisations.key, name: organisations.name })
    .from(organisations)
    .orderBy(organisations.name);
}

export async function findOrganisation(
  db: Queryable,
  key: string,
): Promise<{ key: string; name: string; municipality: string | null } | null> {
  const rows = await db
    .select({
      key: organisations.key,
      name: organisations.name,
      municipality: organisations.municipalityCode,
    })
    .from(organisations)
    .where(eq(organisations.key, key));
  return rows[0] ?? null;
}
