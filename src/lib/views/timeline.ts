/**
 * /timeline/: every incident on one time axis, laid out at build time (src/lib/timeline/) twice: a
 * wide chart (bands by attack type, zoomable) and a narrow list (year by year down the page), with
 * everything the SVG, the HTML and the zoom script's data attributes need already worked out. The
 * page shows one or the other by width (`wideQuery`).
 */
import { bandsOf, layoutTimeline, labelBaselines, timelineItemFromIncident, timelineMetrics as m } from '../timeline/incidents-layout.ts';
import { layoutNarrow, narrowBar } from '../timeline/narrow-layout.ts';
import { filterChoices, filterKeys, type FilterKey, type FilterOption } from '../timeline/filters.ts';
import { glyphNames, glyphPath } from '../timeline/glyphs.ts';
import { careImpactName, careImpactUnknown, careImpactWhat, figuresKnown, impactSizes } from '../timeline/impact.ts';
import { barPath, gridPath, listStatus, tailPath, viewStatus } from '../timeline/marks-svg.ts';
import { axisFontSize } from '../timeline/ticks.ts';
import { keepInside } from '../charts/axes.ts';
import { agree, countOf, listOf } from '../wording.ts';
import { paths } from '../urls.ts';
import { pageFrame, type PageFrame, type ViewContext } from './common.ts';

/**
 * Widths at which the page shows the wide chart; below it, the narrow list. The component's CSS
 * states the same query (a unit test holds them together) and the script reads it from the page.
 */
export const wideQuery = '(min-width: 60em)';

export interface TimelineMarkView {
  /** Site path of the incident page. */
  path: string;
  /** "translate(x,y)": an SVG link is placed by its own transform, with no wrapping group. */
  transform: string;
  accessibleName: string;
  row: number;
  /** The full title, only when the label had to be shortened. */
  title?: string | undefined;
  /** Space-separated ids the filters match, absent when there are none. */
  types?: string | undefined;
  actors?: string | undefined;
  vendors?: string | undefined;
  /** Bar paths: dates known to the day, and known only to the month or year (or approximately). */
  known: string;
  uncertain: string;
  glyph: string;
  /** No impact figure was published: the mark is drawn hollow. */
  glyphUnknown: boolean;
  /**
   * "translate(L,0)", L the bar's length, when it has one: the group at the bar's end, which holds
   * the open end and a label that runs right, and which the script moves as the bar grows. Every
   * bar with a length has the group, empty or not: the script reads the length from it, and a bar
   * without it would not stretch when the chart zooms.
   */
  endTransform?: string | undefined;
  /** The open end of a bar whose end is not recorded. */
  tail?: string | undefined;
  /** The label's lines (a space ends each line but the last, so the link's text reads as the title). */
  lines: { y: number; text: string }[];
  labelX: number;
  labelRunsLeft: boolean;
}

export interface NarrowEntryView {
  path: string;
  title: string;
  /** "3 Jun 2024 to 2024 · up to 211 days". */
  when: string;
  impact: string;
  /** "Ransomware, Data breach". */
  types: string;
  /** "Attacker: Qilin. Supplier or product: Synnovis.", absent when it names neither. */
  people?: string | undefined;
  styleClass: string;
  glyph: string;
  glyphBox: number;
  glyphUnknown: boolean;
  known: string;
  uncertain: string;
  tail?: string | undefined;
  filterIds: { types?: string | undefined; actors?: string | undefined; vendors?: string | undefined };
}

export type NarrowSectionView =
  | { kind: 'year'; year: number; headingId: string; count: number; countText: string; entries: NarrowEntryView[] }
  | { kind: 'gap'; text: string };

export interface TimelinePageView {
  page: PageFrame;
  wideQuery: string;
  /** "22 incidents". */
  count: string;
  years: [number, number];
  /** Incidents, each counted once. */
  total: number;
  /** Domain (ms since the epoch) and plot edges, for the zoom script. */
  domain: [number, number];
  plot: { left: number; right: number };
  width: number;
  /**
   * The farthest (SVG units, at any zoom) a mark's glyph, open end and label reach beyond its bar:
   * the script leaves a mark that is, and stays, wholly outside the chart where it is.
   */
  markReach: number;
  filters: { key: FilterKey; label: string; allLabel: string; options: (FilterOption & { label: string })[] }[];
  /** The status lines for the full view (wide chart) and the whole list (narrow), in place before the script runs. */
  status: { wide: string; narrow: string };
  legend: {
    types: { styleClass: string; glyph: string; name: string }[];
    impact: { title: string; name: string; sizes: { glyph: string; box: number; label: string }[]; unknown: { glyph: string; box: number; label: string }; note: string };
    /** The open end, as drawn on the bars, for the key. */
    tail: string;
  };
  /** How the bands count an incident of several attack types. */
  bandNote: string;
  axis: { height: number; ticks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[] };
  bands: {
    styleClass: string;
    headingId: string;
    glyph: string;
    name: string;
    count: number;
    countText: string;
    /** Blocks of rows, each one SVG; a full block may be skipped by the browser while out of sight. */
    chunks: { full: boolean; height: number; grid: string; marks: TimelineMarkView[] }[];
  }[];
  narrow: {
    yearLinks: { year: number; href: string }[];
    sections: NarrowSectionView[];
    bar: { width: number; height: number };
    /** What a full-width bar stands for, in words. */
    fullWidth: string;
  };
}

