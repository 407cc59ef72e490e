import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePartialDate, type PartialDate } from '../../src/schemas/dates.ts';
import { barPath, gridPath, listStatus, tailPath, viewStatus } from '../../src/lib/timeline/marks-svg.ts';
import { glyphNames, glyphPath } from '../../src/lib/timeline/glyphs.ts';
import { wideQuery } from '../../src/lib/views/timeline.ts';
import { chunkHeight, layoutTimeline, timelineMetrics, type BarSegment, type TimelineItem } from '../../src/lib/timeline/incidents-layout.ts';

const date = (text: string): PartialDate => parsePartialDate(text)!;

/** The rectangles a path of "M x y h w v h h -w z" pieces draws, as [x, y, width, height]. */
function rectangles(path: string): number[][] {
  return [...path.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h(-?[\d.]+)z/g)].map((m) => {
    const [x, y, w, h, back] = m.slice(1).map(Number) as [number, number, number, number, number];
    expect(back).toBe(-w);
    return [x, y, w, h];
  });
}

describe('timeline bar paths', () => {
  const segments: BarSegment[] = [
    { from: 100, to: 130.04, certainty: 'uncertain' },
    { from: 130.04, to: 180, certainty: 'known' },
    { from: 180, to: 180.1, certainty: 'uncertain' },
  ];

  it('draws each stretch of one certainty as a rectangle relative to the mark’s start', () => {
    expect(rectangles(barPath(segments, 'known', 100, 17, 8))).toEqual([[30, 17, 50, 8]]);
    expect(rectangles(barPath(segments, 'uncertain', 100, 17, 8))).toEqual([
      [0, 17, 30, 8],
      // A sliver is drawn half a unit wide so it stays visible.
      [80, 17, 0.5, 8],
    ]);
  });

  it('draws stretches of one kind that touch as one rectangle', () => {
    const touching: BarSegment[] = [
      { from: 50, to: 50.03, certainty: 'known' },
      { from: 50.03, to: 90, certainty: 'known' },
    ];
    expect(rectangles(barPath(touching, 'known', 50, 17, 8))).toEqual([[0, 17, 40, 8]]);
  });

  it('is empty when the bar has no stretch of that certainty', () => {
    expect(barPath(segments.filter((s) => s.certainty === 'uncertain'), 'known', 100, 17, 8)).toBe('');
  });
});

describe('glyphs placed by their own path', () => {
  /** The absolute start of a path and what follows it (relative steps, or a circle's arcs). */
  function split(path: string): { x: number; y: number; rest: string } {
    const [, x, y, rest] = /^M(-?[\d.]+),(-?[\d.]+)(.*)$/.exec(path)!;
    return { x: Number(x), y: Number(y), rest: rest! };
  }

  it.each(glyphNames.map((name) => [name]))('%s drawn at (0, 21) is the centred glyph moved down by 21', (name) => {
    const centred = split(glyphPath(name, 11));
    const moved = split(glyphPath(name, 11, 0, 21));
    expect(moved.x).toBeCloseTo(centred.x, 2);
    expect(moved.y).toBeCloseTo(centred.y + 21, 2);
    // Everything after the first point is relative, so the shape itself is unchanged.
    expect(moved.rest).toBe(centred.rest);
    expect(moved.rest).toMatch(/^[al]/);
  });
});

describe('timeline grid path', () => {
  it('has one vertical line per tick, from top to the given height', () => {
    expect(gridPath([10, 250.04], 94)).toBe('M10 0V94M250 0V94');
    expect(gridPath([], 94)).toBe('');
  });
});

