/** Dutch postcodes: four digits (no leading zero) and, optionally, two letters. */
const POSTCODE = /^([1-9][0-9]{3})\s?([A-Za-z]{2})?$/;

export type ParsedPostcode = { pc4: string; letters: string | null; normalised: string };

export function parsePostcode(input: string): ParsedPostcode | null {
  const match = POSTCODE.exec(input.trim());
  if (!match) return null;
  const pc4 = match[1]!;
  const letters = match[2]?.toUpperCase() ?? null;
  return { pc4, letters, normalised: letters ? `${pc4}${letters}` : pc4 };
}

export type PostcodeArea = { municipalityCode: string; municipalityName: string; addressShare: number };

/**
 * Most postcode areas lie in one municipality; 18 span two. The largest share comes first, and every
 * municipality is kept so the family can choose: the four digits alone cannot tell which side they live on.
 */
export function rankPostcodeAreas(areas: readonly PostcodeArea[]): PostcodeArea[] {
  return [...areas].sort(
    (a, b) => b.addressShare - a.addressShare || a.municipalityName.localeCompare(b.municipalityName, 'nl'),
  );
}

export const MUNICIPALITY_CODE = /^GM[0-9]{4}$/;
