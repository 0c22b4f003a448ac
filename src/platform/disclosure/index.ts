// Disclosure control for every figure shown to people who may not see personal data (pure, no I/O).
export { defaultDisclosureRules, type DisclosureRules } from './options.ts';
export { publishPercent, type PublishedPercent } from './percent.ts';
export { suppression, suppressionReasons, type Suppression, type SuppressionReason } from './reasons.ts';
export {
  protectTable,
  type CountTable,
  type Position,
  type ProtectedTable,
  type Published,
} from './table.ts';
