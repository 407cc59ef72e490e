/**
 * The top of an incident page: the at-a-glance panel (what happened, when, who, how they got in,
 * through which supplier or product, the harm to patients and services, the data, the ransom, and
 * the three lessons), then "How sure are we" with only what the panel leaves out. Every fact keeps
 * its certainty and its numbered sources; an unknown is said to be unknown, never shown as 0.
 */
import { dataSubjectLabels, dataTypeLabels, ransomPaymentLabels, type Certainty } from '../../schemas/vocabularies.ts';
import type { PartialDate } from '../../schemas/dates.ts';
import type { ResolvedControl, ResolvedIncident } from '../model.ts';
import { formatPartialDate } from '../dates-format.ts';
import { formatImpactValue } from '../display.ts';
import { leadSentence } from '../incident-view.ts';
import { asOfText, formatDataVolume, formatSummaryCount, formatSummaryMoney } from '../impact-format.ts';
import { recoveryOf } from '../recovery.ts';
import { paths } from '../urls.ts';
import { countOf, listOf } from '../wording.ts';
import { certaintyView, sourceRefs, type CertaintyView, type LinkView, type SourceRefView } from './common.ts';

/** One stretch of text in a fact; a link when it has a path. */
export interface FactPart {
  text: string;
  path?: string | undefined;
}

/** One fact in the panel: its words, how sure it is (when the content says), and its sources. */
export interface GlanceFactView {
  parts: FactPart[];
  certainty?: CertaintyView | undefined;
  refs: SourceRefView[];
  /** "as of June 2024", for a figure that changed over time. */
  asOf?: string | undefined;
}

export type GlanceKey = 'happened' | 'when' | 'who' | 'way-in' | 'through' | 'impact' | 'data' | 'ransom';

export interface GlanceItemView {
  key: GlanceKey;
  label: string;
  facts: GlanceFactView[];
  /** Said instead of facts when none are known ("Not known: ..."). */
  unknown?: string | undefined;
  /** Where the page says more about it (an in-page fragment). */
  more?: { href: string; text: string } | undefined;
}

export interface LessonView {
  text: string;
  basis: 'sourced' | 'analysis';
  basisLabel: string;
  refs: SourceRefView[];
  controls: LinkView[];
}

export interface GlanceView {
  /** "What happened": the summary, the one item that is prose. */
  summary: string;
  items: GlanceItemView[];
  lessons: LessonView[];
}

/**
 * A fact in the panel. Its certainty is shown when it is not confirmed (the panel says facts are
 * confirmed unless marked, as the chronology does); `always` shows it anyway (who did it).
 */
const fact = (parts: FactPart[] | string, refs: SourceRefView[], certainty?: Certainty, options: { asOf?: string | undefined; always?: boolean } = {}): GlanceFactView => ({
  parts: typeof parts === 'string' ? [{ text: parts }] : parts,
  refs,
  certainty: certainty && (options.always || certainty !== 'confirmed') ? certaintyView(certainty) : undefined,
  asOf: options.asOf,
});

/** A data type's label without its examples: "Medical (test results, records, letters)" → "medical". */
const shortType = (label: string) => label.replace(/\s*\(.*\)$/, '').toLowerCase();

