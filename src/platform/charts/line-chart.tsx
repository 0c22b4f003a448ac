import { ChartFrame, type ChartText } from './frame.tsx';
import { Legend, type LegendEntry } from './legend.tsx';
import { Marker } from './marker.tsx';
import { linearScale, niceTicks, thinLabels } from './scale.ts';
import {
  axisColour,
  breakColour,
  gridColour,
  lineStyles,
  markerShapes,
  palette,
  textColour,
  type LineStyle,
  type MarkerShape,
} from './styles.ts';

/** A point of a series; `y: null` is a gap (no figure, or withheld): the line stops there, never bridges it. */
export type LinePoint = { x: number; y: number | null };

export type LineSeries = {
  key: string;
  label: string;
  points: LinePoint[];
  /** Defaults: the n-th series gets the n-th colour and marker, solid line. A target line is 'dashed'. */
  line?: LineStyle;
  marker?: MarkerShape;
  colour?: string;
};

/** A break in the series (a new definition, a new method): a vertical line with a label. */
export type SeriesBreak = { x: number; label: string };

export type LineChartProps = ChartText & {
  series: LineSeries[];
  breaks?: SeriesBreak[];
  formatX?: (x: number) => string;
  formatY?: (y: number) => string;
  /** Defaults to 0 … a round number above the highest value: lines start from zero unless told otherwise. */
  yDomain?: [number, number];
  xDomain?: [number, number];
  /** 'small' for small multiples: a smaller image with fewer labels. */
  size?: 'normal' | 'small';
  /** Leave out the legend when several charts share one (small multiples). */
  legend?: boolean;
};

const sizes = {
  normal: { width: 400, height: 260, left: 40, right: 14, top: 28, bottom: 28, xLabels: 7, yTicks: 5 },
  small: { width: 240, height: 170, left: 34, right: 10, top: 16, bottom: 24, xLabels: 3, yTicks: 3 },
} as const;

/** Each series' look: its own colour, dash pattern and marker, so it is told apart without colour. */
export function seriesLooks(
  series: LineSeries[],
): Required<Pick<LineSeries, 'line' | 'marker' | 'colour'>>[] {
  return series.map((s, index) => ({
    line: s.line ?? 'solid',
    marker: s.marker ?? markerShapes[index % markerShapes.length]!,
    colour: s.colour ?? palette[index % palette.length]!,
  }));
}

/** Splits a series at its gaps: runs of consecutive points that have a value, in x order. */
export function segments(points: LinePoint[]): { x: number; y: number }[][] {
  const runs: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  for (const point of [...points].sort((a, b) => a.x - b.x)) {
    if (point.y === null || !Number.isFinite(point.y)) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else {
      current.push({ x: point.x, y: point.y });
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function domainOf(values: number[], fallback: [number, number]): [number, number] {
  return values.length === 0 ? fallback : [Math.min(...values), Math.max(...values)];
}

/** A line chart of one or more series over a numeric x (years), with gaps, breaks and dashed target lines. */
export function LineChart(props: LineChartProps) {
  const { id, title, description, series, breaks = [], size = 'normal', legend = true } = props;
  const formatX = props.formatX ?? ((x: number) => String(x));
  const formatY = props.formatY ?? ((y: number) => String(y));
  const box = sizes[size];
  const looks = seriesLooks(series);
  const xs = series.flatMap((s) => s.points.map((p) => p.x)).concat(breaks.map((b) => b.x));
  const ys = series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y])));
  const [x0, x1] = props.xDomain ?? domainOf(xs, [0, 1]);
  const yTicks = props.yDomain
    ? niceTicks(props.yDomain[0], props.yDomain[1], box.yTicks)
    : niceTicks(0, Math.max(1, ...ys), box.yTicks);
  const [y0, y1] = props.yDomain ?? [yTicks[0] ?? 0, yTicks[yTicks.length - 1] ?? 1];
  const plot = {
    left: box.left,
    right: box.width - box.right,
    top: box.top,
    bottom: box.height - box.bottom,
  };
  const sx = linearScale([x0, x1], [plot.left + 8, plot.right - 8]);
  const sy = linearScale([y0, y1], [plot.bottom, plot.top]);
  const xTickValues: number[] = [];
  for (let x = Math.ceil(x0); x <= x1; x += 1) xTickValues.push(x);
  const entries: LegendEntry[] = series.map((s, i) => ({ label: s.label, ...looks[i]! }));

  const image = (
    <ChartFrame id={id} title={title} description={description} width={box.width} height={box.height}>
      <g aria-hidden="true">
        {yTicks.map((tick) => (
          <g key={`y${tick}`}>
            <line x1={plot.left} x2={plot.right} y1={sy(tick)} y2={sy(tick)} stroke={gridColour} />
            <text x={plot.left - 5} y={sy(tick) + 4} text-anchor="end" fill={textColour}>
              {formatY(tick)}
            </text>
          </g>
        ))}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={axisColour} />
        {thinLabels(xTickValues, box.xLabels).map((x) => (
          <text key={`x${x}`} x={sx(x)} y={plot.bottom + 17} text-anchor="middle" fill={textColour}>
            {formatX(x)}
          </text>
        ))}
        {breaks.map((b) => {
          const leftHalf = sx(b.x) < (plot.left + plot.right) / 2;
          return (
            <g key={`break${b.x}`} class="meedoen-chart__break">
              <line
                x1={sx(b.x)}
                x2={sx(b.x)}
                y1={plot.top - 4}
                y2={plot.bottom}
                stroke={breakColour}
                stroke-width={1.5}
                stroke-dasharray="3 3"
              />
              <text
                x={sx(b.x) + (leftHalf ? 4 : -4)}
                y={plot.top - 10}
                text-anchor={leftHalf ? 'start' : 'end'}
                fill={textColour}
              >
                {b.label}
              </text>
            </g>
          );
        })}
        {series.map((s, i) => {
          const look = looks[i]!;
          return (
            <g key={s.key} class="meedoen-chart__series" data-series={s.key}>
              {segments(s.points).map((run) =>
                run.length < 2 ? null : (
                  <path
                    key={`${run[0]!.x}`}
                    d={run.map((p, j) => `${j === 0 ? 'M' : 'L'}${r(sx(p.x))},${r(sy(p.y))}`).join('')}
                    fill="none"
                    stroke={look.colour}
                    stroke-width={2.5}
                    stroke-dasharray={lineStyles[look.line]}
                    stroke-linejoin="round"
                  />
                ),
              )}
              {segments(s.points).flatMap((run) =>
                run
                  // A lone point without a marker would be invisible: it gets a dot.
                  .filter(() => look.marker !== 'none' || run.length === 1)
                  .map((p) => (
                    <Marker
                      key={`${p.x}`}
                      shape={look.marker === 'none' ? 'circle' : look.marker}
                      x={r(sx(p.x))}
                      y={r(sy(p.y))}
                      colour={look.colour}
                    />
                  )),
              )}
            </g>
          );
        })}
      </g>
    </ChartFrame>
  );
  return (
    <figure class={`meedoen-chart meedoen-chart--${size}`}>
      {image}
      {legend && series.length > 0 ? <Legend entries={entries} /> : null}
    </figure>
  );
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}
