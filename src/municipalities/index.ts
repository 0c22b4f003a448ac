// What other capabilities may use of the municipalities capability.
export { lookupPostcode, municipalityProblems, postcodeMessages, type PostcodeLookup } from './lookup.ts';
export { findMunicipality, listMunicipalities, type Municipality } from './store.ts';
export { MUNICIPALITY_CODE } from './postcode.ts';
export { ensureReferenceData } from './reference-data.ts';
export { municipalitiesSource } from './source.ts';
