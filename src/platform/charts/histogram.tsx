import { ChartFrame, type ChartText } from './frame.tsx';
import { linearScale, niceTicks, thinLabels, type Bin } from './scale.ts';
import { axisColour, breakColour, gridColour, palette, textColour } from './styles.ts';

export type HistogramProps = ChartText & {
  /** From binValues(); units left out of the count (suppressed, unknown) belong in the description and table. */
  bins: Bin[];
  formatEdge?: (edge: number) => string;
  /** A reference value marked with a dashed line, e.g. the target. */
  marker?: { value: number; label: string };
};

const WIDTH = 400;
const HEIGHT = 240;
const PLOT = { left: 36, right: WIDTH - 12, top: 26, bottom: HEIGHT - 28 };

/** The distribution of a value over units (e.g. reach % over municipalities): counts per bin as columns. */
export function Histogram(props: HistogramProps) {
  const { id, title, description, bins, marker } = props;
  const format = props.formatEdge ?? ((edge: number) => String(edge));
  const start = bins[0]?.from ?? 0;
  const end = bins[bins.length - 1]?.to ?? 1;
  const ticks = niceTicks(0, Math.max(1, ...bins.map((bin) => bin.count)), 4);
  const sx = linearScale([start, end], [PLOT.left, PLOT.right]);
  const sy = linearScale([0, ticks[ticks.length - 1] ?? 1], [PLOT.bottom, PLOT.top]);
  const edges = thinLabels([start, ...bins.map((bin) => bin.to)], 6);
  return (
    <figure class="meedoen-chart">
      <ChartFrame id={id} title={title} description={description} width={WIDTH} height={HEIGHT}>
        <g aria-hidden="true">
          {ticks.map((tick) => (
            <g key={`y${tick}`}>
              <line x1={PLOT.left} x2={PLOT.right} y1={sy(tick)} y2={sy(tick)} stroke={gridColour} />
              <text x={PLOT.left - 5} y={sy(tick) + 4} text-anchor="end" fill={textColour}>
                {tick}
              </text>
            </g>
          ))}
          {bins.map((bin) => (
            <rect
              key={bin.from}
              class="meedoen-chart__bin"
              data-count={bin.count}
              x={sx(bin.from) + 1}
              y={sy(bin.count)}
              width={Math.max(0, sx(bin.to) - sx(bin.from) - 2)}
              height={Math.max(0, PLOT.bottom - sy(bin.count))}
              fill={palette[0]}
            />
          ))}
          <line x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} stroke={axisColour} />
          {edges.map((edge) => (
            <text key={`x${edge}`} x={sx(edge)} y={PLOT.bottom + 17} text-anchor="middle" fill={textColour}>
              {format(edge)}
            </text>
          ))}
          {marker ? (
            <g class="meedoen-chart__target">
              <line
                x1={sx(marker.value)}
                x2={sx(marker.value)}
                y1={PLOT.top - 6}
                y2={PLOT.bottom}
                stroke={breakColour}
                stroke-width={2}
                stroke-dasharray="6 4"
              />
              <text x={sx(marker.value)} y={PLOT.top - 10} text-anchor="middle" fill={textColour}>
                {marker.label}
              </text>
            </g>
          ) : null}
        </g>
      </ChartFrame>
    </figure>
  );
}
