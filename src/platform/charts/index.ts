// The chart kit: server-side SVG charts with a companion table. See docs/charts-and-exports.md.
export { BarChart, type Bar, type BarChartProps } from './bar-chart.tsx';
export { columnHeaderClass, DataTableBody, DataTableFrame, DataTableView } from './data-table.tsx';
export type { ChartText } from './frame.tsx';
export { Histogram, type HistogramProps } from './histogram.tsx';
export {
  LineChart,
  segments,
  type LineChartProps,
  type LinePoint,
  type LineSeries,
  type SeriesBreak,
} from './line-chart.tsx';
export { binValues, linearScale, niceTicks, thinLabels, type Bin } from './scale.ts';
export { SmallMultiples, type Panel, type SmallMultiplesProps } from './small-multiples.tsx';
export { palette, type LineStyle, type MarkerShape } from './styles.ts';
