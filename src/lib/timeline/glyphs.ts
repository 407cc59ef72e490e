/**
 * Shapes that tell attack types apart without colour. Each is an SVG path centred on 0,0 that
 * fits a box of `size` pixels, so the same glyph marks the chart and its legend.
 */

export const glyphNames = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangle-down', 'hexagon', 'star', 'pentagon', 'x'] as const;
export type GlyphName = (typeof glyphNames)[number];

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function regular(sides: number, radius: number, rotation: number): [number, number][] {
  return Array.from({ length: sides }, (_, i) => {
    const angle = rotation + (i * 2 * Math.PI) / sides;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
}

/** The outline of a glyph centred on 0,0: a circle of radius r, or the corners of a polygon. */
function outline(name: GlyphName, size: number): { circle: number } | { corners: [number, number][] } {
  const r = size / 2;
  switch (name) {
    case 'circle':
      return { circle: r };
    case 'square':
      return { corners: [[-r * 0.85, -r * 0.85], [r * 0.85, -r * 0.85], [r * 0.85, r * 0.85], [-r * 0.85, r * 0.85]] };
    case 'triangle':
      return { corners: regular(3, r * 1.1, -Math.PI / 2).map(([x, y]) => [x, y + r * 0.15]) };
    case 'triangle-down':
      return { corners: regular(3, r * 1.1, Math.PI / 2).map(([x, y]) => [x, y - r * 0.15]) };
    case 'diamond':
      return { corners: [[0, -r], [r, 0], [0, r], [-r, 0]] };
    case 'hexagon':
      return { corners: regular(6, r, 0) };
    case 'pentagon':
      return { corners: regular(5, r * 1.05, -Math.PI / 2).map(([x, y]) => [x, y + r * 0.08]) };
    case 'x': {
      // The cross, turned by 45 degrees.
      const t = r * 0.38;
      const c = Math.SQRT1_2;
      const plus: [number, number][] = [[-t, -r], [t, -r], [t, -t], [r, -t], [r, t], [t, t], [t, r], [-t, r], [-t, t], [-r, t], [-r, -t], [-t, -t]];
      return { corners: plus.map(([x, y]) => [(x - y) * c, (x + y) * c]) };
    }
    case 'cross': {
      const t = r * 0.38;
      return { corners: [[-t, -r], [t, -r], [t, -t], [r, -t], [r, t], [t, t], [t, r], [-t, r], [-t, t], [-r, t], [-r, -t], [-t, -t]] };
    }
    case 'star':
      return {
        corners: Array.from({ length: 10 }, (_, i): [number, number] => {
          const radius = i % 2 === 0 ? r : r * 0.45;
          const angle = -Math.PI / 2 + (i * Math.PI) / 5;
          return [radius * Math.cos(angle), radius * Math.sin(angle)];
        }),
      };
  }
}

/**
 * The glyph as an SVG path centred on (cx, cy). Only the first point is absolute and the rest are
 * relative steps, so a glyph drawn thousands of times costs a few bytes more than its offset, and
 * needs no transform of its own.
 */
export function glyphPath(name: GlyphName, size: number, cx = 0, cy = 0): string {
  const shape = outline(name, size);
  if ('circle' in shape) {
    const r = round(shape.circle);
    return `M${round(cx - r)},${round(cy)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
  }
  const corners = shape.corners.map(([x, y]) => [round(x), round(y)] as const);
  const [first] = corners;
  const steps = corners.slice(1).map(([x, y], i) => `${round(x - corners[i]![0])},${round(y - corners[i]![1])}`);
  return `M${round(cx + first![0])},${round(cy + first![1])}l${steps.join(' ')}Z`;
}

/** The glyph for the n-th style slot (attack types are given slots in a fixed order). */
export function glyphFor(styleIndex: number): GlyphName {
  return glyphNames[styleIndex % glyphNames.length]!;
}
