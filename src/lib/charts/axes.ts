/**
 * Value axes for counts: ticks at round numbers that cover the data from zero, whole numbers only
 * (half an incident means nothing), labelled in full unless the room is too narrow ("10k").
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { axisNumberFormat } from './format.ts';
import { r2, type AxisTick } from './model.ts';
import { textWidth } from './text.ts';

export interface CountAxis {
  scale: ScaleLinear<number, number>;
  ticks: AxisTick[];
  /** Room the tick labels need beside the axis. */
  labelWidth: number;
}

/**
 * A count axis from 0 to at least `max` over `[bottom, top]` (pixels), with about one tick per
 * `spacing` pixels. The last tick is at or above the largest value, so the ticks cover the data.
 * A `prefix` ("£") is written before every label.
 */
export function countAxis(max: number, range: [number, number], options: { spacing?: number; fontSize: number; room?: number; integer?: boolean; prefix?: string }): CountAxis {
  const length = Math.abs(range[1] - range[0]);
  const count = Math.max(2, Math.floor(length / (options.spacing ?? 40)));
  const scale = scaleLinear().domain([0, max > 0 ? max : 1]).range(range).nice(count);
  let values = scale.ticks(count);
  if (options.integer !== false) values = values.filter((v) => Number.isInteger(v));
  // A nice domain ends on a tick; keep that end tick even if ticks() thinned it away.
  const end = scale.domain()[1]!;
  if (values.at(-1) !== end && (options.integer === false || Number.isInteger(end))) values.push(end);
  const measure = (text: string) => textWidth(text, options.fontSize);
  const prefix = options.prefix ?? '';
  const format = axisNumberFormat(values, options.room ?? Infinity, (text) => measure(`${prefix}${text}`));
  const ticks = values.map((v) => ({ at: r2(scale(v)), label: `${prefix}${format(v)}` }));
  return { scale, ticks, labelWidth: Math.max(0, ...ticks.map((t) => measure(t.label))) };
}

/**
 * Labels of a horizontal axis kept inside [0, width]: a centred label that would run past an edge
 * is aligned to its tick from the inside instead (the first and last ticks, usually). The ticks were
 * spaced for centred labels, so a neighbour that such a label would then run into is left out: the
 * edge label stays, as the first often carries the year ("10 Jul 2022").
 */
export function keepInside<T extends AxisTick>(ticks: readonly T[], width: number, fontSize: number): (T & Pick<AxisTick, 'anchor'>)[] {
  const placed = ticks.map((tick): T & Pick<AxisTick, 'anchor'> => {
    const half = textWidth(tick.label, fontSize) / 2;
    if (tick.at - half < 0) return { ...tick, anchor: 'start' as const };
    if (tick.at + half > width) return { ...tick, anchor: 'end' as const };
    return tick;
  });
  const extent = (tick: T & Pick<AxisTick, 'anchor'>): [number, number] => {
    const w = textWidth(tick.label, fontSize);
    const left = tick.anchor === 'start' ? tick.at : tick.anchor === 'end' ? tick.at - w : tick.at - w / 2;
    return [left, left + w];
  };
  const gap = 8;
  const crowded = new Set<number>();
  placed.forEach((tick, i) => {
    if (!tick.anchor) return;
    const j = tick.anchor === 'start' ? i + 1 : i - 1;
    const neighbour = placed[j];
    if (!neighbour) return;
    const [left, right] = extent(tick);
    const [nLeft, nRight] = extent(neighbour);
    if (tick.anchor === 'start' ? right + gap > nLeft : nRight + gap > left) crowded.add(j);
  });
  return placed.filter((_, i) => !crowded.has(i));
}
