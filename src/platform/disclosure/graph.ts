/**
 * A table of counts with its totals as a graph: each figure is an edge between the two sums it takes part
 * in (its row's and its column's), each sum a node. Hiding figures leaves unknowns; a hidden figure can be
 * worked out exactly unless another assignment of the unknowns fits every published sum and every bound a
 * reader knows. Such an assignment is a cycle of hidden figures moved +1 and -1 around it.
 */
export const FREE = -1; // the other end of a figure that takes part in one sum only

export type Edge = {
  value: number;
  /** Its row's sum first (never FREE), then its column's sum or FREE. */
  nodes: [number, number];
  /** The figure's sign in each sum: a total stands on the other side of its own sum. */
  signs: [number, number];
  hidden: boolean;
  /** What a reader knows of the value once it is hidden; [0, 0] for a figure that may not be hidden. */
  bounds: [number, number];
  /** What hiding it costs: a total says more than a cell. */
  weight: number;
};

/** A cycle: its edges in walking order, starting from node `start`. */
export type Cycle = { edges: number[]; start: number };

const signAt = (edge: Edge, node: number) => (edge.nodes[0] === node ? edge.signs[0] : edge.signs[1]);
const otherEnd = (edge: Edge, node: number) => (edge.nodes[0] === node ? edge.nodes[1] : edge.nodes[0]);

/**
 * How each figure moves when the first moves by +1 with every sum kept; null when no such move exists.
 * A FREE start asks nothing of the closing step.
 */
export function perturbation(edges: Edge[], cycle: Cycle): number[] | null {
  const deltas = [1];
  let node = otherEnd(edges[cycle.edges[0]!]!, cycle.start);
  for (let step = 1; step < cycle.edges.length; step += 1) {
    const previous = edges[cycle.edges[step - 1]!]!;
    const current = edges[cycle.edges[step]!]!;
    deltas.push(-signAt(previous, node) * signAt(current, node) * deltas[step - 1]!);
    node = otherEnd(current, node);
  }
  if (node !== cycle.start) return null;
  if (node === FREE) return deltas;
  const first = edges[cycle.edges[0]!]!;
  const last = edges[cycle.edges.at(-1)!]!;
  return signAt(last, node) * deltas.at(-1)! + signAt(first, node) === 0 ? deltas : null;
}

/** Whether the cycle can move one step, one way or the other, with every figure on it within its bounds. */
export function cycleFits(edges: Edge[], cycle: Cycle): boolean {
  const deltas = perturbation(edges, cycle);
  if (!deltas) return false;
  return [1, -1].some((direction) =>
    cycle.edges.every((index, position) => {
      const edge = edges[index]!;
      const moved = edge.value + direction * deltas[position]!;
      return moved >= edge.bounds[0] && moved <= edge.bounds[1];
    }),
  );
}

/** Which figures meet at each sum, and the figure between a row's sum and a column's sum. */
export type GraphIndex = { byNode: Map<number, number[]>; pairs: Map<string, number> };

export function indexGraph(edges: Edge[]): GraphIndex {
  const byNode = new Map<number, number[]>();
  const pairs = new Map<string, number>();
  edges.forEach((edge, position) => {
    for (const node of edge.nodes) byNode.set(node, [...(byNode.get(node) ?? []), position]);
    pairs.set(`${edge.nodes[0]}:${edge.nodes[1]}`, position);
  });
  return { byNode, pairs };
}

/** Cycles of two figures (through FREE) or four (a rectangle) through edge `index`, over usable figures. */
export function shortCycles(
  edges: Edge[],
  graph: GraphIndex,
  index: number,
  usable: (edge: Edge) => boolean,
): Cycle[] {
  const [u, v] = edges[index]!.nodes;
  const at = (node: number) =>
    (graph.byNode.get(node) ?? []).filter((position) => position !== index && usable(edges[position]!));
  if (v === FREE) {
    return at(u)
      .filter((f) => edges[f]!.nodes[1] === FREE)
      .map((f) => ({ edges: [index, f], start: FREE }));
  }
  const cycles: Cycle[] = [];
  const fromV = at(v);
  for (const f of at(u)) {
    const w = otherEnd(edges[f]!, u);
    if (w === v || w === FREE) continue;
    for (const g of fromV) {
      const x = otherEnd(edges[g]!, v);
      if (x === u) continue;
      const h = graph.pairs.get(`${x}:${w}`);
      if (h !== undefined && usable(edges[h]!)) cycles.push({ edges: [index, g, h, f], start: u });
    }
  }
  return cycles;
}

/** The shortest cycle through edge `index` over hidden figures only (breadth first), or null. */
export function hiddenCycle(edges: Edge[], graph: GraphIndex, index: number): Cycle | null {
  const [u, v] = edges[index]!.nodes;
  const cameBy = new Map<number, { edge: number; from: number }>([[v, { edge: -1, from: v }]]);
  const queue = [v];
  for (let head = 0; head < queue.length && !cameBy.has(u); head += 1) {
    const node = queue[head]!;
    for (const position of graph.byNode.get(node) ?? []) {
      const edge = edges[position]!;
      if (!edge.hidden || position === index) continue;
      const next = otherEnd(edge, node);
      if (cameBy.has(next)) continue;
      cameBy.set(next, { edge: position, from: node });
      queue.push(next);
    }
  }
  if (!cameBy.has(u)) return null;
  // The path v→u, found backwards from u; the edge itself (u→v) closes the cycle.
  const path: { edge: number; from: number }[] = [];
  for (let node = u; node !== v; node = cameBy.get(node)!.from) path.unshift(cameBy.get(node)!);
  const walk = [{ edge: index, from: u }, ...path];
  // Start at FREE when the cycle passes through it: there the sums ask nothing.
  const freeAt = walk.findIndex((step) => step.from === FREE);
  const rotated = freeAt > 0 ? [...walk.slice(freeAt), ...walk.slice(0, freeAt)] : walk;
  return { edges: rotated.map((step) => step.edge), start: rotated[0]!.from };
}
