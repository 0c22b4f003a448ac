/**
 * Colours, dash patterns and marker shapes. Colour is never the only carrier: every series also has its own
 * dash pattern and marker, and a legend in text. The colours keep 3:1 contrast on white (WCAG 1.4.11).
 */
export const palette = ['#1f4e9c', '#a8400a', '#1d6b2f', '#6b3fa0', '#333333', '#8a5a00'] as const;

export const lineStyles = {
  solid: undefined,
  dashed: '8 5',
  dotted: '2 4',
  dashdot: '10 4 2 4',
  long: '16 6',
} as const;
export type LineStyle = keyof typeof lineStyles;

export const markerShapes = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
export type MarkerShape = (typeof markerShapes)[number] | 'none';

export const axisColour = '#5b5b5b';
export const gridColour = '#d0d0d0';
export const textColour = '#1a1a1a';
export const breakColour = '#5b5b5b';
