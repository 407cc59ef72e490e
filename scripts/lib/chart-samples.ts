/**
 * Props for each chart component, from the real content (read straight from the Markdown front
 * matter, no site build needed) or synthetic at any size (the same seed gives the same data). The
 * chart preview, the chart benchmark and the chart browser test render these.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { dayNoun, incidentNoun, type Noun } from '../../src/lib/charts/format.ts';
import type { LineSeries } from '../../src/lib/charts/line.ts';
import { countByYear, type CategorisedItem } from '../../src/lib/charts/stacked-columns.ts';
import type { PartialDate } from '../../src/schemas/dates.ts';
import { dateStart, parsePartialDate } from '../../src/lib/partial-dates.ts';

export interface ChartSample {
  component: 'RankedBarChart' | 'StackedColumnChart' | 'SmallMultiplesChart' | 'DistributionChart' | 'LineChart';
  props: Record<string, unknown>;
}

const attackerNoun: Noun = { one: 'attacker', other: 'attackers' };
const attackTypeNoun: Noun = { one: 'attack type', other: 'attack types' };

function frontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  return (yaml.load(match ? match[1]! : text) ?? {}) as Record<string, unknown>;
}

function partial(value: unknown): PartialDate {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const date = parsePartialDate(text);
  if (!date) throw new Error(`not a date: ${text}`);
  return date;
}

function names(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((f) => [f.replace(/\.(md|ya?ml)$/, ''), String(frontMatter(join(dir, f)).name)]));
}

interface IncidentLike {
  id: string;
  title: string;
  year: number;
  attackTypes: { key: string; label: string }[];
  actors: string[];
  daysToRestore?: number;
}

/** `label` makes ids unique and `suffix` titles unique (tables and landmarks are named by titles) when sets share a page. */
function charts(incidents: readonly IncidentLike[], actorNames: Map<string, string>, line: LineSeries[], label: string, suffix = ''): ChartSample[] {
  const byActor = new Map<string, number>();
  for (const incident of incidents) for (const actor of incident.actors) byActor.set(actor, (byActor.get(actor) ?? 0) + 1);
  const restored = incidents.filter((i) => i.daysToRestore !== undefined);
  const items: CategorisedItem[] = incidents.map((i) => ({ year: i.year, categories: i.attackTypes }));
  return [
    {
      component: 'StackedColumnChart',
      props: {
        id: `${label}-per-year`,
        title: `Incidents per year, by main attack type${suffix}`,
        headingLevel: 2,
        takeaway: 'Most incidents on record happened in 2024.',
        data: countByYear(items, { href: (year, type) => `/incidents/?year=${year}${type ? `&type=${type}` : ''}` }),
        unit: incidentNoun,
        category: attackTypeNoun,
      },
    },
    {
      component: 'SmallMultiplesChart',
      props: {
        id: `${label}-per-year-each`,
        title: `Incidents per year, a row per attack type${suffix}`,
        headingLevel: 2,
        takeaway: 'Most incidents on record happened in 2024.',
        data: countByYear(items, {
          counting: 'each',
          href: (year, type) => `/search/?year=${year}${type ? `&attack-type=${type}` : ''}`,
          categoryHref: (type) => `/attack-types/${type}/`,
        }),
        unit: incidentNoun,
        category: attackTypeNoun,
        totalLabel: 'All incidents',
        totalHref: '/incidents/',
      },
    },
    {
      component: 'RankedBarChart',
      props: {
        id: `${label}-attackers`,
        title: `Attackers behind most incidents${suffix}`,
        headingLevel: 2,
        takeaway: 'No one group is behind most incidents.',
        bars: [...byActor].map(([id, value]) => ({ label: actorNames.get(id) ?? id, value, href: `/actors/${id}/` })),
        unit: incidentNoun,
        category: attackerNoun,
      },
    },
    {
      component: 'DistributionChart',
      props: {
        id: `${label}-restore`,
        title: `How long services took to come back${suffix}`,
        headingLevel: 2,
        takeaway: 'Most services came back within a month; some took most of a year.',
        items: restored.map((i) => ({ label: i.title, value: i.daysToRestore!, href: `/incidents/${i.id}/` })),
        unit: dayNoun,
        item: incidentNoun,
        axisLabel: 'Days from the start of the attack until core services were restored',
        missing: incidents.length - restored.length,
        binHref: (from: number, to: number) => `/incidents/?restore=${from}-${to}`,
      },
    },
    {
      component: 'LineChart',
      props: {
        id: `${label}-postponed`,
        title: `Appointments and procedures postponed after the Synnovis attack${suffix}`,
        headingLevel: 2,
        takeaway: 'Postponed appointments rose every week for 10 weeks, to more than 10,000.',
        series: line,
        valueLabel: 'Postponed, running total',
      },
    },
  ];
}

