// What other capabilities may use of the municipalities capability.
export {
  lookupPostcode,
  municipalityProblems,
  postcodeMessages,
  unknownMunicipalityProblem,
  type PostcodeLookup,
} from './lookup.ts';
// The catalogue's tables refer to municipalities by foreign key and join them for names.
export { municipalities as municipalityTable } from './schema.ts';
// Other capabilities that ship reference files record their loaded version in the same table.
export { referenceDataVersions as referenceDataVersionTable } from './schema.ts';
export { findMunicipality, listMunicipalities, type Municipality } from './store.ts';
export { MUNICIPALITY_CODE } from './postcode.ts';
export { ensureReferenceData } from './reference-data.ts';
export { municipalitiesSource } from './source.ts';