describe('timeline status line', () => {
  const from = new Date(Date.UTC(2017, 0, 14));
  const to = new Date(Date.UTC(2025, 8, 26));
  it('says how many incidents are in view and over which months', () => {
    expect(viewStatus({ inView: 10, matching: 10, total: 10, filtered: false }, from, to)).toBe('Showing all 10 incidents, January 2017 to September 2025.');
    expect(viewStatus({ inView: 3, matching: 10, total: 10, filtered: false }, from, to)).toBe('Showing 3 of 10 incidents, January 2017 to September 2025.');
    expect(viewStatus({ inView: 1, matching: 1, total: 1, filtered: false }, from, to)).toBe('Showing the only incident, January 2017 to September 2025.');
  });

  it('counts among the incidents the filters match when a filter is chosen', () => {
    expect(viewStatus({ inView: 2, matching: 7, total: 22, filtered: true }, from, to)).toBe('Showing 2 of 7 matching incidents (22 incidents in all), January 2017 to September 2025.');
    expect(viewStatus({ inView: 0, matching: 0, total: 22, filtered: true }, from, to)).toBe('No incident matches these filters (22 incidents in all).');
  });

  it('says plainly when nothing is in view, and where to go', () => {
    expect(viewStatus({ inView: 0, matching: 22, total: 22, filtered: false }, from, to)).toMatch(/^No incident in view between January 2017 and September 2025: use “Earlier” or “Later”/);
  });

  it('gives days for a view of a few weeks', () => {
    expect(viewStatus({ inView: 1, matching: 22, total: 22, filtered: false }, new Date(Date.UTC(2024, 5, 3)), new Date(Date.UTC(2024, 5, 17)))).toBe('Showing 1 of 22 incidents, 3 June 2024 to 17 June 2024.');
  });

  it('on the narrow list, says how many are listed and the years they start in', () => {
    expect(listStatus(22, 22, [2016, 2025])).toBe('Showing all 22 incidents, 2016 to 2025.');
    expect(listStatus(1, 22, [2024, 2024])).toBe('Showing 1 of 22 incidents, in 2024.');
    expect(listStatus(0, 22, undefined)).toBe('No incident matches these filters (22 incidents in all).');
  });
});

describe('the open end of a bar', () => {
  it('is dashes along the centre line ending in an arrowhead, as long as asked', () => {
    const path = tailPath(10, 18, 26);
    expect(path.startsWith('M11 18')).toBe(true);
    // Follow the pen (relative moves after the first): the furthest it reaches is the arrowhead's tip.
    let x = 11;
    let furthest = x;
    for (const [, command, dx] of path.slice('M11 18'.length).matchAll(/([hml])(-?[\d.]+)/g)) {
      x += Number(dx);
      if (command !== 'm') furthest = Math.max(furthest, x);
    }
    expect(furthest - 10).toBeGreaterThan(20);
    expect(furthest - 10).toBeLessThanOrEqual(26);
  });
});

describe('timeline blocks keep their height before they are drawn', () => {
  const items: TimelineItem[] = Array.from({ length: 40 }, (_, i) => ({
    id: `i${i}`,
    title: `Incident ${i}`,
    started: date('2020-03-01'),
    resolved: date('2020-06-01'),
    attackTypes: [{ id: 'ransomware', name: 'Ransomware' }],
    actors: [],
    vendors: [],
  }));

  it('splits a band into full blocks and a shorter last one, each as tall as its rows', () => {
    const layout = layoutTimeline(items);
    const [band] = layout.groups;
    expect(band!.chunks.map((c) => c.rows)).toEqual([16, 16, 8]);
    for (const chunk of band!.chunks) expect(chunk.height).toBe(chunkHeight(chunk.rows));
  });

  it('the page’s CSS switches renderings at the width the view and the script use', () => {
    const source = readFileSync(new URL('../../src/components/timeline/IncidentTimeline.astro', import.meta.url), 'utf8');
    const query = wideQuery.replace(/[()]/g, '\\$&');
    expect(source).toMatch(new RegExp(`@media screen and ${query}\\s*\\{[^}]*\\.tl-narrow-only`));
    expect(source).toMatch(new RegExp(`@media print, not all and ${query}\\s*\\{[^}]*\\.tl-wide-only`));
  });

  it('the page’s CSS gives a full block the same ratio as its SVG (so skipping it while out of sight moves nothing)', () => {
    const source = readFileSync(new URL('../../src/components/timeline/IncidentTimeline.astro', import.meta.url), 'utf8');
    const rule = /\.tl-chunk\[data-full\]\s*\{[^}]*aspect-ratio:\s*([\d.]+)\s*\/\s*([\d.]+)/.exec(source);
    expect(rule, 'no aspect-ratio rule for .tl-chunk[data-full] in IncidentTimeline.astro').not.toBeNull();
    const layout = layoutTimeline(items);
    expect([Number(rule![1]), Number(rule![2])]).toEqual([layout.width, chunkHeight(timelineMetrics.rowsPerChunk)]);
  });
});
