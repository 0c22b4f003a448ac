// What other capabilities may use of the catalogue.
export {
  provisionsInMunicipality,
  findProvision,
  findOrganisation,
  existingOrganisationKeys,
  existingMunicipalityCodes,
} from './store.ts';
export {
  orderForDisplay,
  categories,
  type Provision,
  type Category,
  type ApplicationRoute,
} from './provision.ts';
export { categoryLabels, applicationRouteShort, describeAmount } from './labels.ts';
export { ExampleNotice } from './provision-facts.tsx';