const filterLabels: Record<FilterKey, { label: string; allLabel: string }> = {
  'attack-type': { label: 'Attack type', allLabel: 'All attack types' },
  attacker: { label: 'Attacker', allLabel: 'All attackers' },
  vendor: { label: 'Supplier or product', allLabel: 'All suppliers and products' },
};

/** Space-separated ids, or nothing at all (no empty attribute) when there are none. */
const ids = (list: readonly { id: string }[]) => (list.length ? list.map((x) => x.id).join(' ') : undefined);

/** Style slots (colour and shape) the page's CSS defines: one per glyph. */
const styleClass = (index: number) => `tl-s${index % glyphNames.length}`;

/** A glyph drawn in its own square SVG of side `box`, centred. */
const boxFor = (size: number) => Math.ceil(size + 2);

export function timelinePage(ctx: ViewContext): TimelinePageView {
  const items = ctx.kb.incidents.map(timelineItemFromIncident);
  const layout = layoutTimeline(items);
  const choices = filterChoices(items);
  const { plot, groups, ticks, domain, impact } = layout;
  const bands = bandsOf(items);
  const styleOf = new Map(bands.map((band, index) => [band.id, index]));
  const narrow = layoutNarrow(items, layout.spans, impact, (id) => styleOf.get(id) ?? 0);
  const tickXs = ticks.map((tick) => tick.x);
  const total = layout.incidents;

  // How many incidents each filter value would show, counted as the bands count them.
  const counts = (key: FilterKey, id: string) =>
    items.filter((item) => (key === 'attack-type' ? item.attackTypes : key === 'attacker' ? item.actors : item.vendors).some((x) => x.id === id)).length;

  const circle = (size: number) => glyphPath('circle', size);
  return {
    page: pageFrame(ctx.site, {
      path: paths.timeline(),
      title: 'Timeline of incidents',
      description: 'Every incident in the knowledge base on one time axis, from first access to recovery, grouped by attack type, with the care postponed.',
    }),
    wideQuery,
    count: countOf(total, 'incident'),
    years: layout.years,
    total,
    domain: [domain[0].getTime(), domain[1].getTime()],
    plot,
    width: layout.width,
    // Glyph, open end, gap and the widest label line, with room for a font wider than the estimate.
    markReach: Math.ceil(impactSizes.max / 2 + m.tailLength + m.labelGap + m.maxLabelWidth * 1.1),
    filters: filterKeys.map((key) => ({
      key,
      ...filterLabels[key],
      options: choices[key].map((option) => ({ ...option, label: `${option.name} (${counts(key, option.id)})` })),
    })),
    status: {
      wide: viewStatus({ inView: total, matching: total, total, filtered: false }, domain[0], domain[1]),
      narrow: listStatus(total, total, total ? layout.years : undefined),
    },
    legend: {
      types: groups.map((g) => ({ styleClass: styleClass(g.styleIndex), glyph: glyphPath(g.glyph, 13), name: g.name })),
      impact: {
        title: `Mark size: ${careImpactName}`,
        name: careImpactWhat,
        sizes: impact.legend.map((entry) => ({ glyph: circle(entry.diameter), box: boxFor(entry.diameter), label: entry.label })),
        unknown: { glyph: circle(impact.unknownDiameter), box: boxFor(impact.unknownDiameter), label: 'hollow: no figure published' },
        note: `${figuresKnown(layout.impactKnown, total)}.`,
      },
      tail: tailPath(0, 5, 26),
    },
    bandNote:
      layout.marks.length > total
        ? `A band holds every incident of its attack type, as search and the filters count them: an incident of several types is in the band of each (${countOf(layout.marks.length, 'mark')} for ${countOf(total, 'incident')}).`
        : 'A band holds every incident of its attack type, as search and the filters count them.',
    axis: { height: m.axisHeight, ticks: keepInside(ticks.map((tick) => ({ at: tick.x, label: tick.label })), layout.width, axisFontSize).map((tick) => ({ x: tick.at, label: tick.label, anchor: tick.anchor ?? 'middle' })) },
    bands: groups.map((group, groupIndex) => ({
      styleClass: styleClass(group.styleIndex),
      headingId: `tl-band-${groupIndex}`,
      glyph: glyphPath(group.glyph, 13),
      name: group.name,
      count: group.count,
      countText: `(${countOf(group.count, 'incident')})`,
      chunks: group.chunks.map((chunk) => ({
        full: chunk.rows === m.rowsPerChunk,
        height: chunk.height,
        grid: gridPath(tickXs, chunk.height),
        marks: chunk.marks.map((mark): TimelineMarkView => {
          const length = Math.round((mark.x1 - mark.x0) * 10) / 10;
          const baselines = labelBaselines(mark.lines.length);
          const runsLeft = mark.labelAnchor === 'end';
          return {
            path: mark.path,
            transform: `translate(${mark.x0},${mark.y})`,
            accessibleName: mark.accessibleName,
            row: mark.row,
            title: mark.cut ? mark.title : undefined,
            types: ids(mark.attackTypes),
            actors: ids(mark.actors),
            vendors: ids(mark.vendors),
            known: barPath(mark.segments, 'known', mark.x0, m.barTop, m.barHeight),
            uncertain: barPath(mark.segments, 'uncertain', mark.x0, m.barTop, m.barHeight),
            glyph: glyphPath(mark.glyph, mark.glyphSize, 0, m.centre),
            glyphUnknown: !mark.impactKnown,
            endTransform: length > 0 ? `translate(${length},0)` : undefined,
            tail: mark.openEnd ? tailPath(0, m.centre, m.tailLength) : undefined,
            // Lines are joined by a space, so the link's text is the title; it goes where it takes no
            // room: after a line that starts at the anchor, before one that ends there.
            lines: mark.lines.map((text, i) => ({
              y: baselines[i]!,
              text: runsLeft ? (i > 0 ? ` ${text}` : text) : i < mark.lines.length - 1 ? `${text} ` : text,
            })),
            labelX: mark.labelDx,
            labelRunsLeft: runsLeft,
          };
        }),
      })),
    })),
    narrow: {
      yearLinks: narrow.sections.flatMap((s) => (s.kind === 'year' ? [{ year: s.year, href: `#tl-y${s.year}` }] : [])),
      sections: narrow.sections.map((section): NarrowSectionView => {
        if (section.kind === 'gap') {
          const years = section.from === section.to ? `${section.from}` : section.to === section.from + 1 ? `${section.from} and ${section.to}` : `${section.from} to ${section.to}`;
          return { kind: 'gap', text: `${years}: no incident recorded.` };
        }
        return {
          kind: 'year',
          year: section.year,
          headingId: `tl-y${section.year}`,
          count: section.entries.length,
          countText: `(${countOf(section.entries.length, 'incident')})`,
          entries: section.entries.map((entry): NarrowEntryView => {
            const people = [
              ...(entry.actors.length ? [`${agree(entry.actors.length, 'Attacker')}: ${listOf(entry.actors.map((a) => a.name))}.`] : []),
              ...(entry.vendors.length ? [`${agree(entry.vendors.length, { one: 'Supplier or product', other: 'Suppliers or products' })}: ${listOf(entry.vendors.map((v) => v.name))}.`] : []),
            ];
            const box = boxFor(entry.glyphSize);
            return {
              path: paths.incident(entry.id),
              title: entry.title,
              when: entry.span.short,
              impact: entry.impact?.phrase ?? careImpactUnknown,
              types: entry.attackTypes.length ? entry.attackTypes.map((t) => t.name).join(', ') : 'Attack type not recorded',
              people: people.length ? people.join(' ') : undefined,
              styleClass: styleClass(entry.styleIndex),
              glyph: glyphPath(entry.glyph, entry.glyphSize, box / 2, box / 2),
              glyphBox: box,
              glyphUnknown: entry.impact === undefined,
              known: barPath(entry.segments, 'known', 0, narrowBar.barTop, narrowBar.barHeight),
              uncertain: barPath(entry.segments, 'uncertain', 0, narrowBar.barTop, narrowBar.barHeight),
              tail: entry.tailFrom !== undefined ? tailPath(entry.tailFrom, narrowBar.barTop + narrowBar.barHeight / 2, narrowBar.tailLength) : undefined,
              filterIds: { types: ids(entry.attackTypes), actors: ids(entry.actors), vendors: ids(entry.vendors) },
            };
          }),
        };
      }),
      bar: { width: narrowBar.width, height: narrowBar.height },
      fullWidth: narrow.fullWidth,
    },
  };
}
