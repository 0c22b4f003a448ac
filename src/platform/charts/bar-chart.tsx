import { ChartFrame, type ChartText } from './frame.tsx';
import { linearScale, niceTicks } from './scale.ts';
import { axisColour, breakColour, gridColour, palette, textColour } from './styles.ts';

/** One bar; `value: null` draws no bar but the reason (e.g. "onderdrukt"), also shown in the table. */
export type Bar = {
  key: string;
  label: string;
  value: number | null;
  missingReason?: string;
  /** A target of this bar alone (bars with different targets), drawn as a short dashed line with its label. */
  target?: { value: number; label: string };
};

export type BarChartProps = ChartText & {
  bars: Bar[];
  /** A target drawn across all bars as a dashed line with its label, e.g. { value: 70, label: 'Doel 70%' }. */
  target?: { value: number; label: string };
  formatValue?: (value: number) => string;
  /** Defaults to a round number above the highest value or target. */
  max?: number;
};

const WIDTH = 400;
const LEFT = 8;
const RIGHT = 56;
const TOP = 26;
const ROW = 42;
const BAR = 16;
const AXIS = 24;

/**
 * Horizontal bars, one per row with its label above it (long names fit on a phone), the value written at
 * the bar's end, and an optional target line.
 */
export function BarChart(props: BarChartProps) {
  const { id, title, description, bars, target } = props;
  const format = props.formatValue ?? ((value: number) => String(value));
  const values = bars.flatMap((bar) => (bar.value === null ? [] : [bar.value]));
  const barTargets = bars.flatMap((bar) => (bar.target ? [bar.target.value] : []));
  const ticks = niceTicks(0, props.max ?? Math.max(1, target?.value ?? 0, ...barTargets, ...values), 5);
  const max = props.max ?? ticks[ticks.length - 1] ?? 1;
  const height = TOP + bars.length * ROW + AXIS;
  const plotRight = WIDTH - RIGHT;
  const sx = linearScale([0, max], [LEFT, plotRight]);
  const bottom = TOP + bars.length * ROW;
  return (
    <figure class="meedoen-chart">
      <ChartFrame id={id} title={title} description={description} width={WIDTH} height={height}>
        <g aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={sx(tick)} x2={sx(tick)} y1={TOP} y2={bottom} stroke={gridColour} />
              <text x={sx(tick)} y={bottom + 17} text-anchor="middle" fill={textColour}>
                {format(tick)}
              </text>
            </g>
          ))}
          <line x1={LEFT} x2={LEFT} y1={TOP} y2={bottom} stroke={axisColour} />
          {bars.map((bar, index) => {
            const y = TOP + index * ROW;
            return (
              <g key={bar.key} class="meedoen-chart__bar" data-bar={bar.key}>
                <text x={LEFT} y={y + 13} fill={textColour}>
                  {bar.label}
                </text>
                {bar.value === null ? (
                  <text x={LEFT + 4} y={y + 17 + BAR - 4} fill={textColour} font-style="italic">
                    {bar.missingReason ?? '–'}
                  </text>
                ) : (
                  <>
                    <rect
                      x={LEFT}
                      y={y + 18}
                      width={Math.max(0, sx(Math.min(bar.value, max)) - LEFT)}
                      height={BAR}
                      fill={palette[0]}
                    />
                    <text x={sx(Math.min(bar.value, max)) + 4} y={y + 18 + BAR - 3} fill={textColour}>
                      {format(bar.value)}
                    </text>
                  </>
                )}
                {bar.target ? (
                  <g class="meedoen-chart__target">
                    <line
                      x1={sx(Math.min(bar.target.value, max))}
                      x2={sx(Math.min(bar.target.value, max))}
                      y1={y + 15}
                      y2={y + 18 + BAR + 4}
                      stroke={breakColour}
                      stroke-width={2}
                      stroke-dasharray="4 3"
                    />
                    <text
                      x={sx(Math.min(bar.target.value, max))}
                      y={y + 11}
                      text-anchor="middle"
                      fill={textColour}
                    >
                      {bar.target.label}
                    </text>
                  </g>
                ) : null}
              </g>
            );
          })}
          {target ? (
            <g class="meedoen-chart__target">
              <line
                x1={sx(target.value)}
                x2={sx(target.value)}
                y1={TOP - 6}
                y2={bottom}
                stroke={breakColour}
                stroke-width={2}
                stroke-dasharray="6 4"
              />
              <text x={sx(target.value)} y={TOP - 10} text-anchor="middle" fill={textColour}>
                {target.label}
              </text>
            </g>
          ) : null}
        </g>
      </ChartFrame>
    </figure>
  );
}