/** The charts over the real content in `root`/content. */
export function realSamples(root: string): ChartSample[] {
  const content = join(root, 'content');
  const actorNames = names(join(content, 'actors'));
  const typeNames = names(join(content, 'attack-types'));
  const dayMs = 86_400_000;
  const incidents = readdirSync(join(content, 'incidents')).map((file): IncidentLike => {
    const data = frontMatter(join(content, 'incidents', file)) as {
      title: string;
      dates: { started: { date: unknown }; resolved?: { date: unknown } };
      attackTypes: string[];
      actors?: { id: string }[];
    };
    const started = partial(data.dates.started.date);
    const resolved = data.dates.resolved ? partial(data.dates.resolved.date) : undefined;
    const days = resolved && resolved.precision === 'day' && started.precision === 'day' ? Math.round((dateStart(resolved).getTime() - dateStart(started).getTime()) / dayMs) : undefined;
    return {
      id: file.replace(/\.md$/, ''),
      title: data.title,
      year: dateStart(started).getUTCFullYear(),
      attackTypes: data.attackTypes.map((key) => ({ key, label: typeNames.get(key) ?? key })),
      actors: (data.actors ?? []).map((a) => a.id),
      ...(days !== undefined ? { daysToRestore: days } : {}),
    };
  });
  const synnovis = frontMatter(join(content, 'incidents', 'synnovis-pathology-2024.md')) as { impact: { unit: string; value: number; asOf: unknown; label: string }[] };
  const seriesOf = (unit: string, label: string, noun: Noun): LineSeries => ({
    key: unit,
    label,
    unit: noun,
    points: synnovis.impact.filter((f) => f.unit === unit && /cumulative|final|week 1/.test(f.label)).map((f) => ({ date: partial(f.asOf), value: f.value, href: '#sources' })),
  });
  const line = [
    seriesOf('appointments', 'Outpatient appointments', { one: 'appointment', other: 'appointments' }),
    seriesOf('procedures', 'Elective procedures', { one: 'procedure', other: 'procedures' }),
  ];
  return charts(incidents, actorNames, line, 'real');
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` fictional incidents over 30 years, 9 attack types, 300 attackers; 60 weekly figures. */
export function syntheticSamples(count: number, seed = 1): ChartSample[] {
  const next = random(seed);
  const types = ['Ransomware', 'Data theft and extortion', 'Supplier compromise', 'Phishing', 'Vulnerability exploitation', 'Credential abuse', 'Worm', 'Data breach', 'Undisclosed intrusion'];
  const actorNames = new Map(Array.from({ length: 300 }, (_, i) => [`actor-${i}`, `Synthetic group ${i + 1}`]));
  const incidents: IncidentLike[] = Array.from({ length: count }, (_, i) => {
    const typeCount = 1 + Math.floor(next() * 3);
    const picked = new Set<number>();
    // Skewed: low-numbered types and actors are more common, as real ones are.
    while (picked.size < typeCount) picked.add(Math.floor(next() ** 2 * types.length));
    const days = next() < 0.8 ? Math.round(-Math.log(1 - next()) * 30) : undefined;
    return {
      id: `synthetic-${i}`,
      title: `Synthetic incident ${i + 1}`,
      year: 1996 + Math.floor(Math.sqrt(next()) * 30),
      attackTypes: [...picked].map((t) => ({ key: `type-${t}`, label: types[t]! })),
      actors: next() < 0.7 ? [`actor-${Math.floor(next() ** 3 * 300)}`] : [],
      ...(days !== undefined ? { daysToRestore: days } : {}),
    };
  });
  let total = 0;
  const start = Date.UTC(2024, 0, 7);
  const weekly = Array.from({ length: 60 }, (_, w) => {
    total += Math.round(next() * 400);
    const day = new Date(start + w * 7 * 86_400_000).toISOString().slice(0, 10);
    return { date: parsePartialDate(day)!, value: total };
  });
  weekly.push({ date: parsePartialDate('2025')!, value: total + 1000 });
  const line: LineSeries[] = [{ key: 'weekly', label: 'Appointments postponed', unit: { one: 'appointment', other: 'appointments' }, points: weekly }];
  return charts(incidents, actorNames, line, `synthetic-${count}-${seed}`, ` (${count.toLocaleString('en-GB')} synthetic incidents)`);
}
