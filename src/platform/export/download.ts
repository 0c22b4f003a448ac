import type { FastifyReply } from 'fastify';
import type { Locale } from '../i18n.ts';
import { toCsv } from './csv.ts';
import type { DataTable } from './table.ts';
import { toXlsx } from './xlsx.ts';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Sends a table as a file to save; several tables only as XLSX (one sheet each; CSV holds one table). `baseName` becomes the file name ("armoede-reeks" → armoede-reeks.csv);
 * only letters, digits and dashes are kept, so no header injection.
 */
export async function sendDownload(
  reply: FastifyReply,
  tables: DataTable | DataTable[],
  options: { format: ExportFormat; locale: Locale; baseName: string },
): Promise<FastifyReply> {
  const { format, locale } = options;
  const safeName = options.baseName.replace(/[^a-z0-9-]/gi, '-').slice(0, 80) || 'tabel';
  const list = [tables].flat();
  if (format === 'csv' && list.length !== 1) throw new RangeError('a CSV file holds exactly one table');
  const body = format === 'csv' ? toCsv(list[0]!, locale) : await toXlsx(list, locale);
  return reply
    .type(contentTypes[format])
    .header('content-disposition', `attachment; filename="${safeName}.${format}"`)
    .header('cache-control', 'no-cache')
    .send(body);
}
