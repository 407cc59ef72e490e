/**
 * /timeline/: every incident on one time axis, laid out at build time (src/lib/timeline/), with
 * everything the SVG and the zoom script's data attributes need already worked out.
 */
import { layoutTimeline, timelineItemFromIncident, timelineMetrics as m } from '../timeline/incidents-layout.ts';
import { filterChoices, filterKeys, type FilterKey, type FilterOption } from '../timeline/filters.ts';
import { glyphPath } from '../timeline/glyphs.ts';
import { barPath, gridPath, viewStatus } from '../timeline/marks-svg.ts';
import { countIncidents } from '../display.ts';
import { paths } from '../urls.ts';
import { pageFrame, type PageFrame, type ViewContext } from './common.ts';

export interface TimelineMarkView {
  /** Site path of the incident page. */
  path: string;
  /** "translate(x,y)": an SVG link is placed by its own transform, with no wrapping group. */
  transform: string;
  accessibleName: string;
  row: number;
  /** x of the bar's end, when the label runs left from it. */
  labelEnd?: number | undefined;
  /** The full title, only when the label had to be shortened. */
  title?: string | undefined;
  /** Space-separated ids the filters match, absent when there are none. */
  types?: string | undefined;
  actors?: string | undefined;
  vendors?: string | undefined;
  /** Bar paths: dates known to the day, and known only to the month or year. */
  known: string;
  uncertain: string;
  glyph: string;
  label: string;
  labelDx: number;
  labelRunsLeft: boolean;
}

export interface TimelinePageView {
  page: PageFrame;
  /** "10 incidents". */
  count: string;
  years: [number, number];
  total: number;
  /** Domain (ms since the epoch) and plot edges, for the zoom script. */
  domain: [number, number];
  plot: { left: number; right: number };
  width: number;
  filters: { key: FilterKey; label: string; allLabel: string; options: FilterOption[] }[];
  /** The status line for the full view, in place before the script rewrites it. */
  status: string;
  legend: { styleClass: string; glyph: string; name: string }[];
  axis: { height: number; ticks: { x: number; label: string }[] };
  labelBaseline: number;
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
}

const filterLabels: Record<FilterKey, { label: string; allLabel: string }> = {
  'attack-type': { label: 'Attack type', allLabel: 'All attack types' },
  attacker: { label: 'Attacker', allLabel: 'All attackers' },
  vendor: { label: 'Supplier or product', allLabel: 'All suppliers and products' },
};

/** Space-separated ids, or nothing at all (no empty attribute) when there are none. */
const ids = (list: readonly { id: string }[]) => (list.length ? list.map((x) => x.id).join(' ') : undefined);

export function timelinePage(ctx: ViewContext): TimelinePageView {
  const items = ctx.kb.incidents.map(timelineItemFromIncident);
  const layout = layoutTimeline(items);
  const choices = filterChoices(items);
  const { plot, marks, groups, ticks, domain } = layout;
  const tickXs = ticks.map((tick) => tick.x);
  return {
    page: pageFrame(ctx.site, {
      path: paths.timeline(),
      title: 'Timeline of incidents',
      description: 'Every incident in the knowledge base on one time axis, grouped by attack type, from first access to recovery.',
    }),
    count: countIncidents(marks.length),
    years: layout.years,
    total: marks.length,
    domain: [domain[0].getTime(), domain[1].getTime()],
    plot,
    width: layout.width,
    filters: filterKeys.map((key) => ({ key, ...filterLabels[key], options: choices[key] })),
    status: viewStatus(marks.length, marks.length, domain[0], domain[1]),
    legend: groups.map((g) => ({ styleClass: `tl-s${g.styleIndex % 8}`, glyph: glyphPath(g.glyph, m.glyphSize), name: g.name })),
    axis: { height: m.axisHeight, ticks: ticks.map((tick) => ({ x: tick.x, label: tick.label })) },
    labelBaseline: m.labelBaseline,
    bands: groups.map((group, groupIndex) => {
      const markGlyph = glyphPath(group.glyph, m.glyphSize, 0, m.glyphY);
      return {
        styleClass: `tl-s${group.styleIndex % 8}`,
        headingId: `tl-band-${groupIndex}`,
        glyph: glyphPath(group.glyph, m.glyphSize),
        name: group.name,
        count: group.count,
        countText: `(${countIncidents(group.count)})`,
        chunks: group.chunks.map((chunk) => ({
          full: chunk.rows === m.rowsPerChunk,
          height: chunk.height,
          grid: gridPath(tickXs, chunk.height),
          marks: chunk.marks.map((mark) => ({
            path: mark.path,
            transform: `translate(${mark.x0},${mark.y})`,
            accessibleName: mark.accessibleName,
            row: mark.row,
            labelEnd: mark.labelAnchor === 'end' ? mark.x1 : undefined,
            title: mark.label === mark.title ? undefined : mark.title,
            types: ids(mark.attackTypes),
            actors: ids(mark.actors),
            vendors: ids(mark.vendors),
            known: barPath(mark.segments, 'known', mark.x0, m.barTop, m.barHeight),
            uncertain: barPath(mark.segments, 'uncertain', mark.x0, m.barTop, m.barHeight),
            glyph: markGlyph,
            label: mark.label,
            labelDx: mark.labelDx,
            labelRunsLeft: mark.labelAnchor === 'end',
          })),
        })),
      };
    }),
  };
}
