import {
  cycleFits,
  FREE,
  hiddenCycle,
  indexGraph,
  shortCycles,
  type Edge,
  type GraphIndex,
} from './graph.ts';
import { defaultDisclosureRules, type DisclosureRules } from './options.ts';
import { suppression, type Suppression } from './reasons.ts';

/**
 * Counts of people in a table: cells by row and column, each row's total, and (when the rows are parts of
 * one whole) each column's total and the grand total. Totals need not be the sum of the cells (a child in
 * two columns counts once in the row total): the control treats them as sums, which hides at least enough.
 */
export type CountTable = {
  cells: number[][];
  rowTotals: number[];
  columnTotals?: number[];
  grandTotal?: number;
  /** Rows that are small units: their counts (and then the column totals) are rounded. */
  smallRows?: boolean[];
  /** Figures another published table already hides: hidden here too, with that table's reason. */
  alreadyHidden?: { at: Position; reason: Suppression }[];
};

export type Position =
  | { kind: 'cell'; row: number; column: number }
  | { kind: 'row-total'; row: number }
  | { kind: 'column-total'; column: number }
  | { kind: 'grand-total' };

export type Published =
  | { value: number; rounded: boolean; suppressed: null }
  | { value: null; rounded: false; suppressed: Suppression };

export type ProtectedTable = {
  cells: Published[][];
  rowTotals: Published[];
  columnTotals: Published[] | null;
  grandTotal: Published | null;
};

type Figure = { at: Position; edge: Edge; reason: Suppression | null };

function figuresOf(table: CountTable, rules: DisclosureRules): Figure[] {
  const rows = table.cells.length;
  const columns = table.columnTotals?.length ?? 0;
  const withColumns = table.columnTotals !== undefined;
  // Nodes: row sums 0..rows-1, the column totals' sum `rows`, column sums after it.
  const columnNode = (column: number) => (withColumns ? rows + 1 + column : FREE);
  const totalsColumn = withColumns ? rows + 1 + columns : FREE;
  const figure = (
    at: Position,
    value: number,
    nodes: [number, number],
    signs: [number, number],
    weight: number,
  ) => ({
    at,
    reason: null,
    edge: { value, nodes, signs, hidden: false, weight, bounds: boundsOf(value, rules) },
  });
  const figures: Figure[] = [];
  table.cells.forEach((cells, row) =>
    cells.forEach((value, column) =>
      figures.push(figure({ kind: 'cell', row, column }, value, [row, columnNode(column)], [1, 1], 1)),
    ),
  );
  table.rowTotals.forEach((value, row) =>
    figures.push(figure({ kind: 'row-total', row }, value, [row, totalsColumn], [-1, 1], 3)),
  );
  if (withColumns) {
    table.columnTotals!.forEach((value, column) =>
      figures.push(figure({ kind: 'column-total', column }, value, [rows, columnNode(column)], [1, -1], 3)),
    );
    figures.push(figure({ kind: 'grand-total' }, table.grandTotal ?? 0, [rows, totalsColumn], [-1, -1], 10));
  }
  return figures;
}

/** A hidden 1-9 is known to be 1-9; a hidden larger count is known to be at least the minimum. */
function boundsOf(value: number, rules: DisclosureRules): [number, number] {
  if (value <= 0) return [0, 0];
  if (value < rules.minimumCount) return [1, rules.minimumCount - 1];
  return [rules.minimumCount, Number.MAX_SAFE_INTEGER];
}

const samePosition = (a: Position, b: Position) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Hides counts 1-9 and then, for each hidden figure that the published sums would give away, the cheapest
 * rectangle of other figures that leaves it open; rounds small units' counts. Pure and deterministic.
 */
export function protectTable(
  table: CountTable,
  rules: DisclosureRules = defaultDisclosureRules,
): ProtectedTable {
  const figures = figuresOf(table, rules);
  const edges = figures.map((figure) => figure.edge);
  const hide = (index: number, reason: Suppression) => {
    figures[index]!.edge.hidden = true;
    figures[index]!.reason ??= reason;
  };
  for (const hidden of table.alreadyHidden ?? []) {
    const index = figures.findIndex((figure) => samePosition(figure.at, hidden.at));
    if (index >= 0 && edges[index]!.value > 0) hide(index, hidden.reason);
  }
  figures.forEach((figure, index) => {
    if (figure.edge.value > 0 && figure.edge.value < rules.minimumCount)
      hide(index, suppression('small-count'));
  });

  // One pass: a figure hidden to protect another lies on that one's open cycle, so it is open too.
  const graph = indexGraph(edges);
  for (let index = 0; index < edges.length; index += 1) {
    if (!edges[index]!.hidden || isOpen(edges, graph, index)) continue;
    // Cheapest first; only then is the (costlier) fit checked.
    const best = shortCycles(edges, graph, index, (edge) => edge.hidden || edge.bounds[1] > 0)
      .map((cycle) => ({ cycle, cost: cycle.edges.reduce((sum, e) => sum + costOf(edges[e]!), 0) }))
      .sort((a, b) => a.cost - b.cost)
      .find((candidate) => cycleFits(edges, candidate.cycle));
    if (!best) {
      // No rectangle leaves it open: then nothing in the table is published.
      edges.forEach((edge, e) => edge.value > 0 && !edge.hidden && hide(e, suppression('secondary')));
      break;
    }
    for (const e of best.cycle.edges) if (!edges[e]!.hidden) hide(e, suppression('secondary'));
  }
  return publish(table, figures, rules);
}

const costOf = (edge: Edge) => (edge.hidden ? 0 : edge.value * edge.weight);

function isOpen(edges: Edge[], graph: GraphIndex, index: number): boolean {
  const hiddenShort = shortCycles(edges, graph, index, (edge) => edge.hidden);
  if (hiddenShort.some((cycle) => cycleFits(edges, cycle))) return true;
  const longer = hiddenCycle(edges, graph, index);
  return longer !== null && cycleFits(edges, longer);
}

function publish(table: CountTable, figures: Figure[], rules: DisclosureRules): ProtectedTable {
  const smallRows = table.smallRows ?? [];
  const roundsTotals = table.columnTotals !== undefined && smallRows.some(Boolean);
  const roundFigure = (figure: Figure): Published => {
    if (figure.edge.hidden) return { value: null, rounded: false, suppressed: figure.reason! };
    const at = figure.at;
    const rounds =
      rules.roundTo > 1 &&
      ((at.kind === 'cell' || at.kind === 'row-total') && smallRows[at.row]
        ? true
        : (at.kind === 'column-total' || at.kind === 'grand-total') && roundsTotals);
    if (!rounds || figure.edge.value === 0)
      return { value: figure.edge.value, rounded: false, suppressed: null };
    const rounded = Math.round(figure.edge.value / rules.roundTo) * rules.roundTo;
    return { value: Math.max(rounded, rules.minimumCount), rounded: true, suppressed: null };
  };
  const find = (predicate: (at: Position) => boolean) =>
    figures.filter((figure) => predicate(figure.at)).map(roundFigure);
  return {
    cells: table.cells.map((cells, row) => find((at) => at.kind === 'cell' && at.row === row)),
    rowTotals: find((at) => at.kind === 'row-total'),
    columnTotals: table.columnTotals ? find((at) => at.kind === 'column-total') : null,
    grandTotal: table.columnTotals ? find((at) => at.kind === 'grand-total')[0]! : null,
  };
}
