/**
 * Hatching that tells series apart without colour, drawn as plain lines clipped to each mark's
 * rectangle. Not SVG <pattern>s: Chromium rasterises every pattern fill when it prints to PDF (a
 * page of eight charts came to 60 MB); lines stay vectors (the same page: under 1 MB).
 * Series 0 is plain; the others carry lines or dots in the page colour over the series colour.
 */
import { r2 } from './model.ts';

export const hatchKinds = ['none', 'diagonal', 'horizontal', 'back-diagonal', 'vertical', 'cross', 'grid', 'dots'] as const;
export type HatchKind = (typeof hatchKinds)[number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const step = 6;

/** Lines x + y = c ("/" on screen) through the box, at every multiple of `step` (so neighbours line up). */
function diagonal(box: Box): string {
  const x1 = box.x + box.width;
  const y1 = box.y + box.height;
  let d = '';
  for (let c = Math.ceil((box.x + box.y) / step) * step; c <= x1 + y1; c += step) {
    const xs = Math.max(box.x, c - y1);
    const xe = Math.min(x1, c - box.y);
    if (xe - xs < 0.5) continue;
    const run = r2(xe - xs);
    d += `M${r2(xs)},${r2(c - xs)}l${run},${-run}`;
  }
  return d;
}

/** Lines x − y = c ("\" on screen). */
function backDiagonal(box: Box): string {
  const x1 = box.x + box.width;
  const y1 = box.y + box.height;
  let d = '';
  for (let c = Math.ceil((box.x - y1) / step) * step; c <= x1 - box.y; c += step) {
    const xs = Math.max(box.x, c + box.y);
    const xe = Math.min(x1, c + y1);
    if (xe - xs < 0.5) continue;
    const run = r2(xe - xs);
    d += `M${r2(xs)},${r2(xs - c)}l${run},${run}`;
  }
  return d;
}

function horizontal(box: Box): string {
  let d = '';
  for (let y = Math.ceil((box.y + 1) / step) * step; y < box.y + box.height - 0.5; y += step) d += `M${r2(box.x)},${y}h${r2(box.width)}`;
  return d;
}

function vertical(box: Box): string {
  let d = '';
  for (let x = Math.ceil((box.x + 1) / step) * step; x < box.x + box.width - 0.5; x += step) d += `M${x},${r2(box.y)}v${r2(box.height)}`;
  return d;
}

/** Dots as zero-length strokes with round caps (charts.css), on a grid offset from the lines'. */
function dots(box: Box): string {
  let d = '';
  for (let y = Math.ceil((box.y - step / 2 + 1) / step) * step + step / 2; y < box.y + box.height - 1; y += step) {
    for (let x = Math.ceil((box.x - step / 2 + 1) / step) * step + step / 2; x < box.x + box.width - 1; x += step) d += `M${x},${y}h0`;
  }
  return d;
}

/** The hatch for series `series` inside `box`, as path data ('' for the plain series or an empty box). */
export function hatchPath(series: number, box: Box): string {
  if (box.width < 1 || box.height < 1) return '';
  switch (hatchKinds[series % hatchKinds.length]) {
    case 'diagonal':
      return diagonal(box);
    case 'horizontal':
      return horizontal(box);
    case 'back-diagonal':
      return backDiagonal(box);
    case 'vertical':
      return vertical(box);
    case 'cross':
      return diagonal(box) + backDiagonal(box);
    case 'grid':
      return horizontal(box) + vertical(box);
    case 'dots':
      return dots(box);
    default:
      return '';
  }
}

/** Whether a series' hatch is made of dots (drawn with round caps) rather than lines. */
export function hatchIsDots(series: number): boolean {
  return hatchKinds[series % hatchKinds.length] === 'dots';
}
