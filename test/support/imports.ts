import { stat } from 'node:fs/promises';
import path from 'node:path';
import { importDeliveries, startImportRun } from '../../src/deliveries/index.ts';
import type { ImportProgress } from '../../src/deliveries/import-deliveries.ts';
import type { Database } from '../../src/platform/db.ts';

export const CHILD_KEY_SECRET = 'a-shared-child-key-secret-of-at-least-32-chars';

/** A partner's file imported as the command line does it: a run started by an operator, then the import. */
export async function importFile(
  db: Database,
  file: string,
  organisation: string,
  options: { today: string; batchSize: number; onProgress?: (progress: ImportProgress) => void },
) {
  const bytesTotal = (await stat(file)).size;
  const runId = await db.transaction((tx) =>
    startImportRun(tx, {
      provider: organisation,
      fileName: path.basename(file),
      bytesTotal,
      startedBy: null,
      actor: { personId: null, role: 'operator', organisation },
      traceId: '0af7651916cd43dd8448eb211c80319c',
    }),
  );
  const outcome = await importDeliveries({
    db,
    runId,
    path: file,
    bytesTotal,
    provider: organisation,
    today: options.today,
    childKeySecret: CHILD_KEY_SECRET,
    now: () => new Date(),
    batchSize: options.batchSize,
    onProgress: options.onProgress,
  });
  return { runId, outcome };
}
