import { Marker } from './marker.tsx';
import { lineStyles, type LineStyle, type MarkerShape } from './styles.ts';

export type LegendEntry = { label: string; line: LineStyle; marker: MarkerShape; colour: string };

/** The legend in HTML text (readable at any size), each entry with a sample of its line and marker. */
export function Legend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul class="meedoen-chart__legend">
      {entries.map((entry) => (
        <li key={entry.label} class="meedoen-chart__legend-item">
          <svg class="meedoen-chart__key" viewBox="0 0 40 14" width="40" height="14" aria-hidden="true">
            <line
              x1={2}
              x2={38}
              y1={7}
              y2={7}
              stroke={entry.colour}
              stroke-width={2.5}
              stroke-dasharray={lineStyles[entry.line]}
            />
            <Marker shape={entry.marker} x={20} y={7} colour={entry.colour} />
          </svg>
          <span>{entry.label}</span>
        </li>
      ))}
    </ul>
  );
}
