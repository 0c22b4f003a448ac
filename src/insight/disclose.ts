import {
  protectTable,
  type CountTable,
  type ProtectedTable,
  type Published,
} from '../platform/disclosure/index.ts';

export type { Published, ProtectedTable } from '../platform/disclosure/index.ts';

/**
 * Every count insight shows goes through here: the platform's disclosure control (1-9 hidden, then the
 * figures that would give a hidden one away). Insight's tables count records or answers about children.
 */
export function discloseTable(table: CountTable): ProtectedTable {
  return protectTable(table);
}

/**
 * A co-occurrence matrix adds up to nothing published (a record touches several domains), so no cell can be
 * worked out from others: each goes through the control on its own (1-9 hidden). It is symmetric, so a
 * cell and its mirror are the same count and are hidden together.
 */
export function discloseSymmetric(matrix: number[][]): Published[][] {
  const flat = matrix.flat();
  const alone = discloseTable({ cells: flat.map((count) => [count]), rowTotals: flat });
  let index = 0;
  return matrix.map((row) => row.map(() => alone.cells[index++]![0]!));
}
