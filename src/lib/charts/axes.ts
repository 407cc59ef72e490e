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
 * is aligned to its tick from the inside instead (the first and last ticks, usually).
 */
export function keepInside(ticks: readonly AxisTick[], width: number, fontSize: number): AxisTick[] {
  return ticks.map((tick) => {
    const half = textWidth(tick.label, fontSize) / 2;
    if (tick.at - half < 0) return { ...tick, anchor: 'start' as const };
    if (tick.at + half > width) return { ...tick, anchor: 'end' as const };
    return tick;
  });
}
