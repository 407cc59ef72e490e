/**
 * An incident's facts as trainers use them: key-fact rows (one builder for the case study's key
 * facts and each compare column) and the handout's cut of them; the time to recovery comes from
 * ../recovery.ts, as on every page.
 */
import type { Incident } from '../../schemas/incident.ts';
import {
  attributionLabels,
  certaintyLabels,
  dataSubjectLabels,
  organisationRoleLabels,
  vendorRoleLabels,
  type Certainty,
} from '../../schemas/vocabularies.ts';
import type { ResolvedIncident } from '../model.ts';
import { notBefore } from '../partial-dates.ts';
import { formatPartialDate } from '../dates-format.ts';
import { recoveryOf } from '../recovery.ts';
import { formatImpactValue } from '../display.ts';
import { asOfText, formatSummaryCount } from '../impact-format.ts';
import { paths } from '../urls.ts';
import { controlBasisTags, controlEffectTags } from './session.ts';

// ---------------------------------------------------------------------------------------------
// Key facts

export interface FactItem {
  text: string;
  href?: string | undefined;
  /** Qualifier shown after the text, e.g. "claimed by the attacker". */
  note?: string | undefined;
  /** Source ids behind the item (numbered by the incident's source list). */
  sources?: readonly string[] | undefined;
}

export interface FactRow {
  key: CompareRowKey;
  label: string;
  items: FactItem[];
  /** What to say when there is nothing to show. */
  empty: string;
}

export const compareRowKeys = [
  'started',
  'organisations',
  'attacker',
  'attackTypes',
  'initialAccess',
  'vulnerabilities',
  'supplier',
  'services',
  'data',
  'impact',
  'recovery',
  'controls',
] as const;
export type CompareRowKey = (typeof compareRowKeys)[number];

export const rowLabels: Record<CompareRowKey, string> = {
  started: 'Began',
  organisations: 'Organisations affected',
  attacker: 'Attacker',
  attackTypes: 'Attack type',
  initialAccess: 'How they got in',
  vulnerabilities: 'Vulnerabilities exploited',
  supplier: 'Supplier or product involved',
  services: 'Services disrupted',
  data: 'Data exposed',
  impact: 'Impact figures',
  recovery: 'Time to recovery',
  controls: 'Controls that would have helped',
};

/** A certainty worth saying out loud: "confirmed" goes without saying. */
const certaintyNote = (certainty: Certainty) => (certainty === 'confirmed' ? undefined : certaintyLabels[certainty].toLowerCase());

export function factRows(incident: ResolvedIncident): FactRow[] {
  const d = incident.data;
  const rows: Record<CompareRowKey, Omit<FactRow, 'key' | 'label'>> = {
    started: {
      items: [{ text: formatPartialDate(d.dates.started.date), sources: d.dates.started.sources, note: d.dates.started.note }],
      empty: 'Not known',
    },
    organisations: {
      items: incident.organisations.map((o) => ({
        text: o.entry.data.name,
        href: paths.organisation(o.id),
        note: [organisationRoleLabels[o.role].toLowerCase(), certaintyNote(o.certainty)].filter(Boolean).join('; '),
        sources: o.sources,
      })),
      empty: 'None recorded',
    },
    attacker: {
      items: incident.actors.map((a) => ({ text: a.entry.data.name, href: paths.actor(a.id), note: attributionLabels[a.attribution].toLowerCase(), sources: a.sources })),
      empty: d.attributionNote ?? 'Not named',
    },
    attackTypes: {
      items: incident.attackTypes.map((t) => ({ text: t.data.name, href: paths.attackType(t.id) })),
      empty: 'Not recorded',
    },
    initialAccess: {
      items: d.initialAccess ? [{ text: d.initialAccess.description, note: certaintyNote(d.initialAccess.certainty), sources: d.initialAccess.sources }] : [],
      empty: 'Not made public',
    },
    vulnerabilities: {
      items: incident.vulnerabilities.map((v) => ({ text: v.data.cve, href: paths.vulnerability(v.data.cve) })),
      empty: 'None recorded',
    },
    supplier: {
      items: incident.vendors.map((v) => ({
        text: [v.entry.data.name, ...(v.products.length ? [`(${v.products.map((p) => p.name).join(', ')})`] : [])].join(' '),
        href: paths.vendor(v.id),
        note: vendorRoleLabels[v.role].toLowerCase(),
        sources: v.sources,
      })),
      empty: 'No supplier involved',
    },
    services: {
      items: d.servicesDisrupted.map((s) => ({ text: `${s.service}: ${s.description}`, sources: s.sources })),
      empty: 'None recorded',
    },
    data: {
      items: d.dataExposed.map((e) => ({
        text: e.description,
        note: [e.subjects.map((s) => dataSubjectLabels[s]).join(', '), certaintyNote(e.certainty)].filter(Boolean).join('; '),
        sources: e.sources,
      })),
      empty: 'No data exposure recorded',
    },
    // The latest figure of each series: a running count told weekly is one fact at its last value
    // (the incident page charts the series).
    impact: {
      items: latestOfEachSeries(d.impact).map((f) => ({
        text: `${f.label}: ${formatImpactValue(f)}`,
        note: [`as of ${formatPartialDate(f.asOf)}`, certaintyNote(f.certainty)].filter(Boolean).join('; '),
        sources: f.sources,
      })),
      empty: 'No figures published',
    },
    recovery: (() => {
      const recovery = recoveryOf(d);
      const item: FactItem | undefined =
        recovery?.basis === 'figure'
          ? { text: formatSummaryCount(recovery.days, 'day'), note: [asOfText(recovery.days.asOf), certaintyNote(recovery.days.certainty)].filter(Boolean).join('; '), sources: recovery.days.sources }
          : recovery?.basis === 'dates'
            ? { text: recovery.time.label, note: `${formatPartialDate(recovery.time.from)} to ${formatPartialDate(recovery.time.to)}${recovery.time.note ? `; ${recovery.time.note}` : ''}`, sources: d.dates.resolved?.sources }
            : undefined;
      return { items: item ? [item] : [], empty: 'No recovery date recorded' };
    })(),
    controls: {
      items: incident.controls.map((c) => ({
        text: c.entry.data.name,
        href: paths.control(c.control),
        note: `${controlEffectTags[c.effect].label.toLowerCase()}; ${controlBasisTags[c.basis].label.toLowerCase()}`,
      })),
      empty: 'None linked',
    },
  };
  return compareRowKeys.map((key) => ({ key, label: rowLabels[key], ...rows[key] }));
}

