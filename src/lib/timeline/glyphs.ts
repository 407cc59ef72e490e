/**
 * Shapes that tell attack types apart without colour. Each is an SVG path centred on 0,0 that
 * fits a box of `size` pixels, so the same glyph marks the chart and its legend.
 */

export const glyphNames = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangle-down', 'hexagon', 'star'] as const;
export type GlyphName = (typeof glyphNames)[number];

function polygon(points: [number, number][]): string {
  return `M${points.map(([x, y]) => `${round(x)},${round(y)}`).join('L')}Z`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function regular(sides: number, radius: number, rotation: number): [number, number][] {
  return Array.from({ length: sides }, (_, i) => {
    const angle = rotation + (i * 2 * Math.PI) / sides;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
}

export function glyphPath(name: GlyphName, size: number): string {
  const r = size / 2;
  switch (name) {
    case 'circle':
      return `M${-r},0A${r},${r} 0 1,0 ${r},0A${r},${r} 0 1,0 ${-r},0Z`;
    case 'square':
      return polygon([[-r * 0.85, -r * 0.85], [r * 0.85, -r * 0.85], [r * 0.85, r * 0.85], [-r * 0.85, r * 0.85]]);
    case 'triangle':
      return polygon(regular(3, r * 1.1, -Math.PI / 2).map(([x, y]) => [x, y + r * 0.15]));
    case 'triangle-down':
      return polygon(regular(3, r * 1.1, Math.PI / 2).map(([x, y]) => [x, y - r * 0.15]));
    case 'diamond':
      return polygon([[0, -r], [r, 0], [0, r], [-r, 0]]);
    case 'hexagon':
      return polygon(regular(6, r, 0));
    case 'cross': {
      const t = r * 0.38;
      return polygon([[-t, -r], [t, -r], [t, -t], [r, -t], [r, t], [t, t], [t, r], [-t, r], [-t, t], [-r, t], [-r, -t], [-t, -t]]);
    }
    case 'star': {
      const points = Array.from({ length: 10 }, (_, i): [number, number] => {
        const radius = i % 2 === 0 ? r : r * 0.45;
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        return [radius * Math.cos(angle), radius * Math.sin(angle)];
      });
      return polygon(points);
    }
  }
}

/** The glyph for the n-th style slot (attack types are given slots in a fixed order). */
export function glyphFor(styleIndex: number): GlyphName {
  return glyphNames[styleIndex % glyphNames.length]!;
}
