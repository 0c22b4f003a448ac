import { readHeader } from './columns.ts';
import type { FileProblem } from './messages.ts';
import { readRows, sniffFile } from './read-rows.ts';

/**
 * Whether a file can be imported at all: its type and its first row. The upload checks this before it starts
 * a run, so a wrong file gets its message on the form and nothing is recorded.
 */
export async function checkDeliveryFile(
  path: string,
): Promise<{ code: FileProblem; detail: string | null } | null> {
  const sniffed = await sniffFile(path);
  if (sniffed.kind === null) return { code: sniffed.reason, detail: null };
  const reader = readRows(path, sniffed);
  try {
    for await (const [first] of reader.pieces) {
      const header = readHeader(first!.cells);
      return header.ok ? null : { code: header.code, detail: header.detail || null };
    }
    return { code: 'file_empty', detail: null };
  } catch {
    return { code: 'file_unreadable', detail: null };
  } finally {
    reader.close();
  }
}
