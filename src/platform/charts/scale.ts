/** Pure arithmetic of the charts: scales, readable tick values, histogram bins. */

export type Scale = (value: number) => number;

/** Maps a value from the domain onto the range linearly; a domain of one value maps to the range's middle. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** Round steps people read easily (1, 2, 2.5, 5 × a power of ten) covering [min, max], about `count` ticks. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max < min) [min, max] = [max, min];
  if (max === min) return [min];
  const rough = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let tick = first; tick <= max + step * 1e-9; tick += step) {
    ticks.push(Number(tick.toFixed(10)));
  }
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toFixed(10)));
  return ticks;
}

/**
 * At most `max` evenly spaced labels, counted back from the last (the end of a series, often the target
 * year, is the one people look for), so the last two never crowd each other.
 */
export function thinLabels<T>(values: T[], max: number): T[] {
  if (values.length <= max) return values;
  const every = Math.ceil((values.length - 1) / Math.max(1, max - 1));
  return values.filter((_, index) => (values.length - 1 - index) % every === 0);
}

export type Bin = { from: number; to: number; count: number };

/**
 * Counts values into bins of equal width from `start`; a value on a boundary goes to the bin it starts
 * (the last bin includes its upper edge). Values outside [start, end] are not counted.
 */
export function binValues(values: number[], options: { start: number; end: number; width: number }): Bin[] {
  const { start, end, width } = options;
  if (!(width > 0) || !(end > start)) throw new RangeError('bins need a positive width and end > start');
  const count = Math.ceil((end - start) / width - 1e-9);
  const bins: Bin[] = Array.from({ length: count }, (_, i) => ({
    from: start + i * width,
    to: Math.min(end, start + (i + 1) * width),
    count: 0,
  }));
  for (const value of values) {
    if (!Number.isFinite(value) || value < start || value > end) continue;
    const index = Math.min(count - 1, Math.floor((value - start) / width + 1e-9));
    bins[index]!.count += 1;
  }
  return bins;
}
