import { describe, expect, it } from 'vitest';
import { hatchKinds, hatchPath } from '../../src/lib/charts/patterns.ts';

/** The end points of every move and line in a path of absolute M and relative l/h/v steps. */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MlhvL])([^MlhvL]*)/g)) {
    const n = args!.split(/[ ,]+/).filter(Boolean).map(Number);
    if (command === 'M') [x, y] = [n[0]!, n[1]!];
    else if (command === 'l') [x, y] = [x + n[0]!, y + n[1]!];
    else if (command === 'h') x += n[0]!;
    else if (command === 'v') y += n[0]!;
    out.push([x, y]);
  }
  return out;
}

describe('hatching', () => {
  const box = { x: 13.5, y: 40.25, width: 27, height: 61 };

  it('gives each of the eight series a different texture, the first plain', () => {
    const paths = hatchKinds.map((_, series) => hatchPath(series, box));
    expect(paths[0]).toBe('');
    expect(new Set(paths).size).toBe(hatchKinds.length);
    for (const path of paths.slice(1)) expect(path.length).toBeGreaterThan(0);
  });

  it('stays inside the mark it fills', () => {
    for (let series = 1; series < hatchKinds.length; series++) {
      for (const [x, y] of points(hatchPath(series, box))) {
        expect(x).toBeGreaterThanOrEqual(box.x - 0.01);
        expect(x).toBeLessThanOrEqual(box.x + box.width + 0.01);
        expect(y).toBeGreaterThanOrEqual(box.y - 0.01);
        expect(y).toBeLessThanOrEqual(box.y + box.height + 0.01);
      }
    }
  });

  it('draws nothing in an empty mark', () => {
    expect(hatchPath(1, { x: 0, y: 0, width: 0, height: 10 })).toBe('');
  });
});