/** First letter up. */
const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function glanceView(incident: ResolvedIncident, controls: ReadonlyMap<string, ResolvedControl>): GlanceView {
  const data = incident.data;
  const summary = data.impactSummary;
  const refs = (ids: readonly string[]) => sourceRefs(ids, incident.sourceNumbers);
  const items: GlanceItemView[] = [];

  // When: started, restored, how long.
  const when: GlanceFactView[] = [fact(`Started ${formatPartialDate(data.dates.started.date)}`, refs(data.dates.started.sources))];
  const resolved = data.dates.resolved;
  const recovery = recoveryOf(data);
  if (recovery?.basis === 'figure') {
    const days = recovery.days;
    when.push(fact(`services took ${formatSummaryCount(days, 'day')} to come back`, refs(days.sources), days.certainty));
  } else if (resolved) {
    const on = `${resolved.date.precision === 'day' ? '' : 'in '}${formatPartialDate(resolved.date)}`;
    when.push(fact(`services restored ${on}${recovery ? ` (${recovery.time.label})` : ''}`, refs(resolved.sources)));
  }
  items.push({
    key: 'when',
    label: 'When',
    facts: when,
    unknown: resolved || recovery ? undefined : 'restored: not known',
  });

  // Who, and how sure.
  items.push({
    key: 'who',
    label: 'Who did it',
    facts: incident.actors.map((a) => fact([{ text: a.entry.data.name, path: paths.actor(a.id) }], refs(a.sources), a.attribution, { always: true })),
    unknown: incident.actors.length === 0 ? 'Not named' : undefined,
    more: { href: '#how-sure', text: incident.actors.length === 0 ? 'why not' : 'on what evidence' },
  });

  // How they got in: the description's first sentence, which content writes to stand alone.
  const access = data.initialAccess;
  const accessLead = access ? leadSentence(access.description) : undefined;
  items.push({
    key: 'way-in',
    label: 'How they got in',
    facts: access && accessLead ? [fact(accessLead, refs(access.sources), access.certainty)] : [],
    unknown: access ? undefined : 'Not known',
    more: access && accessLead !== access.description.trim() ? { href: '#how-sure', text: 'more' } : undefined,
  });

  // Through which supplier or product, and the CVE with how sure that link is.
  const through: GlanceFactView[] = [];
  for (const v of incident.vendors.filter((v) => v.role === 'compromised-supplier')) {
    through.push(fact([{ text: v.entry.data.name, path: paths.vendor(v.id) }, { text: ' (the supplier itself was attacked)' }], refs(v.sources)));
  }
  for (const p of incident.exploitedProducts) {
    const product = p.productNames.length > 0 ? `${listOf(p.productNames)} from ` : 'A product of ';
    through.push(fact([{ text: product }, { text: p.vendorName, path: paths.vendor(p.vendorId) }], refs(p.sources)));
  }
  for (const { vulnerability, link } of incident.exposures) {
    through.push(fact([{ text: 'through ' }, { text: vulnerability.data.cve, path: paths.vulnerability(vulnerability.data.cve) }], refs(link.sources), link.certainty));
  }
  items.push({ key: 'through', label: 'Supplier or product', facts: through, unknown: through.length === 0 ? 'None recorded' : undefined });

  // Harm to patients and services.
  const impact: GlanceFactView[] = [];
  const asOf = (date: PartialDate) => (date.precision === 'year' ? undefined : asOfText(date));
  const { appointmentsPostponed: appointments, proceduresPostponed: procedures, patientsAffected: patients } = summary;
  if (appointments && procedures && appointments.certainty === procedures.certainty && appointments.asOf.value === procedures.asOf.value) {
    // One clause when the two counts are equally sure and of the same date.
    const both = `${formatSummaryCount(appointments, 'appointment')} and ${formatSummaryCount(procedures, 'procedure')} postponed`;
    impact.push(fact(both, refs([...new Set([...appointments.sources, ...procedures.sources])]), appointments.certainty, { asOf: asOf(appointments.asOf) }));
  } else {
    if (appointments) impact.push(fact(`${formatSummaryCount(appointments, 'appointment')} postponed`, refs(appointments.sources), appointments.certainty, { asOf: asOf(appointments.asOf) }));
    if (procedures) impact.push(fact(`${formatSummaryCount(procedures, 'procedure')} postponed`, refs(procedures.sources), procedures.certainty, { asOf: asOf(procedures.asOf) }));
  }
  if (patients) impact.push(fact(`${formatSummaryCount(patients, 'patient')} affected`, refs(patients.sources), patients.certainty, { asOf: asOf(patients.asOf) }));
  const harm = summary.harm;
  if (harm) {
    if (harm.deaths) impact.push(fact(`${formatSummaryCount(harm.deaths, 'death')} the attack contributed to`, refs(harm.deaths.sources), harm.deaths.certainty));
    if (harm.seriousHarm) impact.push(fact(`${formatSummaryCount(harm.seriousHarm, 'case')} of serious harm`, refs(harm.seriousHarm.sources), harm.seriousHarm.certainty));
    if (!harm.deaths && !harm.seriousHarm) impact.push(fact(harm.description, refs(harm.sources), harm.certainty));
  }
  if (summary.cost) impact.push(fact(`cost ${formatSummaryMoney(summary.cost)}`, refs(summary.cost.sources), summary.cost.certainty));
  const services = data.servicesDisrupted.length;
  items.push({
    key: 'impact',
    label: 'Harm to patients and services',
    facts: impact.map((f, i) => (i === 0 ? { ...f, parts: f.parts.map((p, j) => (j === 0 ? { ...p, text: sentenceCase(p.text) } : p)) } : f)),
    unknown: impact.length > 0 ? undefined : services > 0 ? 'No figures published' : 'Not known: no figures published',
    more: services > 0 ? { href: '#services', text: `${countOf(services, 'service')} disrupted` } : data.impact.length > 0 ? { href: '#impact', text: 'all figures' } : undefined,
  });

  // Data exposed.
  const exposed: GlanceFactView[] = [];
  if (summary.peopleDataExposed) {
    const people = summary.peopleDataExposed;
    exposed.push(fact(`${formatSummaryCount(people, { one: 'person', other: 'people' })} affected`, refs(people.sources), people.certainty));
  }
  for (const exposure of data.dataExposed) {
    const subjects = exposure.subjects.filter((s) => s !== 'unknown').map((s) => dataSubjectLabels[s]);
    const types = exposure.types.filter((t) => t !== 'unknown').map((t) => shortType(dataTypeLabels[t]));
    // Facts are joined with semicolons, so only the item's first starts with a capital ("Patients: ...; the organisation itself: ...").
    const whose = subjects.length > 0 ? listOf(subjects.map((s) => s.charAt(0).toLowerCase() + s.slice(1))) : 'whose data is not known';
    const said = `${whose}: ${types.length > 0 ? types.join(', ') : 'data of a kind not made public'}`;
    exposed.push(fact(exposed.length === 0 ? sentenceCase(said) : said, refs(exposure.sources), exposure.certainty));
  }
  if (summary.dataStolen) exposed.push(fact(`${formatDataVolume(summary.dataStolen)} taken`, refs(summary.dataStolen.sources), summary.dataStolen.certainty));
  items.push({ key: 'data', label: 'Data exposed', facts: exposed, unknown: exposed.length === 0 ? 'None recorded' : undefined });

  // Ransom: demanded, paid, refused or unknown.
  const ransom: GlanceFactView[] = [];
  const demanded = summary.ransom?.demanded;
  if (demanded) ransom.push(fact(`${formatSummaryMoney(demanded)} demanded`, refs(demanded.sources), demanded.certainty));
  const payment = summary.ransom?.payment;
  if (payment) ransom.push(fact(ransom.length > 0 ? ransomPaymentLabels[payment.status].toLowerCase() : ransomPaymentLabels[payment.status], refs(payment.sources), payment.certainty));
  items.push({
    key: 'ransom',
    label: 'Ransom',
    facts: ransom,
    unknown: ransom.length > 0 ? undefined : 'Not known',
  });

  return {
    summary: data.summary,
    items,
    lessons: data.lessons.map((lesson) => ({
      text: lesson.text,
      basis: lesson.basis,
      basisLabel: lesson.basis === 'analysis' ? 'Our analysis' : 'From the sources',
      refs: refs(lesson.sources),
      controls: lesson.controls.flatMap((id) => {
        const control = controls.get(id);
        return control ? [{ path: paths.control(id), text: control.data.name }] : [];
      }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// How sure are we: what the panel leaves out.

export interface SureStatementView {
  text: string;
  certainty?: CertaintyView | undefined;
  refs: SourceRefView[];
}

/** Statements on one topic, under one label (a label is never repeated in the list). */
export interface SureTopicView {
  topic: string;
  statements: SureStatementView[];
}

export interface HowSureView {
  topics: SureTopicView[];
  /** Dated events and figures that are not confirmed, so a reader sees what rests on claims. */
  unconfirmed: { topic: string; text: string; certainty: CertaintyView; refs: SourceRefView[] }[];
  /** "Show the 2 events and 3 figures", when there are more than 2 (they fold away). */
  unconfirmedSummary?: string | undefined;
  unknowns: string[];
}

export function howSureView(incident: ResolvedIncident): HowSureView {
  const data = incident.data;
  const refs = (ids: readonly string[]) => sourceRefs(ids, incident.sourceNumbers);
  const topics: SureTopicView[] = [];
  const add = (topic: string, statement: SureStatementView) => {
    const existing = topics.find((t) => t.topic === topic);
    if (existing) existing.statements.push(statement);
    else topics.push({ topic, statements: [statement] });
  };
  for (const actor of incident.actors) {
    const text = incident.actors.length > 1 ? `${actor.entry.data.name}: ${actor.basis}` : actor.basis;
    add('Who did it', { text, certainty: certaintyView(actor.attribution), refs: refs(actor.sources) });
  }
  if (incident.actors.length === 0 && data.attributionNote) add('Why no attacker is named', { text: data.attributionNote, refs: [] });
  if (data.initialAccess) add('How they got in', { text: data.initialAccess.description, certainty: certaintyView(data.initialAccess.certainty), refs: refs(data.initialAccess.sources) });
  for (const { vulnerability, link } of incident.exposures) {
    if (link.note) add('Which flaw', { text: `${vulnerability.data.cve}: ${link.note}`, certainty: certaintyView(link.certainty), refs: refs(link.sources) });
  }
  for (const exposure of data.dataExposed) add('Data exposed', { text: exposure.description, certainty: certaintyView(exposure.certainty), refs: refs(exposure.sources) });
  const harm = data.impactSummary.harm;
  if (harm && (harm.deaths || harm.seriousHarm)) add('Harm to patients', { text: harm.description, certainty: certaintyView(harm.certainty), refs: refs(harm.sources) });
  const events = data.chronology.filter((event) => event.certainty !== 'confirmed');
  const figures = data.impact.filter((figure) => figure.certainty !== 'confirmed');
  const unconfirmed = [
    ...events.map((event) => ({ topic: formatPartialDate(event.date), text: event.event, certainty: certaintyView(event.certainty), refs: refs(event.sources) })),
    ...figures.map((figure) => ({ topic: figure.label, text: formatImpactValue(figure), certainty: certaintyView(figure.certainty), refs: refs(figure.sources) })),
  ];
  const counts = [events.length > 0 ? countOf(events.length, 'event') : '', figures.length > 0 ? countOf(figures.length, 'figure') : ''].filter(Boolean);
  return {
    topics,
    unconfirmed,
    unconfirmedSummary: unconfirmed.length > 2 ? `Show the ${listOf(counts)}` : undefined,
    unknowns: data.unknowns,
  };
}
