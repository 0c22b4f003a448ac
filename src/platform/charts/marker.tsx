import type { MarkerShape } from './styles.ts';

/** A point's marker: a different shape per series, so series differ without colour. */
export function Marker({
  shape,
  x,
  y,
  colour,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  colour: string;
}) {
  const r = 4.5;
  switch (shape) {
    case 'none':
      return null;
    case 'circle':
      return <circle cx={x} cy={y} r={r} fill={colour} />;
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={colour} />;
    case 'triangle':
      return (
        <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} fill={colour} />
      );
    case 'diamond':
      return (
        <polygon
          points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`}
          fill={colour}
        />
      );
    case 'cross':
      return (
        <path
          d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`}
          stroke={colour}
          stroke-width={2.5}
        />
      );
  }
}
