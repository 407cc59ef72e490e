/**
 * The timeline for narrow screens (and print): every incident once, year by year down the page,
 * each with its whole title, its dates, a bar as long as it lasted (one scale for all), its impact
 * mark and its attack types in words. Nothing scrolls sideways; the page scrolls down.
 */
import { formatDayRange } from '../dates-format.ts';
import { dayMs } from '../partial-dates.ts';
import { glyphFor, type GlyphName } from './glyphs.ts';
import type { CareImpact, ImpactScale } from './impact.ts';
import type { BarSegment, ItemSpan, Named, TimelineItem } from './incidents-layout.ts';

export interface NarrowEntry {
  id: string;
  title: string;
  span: ItemSpan;
  /** Style slot and shape of its first attack type (as in the wide chart's bands). */
  styleIndex: number;
  glyph: GlyphName;
  glyphSize: number;
  impact?: CareImpact | undefined;
  /** Its bar, in the bar's own units (0 to `narrowBar.width`), from the start of the incident. */
  segments: BarSegment[];
  /** Where the open end starts, when the end is not recorded. */
  tailFrom?: number | undefined;
  attackTypes: Named[];
  actors: Named[];
  vendors: Named[];
}

export type NarrowSection =
  | { kind: 'year'; year: number; entries: NarrowEntry[] }
  /** Years in which no incident started: "2018 and 2019", kept so the axis stays true to time. */
  | { kind: 'gap'; from: number; to: number };

export interface NarrowLayout {
  sections: NarrowSection[];
  /** The longest bar, in words: what the full width of a bar stands for. */
  fullWidth: string;
}

export const narrowBar = { width: 300, height: 12, barTop: 2, barHeight: 8, tailLength: 24 } as const;

/**
 * Lays the incidents out year by year, by start. `styleOf` gives each attack type its slot in the
 * wide chart's order, so an incident has the same colour and shape in both layouts.
 */
export function layoutNarrow(
  items: readonly TimelineItem[],
  spans: readonly ItemSpan[],
  impact: ImpactScale,
  styleOf: (typeId: string) => number,
): NarrowLayout {
  // One scale for every bar: the longest incident fills the bar, less the room an open end needs.
  const longest = Math.max(30 * dayMs, ...spans.map((s) => s.end - s.start));
  const room = narrowBar.width - narrowBar.tailLength;
  const x = (ms: number) => Math.round((Math.max(0, ms) / longest) * room * 10) / 10;

  const entries = items
    .map((item, index) => {
      const span = spans[index]!;
      const styleIndex = styleOf(item.attackTypes[0]?.id ?? '');
      const segments = span.segments.map((s) => ({ from: x(s.from - span.start), to: x(s.to - span.start), certainty: s.certainty }));
      return {
        id: item.id,
        title: item.title,
        span,
        styleIndex,
        glyph: glyphFor(styleIndex),
        glyphSize: impact.diameter(item.impact?.value),
        impact: item.impact,
        segments,
        tailFrom: span.openEnd ? x(span.end - span.start) : undefined,
        attackTypes: item.attackTypes,
        actors: item.actors,
        vendors: item.vendors,
      } satisfies NarrowEntry;
    })
    .sort((a, b) => a.span.start - b.span.start || a.id.localeCompare(b.id));

  const byYear = Map.groupBy(entries, (entry) => new Date(entry.span.start).getUTCFullYear());
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const sections: NarrowSection[] = [];
  for (const [index, year] of years.entries()) {
    const previous = years[index - 1];
    if (previous !== undefined && year - previous > 1) sections.push({ kind: 'gap', from: previous + 1, to: year - 1 });
    sections.push({ kind: 'year', year, entries: byYear.get(year)! });
  }
  const days = Math.round(longest / dayMs);
  return { sections, fullWidth: formatDayRange(days, days) };
}
