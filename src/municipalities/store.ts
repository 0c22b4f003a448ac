import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db.ts';
import type { PostcodeArea } from './postcode.ts';
import { municipalities, postcodeAreas } from './schema.ts';

export type Municipality = { code: string; name: string };

export async function listMunicipalities(db: Queryable): Promise<Municipality[]> {
  return db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .orderBy(asc(municipalities.name));
}

export async function findMunicipality(db: Queryable, code: string): Promise<Municipality | null> {
  const rows = await db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  return rows[0] ?? null;
}

export async function findPostcodeAreas(db: Queryable, pc4: string): Promise<PostcodeArea[]> {
  return db
    .select({
      municipalityCode: postcodeAreas.municipalityCode,
      municipalityName: municipalities.name,
      addressShare: postcodeAreas.addressShare,
    })
    .from(postcodeAreas)
    .innerJoin(municipalities, eq(municipalities.code, postcodeAreas.municipalityCode))
    .where(eq(postcodeAreas.pc4, pc4));
}
