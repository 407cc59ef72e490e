/**
 * The overview's view, read as a reader reads the page: enough charts, each saying what to take
 * from it in a sentence made from the data; every bar counting what the list it links to holds;
 * unknown figures said to be unknown, never drawn as zero.
 */
import { describe, expect, it } from 'vitest';
import { browsePaths } from '../../src/lib/browse.ts';
import { buildKnowledgeBase } from '../../src/lib/model.ts';
import type { ViewContext } from '../../src/lib/views/common.ts';
import { homeCharts, labelledUpTo, overviewPage, type ChartView } from '../../src/lib/views/overview.ts';
import { collectionsFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';
import { correctionSettingsFrom } from '../../src/lib/site.ts';

const input = collectionsFrom(`${root}/content`);
const kb = buildKnowledgeBase(input);
const ctx: ViewContext = { kb, site: { site: 'https://kb.example.org', base: '/' }, corrections: correctionSettingsFrom({}) };
const view = overviewPage(ctx);
const chart = (id: string) => view.charts.find((c) => c.frame.id === id)!;
const bars = (c: ChartView) => (c.kind === 'ranked-bars' ? c.bars : []);

/** The incidents behind a link of the overview: an entity's, a browse value's, or one incident. */
function listAt(path: string): number | undefined {
  const [, kind, id] = /^\/([a-z-]+)\/([^/]+)\/$/.exec(path) ?? [];
  if (kind === 'actors') return kb.actors.get(id!)!.incidents.length;
  if (kind === 'attack-types') return kb.attackTypes.get(id!)!.incidents.length;
  const browse = /^\/browse\/([a-z-]+)\/([^/]+)\/$/.exec(path);
  if (browse) return kb.browse.find((f) => f.key === browse[1])!.values.find((v) => v.slug === browse[2])!.incidents.length;
  return undefined;
}

describe('the overview', () => {
  it('has at least six charts, each titled, with a one-sentence takeaway and a unique id', () => {
    expect(view.charts.length).toBeGreaterThanOrEqual(6);
    expect(new Set(view.charts.map((c) => c.frame.id)).size).toBe(view.charts.length);
    for (const c of view.charts) {
      expect(c.frame.title, c.frame.id).toMatch(/^[A-Z]/);
      expect(c.frame.takeaway, c.frame.id).toMatch(/^[A-Z0-9"][^.]*(\.[^ .][^.]*)*\.$/);
    }
    expect(view.contents.map((l) => l.path)).toEqual(view.charts.map((c) => `#${c.frame.id}`));
  });

  it('counts per year the way search does: an incident once under each of its attack types, and once in the first row', () => {
    const perYear = chart('chart-per-year');
    if (perYear.kind !== 'small-multiples') throw new Error('per-year chart is not small multiples');
    expect(perYear.data.counting).toBe('each');
    for (const category of perYear.data.categories) {
      const counted = perYear.data.periods.reduce((s, p) => s + (p.values.find((v) => v.category === category.key)?.value ?? 0), 0);
      expect(counted, category.label).toBe(kb.attackTypes.get(category.key)!.incidents.length);
    }
    expect(perYear.data.periods.reduce((s, p) => s + p.items!, 0)).toBe(kb.incidents.length);
    const y2024 = perYear.data.periods.find((p) => p.key === '2024')!;
    expect(y2024.href).toBe(browsePaths.value('year', '2024'));
    expect(y2024.values.find((v) => v.value > 0)!.href).toMatch(/^\/search\/\?attack-type=[^&]+&year=2024$/);
  });

  it('links every bar of attackers and ways in to a list holding exactly the incidents the bar counts', () => {
    for (const id of ['chart-attackers', 'chart-ways-in']) {
      const c = chart(id);
      expect(bars(c).length, id).toBeGreaterThan(0);
      for (const bar of bars(c)) expect(listAt(bar.href!), `${id}: ${bar.label} → ${bar.href}`).toBe(bar.value);
    }
    const suppliers = bars(chart('chart-suppliers'));
    for (const bar of suppliers) expect(kb.vendors.get(bar.href!.split('/')[2]!)!.asSupplier.length).toBe(bar.value);
  });

  it('says how many incidents have no figure instead of drawing them as zero', () => {
    const restore = chart('chart-restore');
    const withFigure = kb.incidents.filter((i) => i.data.impactSummary.daysToRestore);
    const drawn = restore.kind === 'distribution' ? restore.items : bars(restore);
    expect(drawn).toHaveLength(withFigure.length);
    const missing = kb.incidents.length - withFigure.length;
    expect(restore.frame.takeaway).toContain(`${missing} have no published figure`);
    // A handful of figures are labelled bars, one per incident, linked to it.
    if (withFigure.length <= labelledUpTo) expect(bars(restore).map((b) => b.href).sort()).toEqual(withFigure.map((i) => `/incidents/${i.id}/`).sort());
    const postponed = bars(chart('chart-postponed'));
    for (const bar of postponed) {
      const summary = kb.incidents.find((i) => `/incidents/${i.id}/` === bar.href)!.data.impactSummary;
      expect(bar.parts).toEqual([summary.appointmentsPostponed?.value ?? null, summary.proceduresPostponed?.value ?? null]);
    }
  });

  it('writes takeaways from the data: the busiest year, how often the way in is unknown, the largest figure', () => {
    const perYear = new Map<number, number>();
    for (const i of kb.incidents) perYear.set(i.year, (perYear.get(i.year) ?? 0) + 1);
    const most = Math.max(...perYear.values());
    const busiest = [...perYear].filter(([, n]) => n === most).map(([y]) => y);
    if (busiest.length === 1) expect(chart('chart-per-year').frame.takeaway.startsWith(`${busiest[0]} had the most incidents on record: ${most} of ${kb.incidents.length};`)).toBe(true);
    const unknown = kb.incidents.filter((i) => i.facets['way-in'].includes('Not published')).length;
    expect(chart('chart-ways-in').frame.takeaway).toContain(`not published for ${unknown} of the ${kb.incidents.length} incidents`);
    const exposed = kb.incidents.filter((i) => i.data.impactSummary.peopleDataExposed).sort((a, b) => b.data.impactSummary.peopleDataExposed!.value - a.data.impactSummary.peopleDataExposed!.value);
    if (exposed.length) expect(chart('chart-data-exposed').frame.takeaway).toContain(`"${exposed[0]!.data.title}": `);
    const postponed = bars(chart('chart-postponed'));
    if (postponed.length) {
      const top = [...postponed].sort((a, b) => b.value - a.value)[0]!;
      expect(chart('chart-postponed').frame.takeaway).toContain(`the most in "${top.label}" (${top.qualifier ?? ''}${top.value.toLocaleString('en-GB')})`);
    }
  });

  it('shows three of its charts, small and without the notes, on the home page', () => {
    const home = homeCharts(kb);
    expect(home.charts).toHaveLength(3);
    for (const c of home.charts) {
      expect(c.frame.headingLevel).toBe(3);
      expect(c.frame.notes).toBeUndefined();
    }
    expect(home.overview.path).toBe('/overview/');
  });

  it('says there is nothing to chart when nothing is recorded', () => {
    const empty = overviewPage({ ...ctx, kb: buildKnowledgeBase({ ...input, incidents: [] }) });
    expect(empty.charts).toEqual([]);
    expect(empty.lead).toBe('No incidents are recorded yet.');
  });
});