/** The facts a handout and case study open with: the compare rows minus the controls (the discussion is about those). */
export function keyFacts(incident: ResolvedIncident): FactRow[] {
  return factRows(incident).filter((row) => row.key !== 'controls' && (row.items.length > 0 || row.key === 'attacker' || row.key === 'recovery'));
}

type ImpactFigure = Incident['impact'][number];

/**
 * The series a figure belongs to: "Elective procedures postponed, cumulative (King's)" and
 * "Elective procedures postponed in week 1" are one series told at different dates.
 */
export function impactSeriesKey(figure: Pick<ImpactFigure, 'label' | 'unit'>): string {
  const stem = figure.label
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .split(/[,;:]/)[0]!
    .replace(/\b(in|during|by|after) (week|day|month) \d+\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `${figure.unit}|${stem}`;
}

/**
 * One figure per series, the latest, where the series first appears. A figure listed after another
 * replaces it unless its date must be earlier: a final total "as of 2024" (known only to the year)
 * can be later than "11 August 2024", and content lists a series in the order it was reported.
 */
export function latestOfEachSeries<F extends Pick<ImpactFigure, 'label' | 'unit' | 'asOf'>>(figures: readonly F[]): F[] {
  const latest = new Map<string, F>();
  for (const figure of figures) {
    const key = impactSeriesKey(figure);
    const seen = latest.get(key);
    if (!seen || notBefore(figure.asOf, seen.asOf)) latest.set(key, figure);
  }
  const order = [...new Set(figures.map(impactSeriesKey))];
  return order.map((key) => latest.get(key)!);
}

/** Notes longer than this are explanations, not qualifiers: the handout leaves them to the write-up. */
const handoutNoteLength = 48;

/**
 * The key facts as a participant needs them on the two-page handout (handout.ts): who was hit, by
 * name, with how sure that is; the attacker with its attribution; the way in; the supplier;
 * services by name; each impact series at its latest value (as every fact row has it); the time to recovery. Short
 * qualifiers stay ("reported", "as of 11 August 2024"); explanations are left to the write-up.
 */
export function handoutFacts(incident: ResolvedIncident): FactRow[] {
  const brief = (item: FactItem): FactItem => ({ ...item, note: item.note && item.note.length <= handoutNoteLength ? item.note : undefined });
  return keyFacts(incident).map((row) => {
    let items = row.items;
    if (row.key === 'services') items = incident.data.servicesDisrupted.map((s) => ({ text: s.service, sources: s.sources }));
    if (row.key === 'organisations') {
      items = incident.organisations.map((o) => ({ text: o.entry.data.name, href: paths.organisation(o.id), note: certaintyNote(o.certainty), sources: o.sources }));
    }
    return { ...row, items: items.map(brief) };
  });
}
