import type { ComponentChildren } from 'preact';

export type ChartText = {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  /** What the chart shows in words, for screen readers; the companion table has every number. */
  description: string;
};

/**
 * The accessible shell of every chart: an image with a title and a description that assistive technology
 * reads (role="img", aria-labelledby). No width or height: the viewBox scales it to any screen. Only
 * presentation attributes (fill, stroke), never style="", which the content security policy forbids.
 */
export function ChartFrame({
  id,
  title,
  description,
  width,
  height,
  children,
}: ChartText & { width: number; height: number; children: ComponentChildren }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="meedoen-chart__image"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      font-family="inherit"
      font-size={13}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}
