// The export kit: one table shape, shown on pages and written as CSV or XLSX. See docs/charts-and-exports.md.
export { toCsv, csvDialects } from './csv.ts';
export { toXlsx } from './xlsx.ts';
export { exportFormats, sendDownload, type ExportFormat } from './download.ts';
export {
  cellText,
  formatNumber,
  isMissing,
  missing,
  type Cell,
  type Column,
  type DataTable,
  type Missing,
} from './table.ts';
