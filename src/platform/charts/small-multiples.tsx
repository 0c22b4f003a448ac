import { Legend } from './legend.tsx';
import { LineChart, seriesLooks, type LineSeries } from './line-chart.tsx';
import { niceTicks } from './scale.ts';

export type Panel = { key: string; title: string; description: string; series: LineSeries[] };

export type SmallMultiplesProps = {
  id: string;
  /** Heading of the group, e.g. "Bereik per gemeente"; each panel is its own image with its own title. */
  title: string;
  panels: Panel[];
  formatX?: (x: number) => string;
  formatY?: (y: number) => string;
  /** One y scale for all panels, so they compare at a glance; defaults to 0 … the highest value. */
  yDomain?: [number, number];
};

/**
 * The same small line chart for many units (municipalities, groups) on one shared scale, in a grid that
 * wraps to one column on a phone, with one shared legend. Series keep their look across panels when they
 * appear in the same order.
 */
export function SmallMultiples(props: SmallMultiplesProps) {
  const { id, title, panels } = props;
  const highest = Math.max(
    1,
    ...panels.flatMap((panel) =>
      panel.series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y]))),
    ),
  );
  const ticks = niceTicks(0, highest, 3);
  const yDomain = props.yDomain ?? [0, ticks[ticks.length - 1] ?? highest];
  const xs = panels.flatMap((panel) => panel.series.flatMap((s) => s.points.map((p) => p.x)));
  const xDomain: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const first = panels[0]?.series ?? [];
  const looks = seriesLooks(first);
  return (
    <section class="meedoen-small-multiples" aria-labelledby={`${id}-heading`}>
      <h3 class="utrecht-heading-3" id={`${id}-heading`}>
        {title}
      </h3>
      <Legend entries={first.map((s, i) => ({ label: s.label, ...looks[i]! }))} />
      <ul class="meedoen-small-multiples__grid">
        {panels.map((panel) => (
          <li key={panel.key} class="meedoen-small-multiples__panel">
            <LineChart
              id={`${id}-${panel.key}`}
              title={panel.title}
              description={panel.description}
              series={panel.series}
              formatX={props.formatX}
              formatY={props.formatY}
              xDomain={xDomain}
              yDomain={yDomain}
              size="small"
              legend={false}
            />
            <p class="meedoen-small-multiples__title" aria-hidden="true">
              {panel.title}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
