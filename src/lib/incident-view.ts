/**
 * What an incident page shows, worked out from the resolved incident: its key dates in reading
 * order, and the "confirmed, claimed and unknown" overview that puts each claim next to how sure
 * it is. Pure, so the rules are unit-tested rather than buried in templates.
 */
import type { PartialDate } from '../schemas/dates.ts';
import type { Certainty } from '../schemas/vocabularies.ts';
import type { ResolvedIncident } from './model.ts';
import { formatPartialDate } from './dates-format.ts';
import { formatImpactValue } from './display.ts';

export interface KeyDate {
  label: string;
  date: PartialDate;
  sources: string[];
  note?: string | undefined;
}

const dateLabels = { started: 'Started', detected: 'Detected', disclosed: 'First disclosed', resolved: 'Services restored or closed' } as const;

/** The incident's dates that are known, in the order they happen. */
export function keyDates(incident: ResolvedIncident): KeyDate[] {
  const dates = incident.data.dates;
  return (Object.keys(dateLabels) as (keyof typeof dateLabels)[]).flatMap((key) => {
    const fact = dates[key];
    return fact ? [{ label: dateLabels[key], date: fact.date, sources: fact.sources, note: fact.note }] : [];
  });
}

export interface Statement {
  /** What the statement is about ("Who did it"), shown as its lead-in. */
  topic: string;
  text: string;
  certainty: Certainty;
  sources: string[];
  /** Word for word in Key facts too: the search index skips it so the page is not counted twice. */
  repeatsKeyFacts?: true;
}

export interface CertaintyOverview {
  /** The central questions: who, how they got in, what data. */
  statements: Statement[];
  /** Dated events and figures that are not confirmed, so a reader sees what rests on claims. */
  unconfirmed: Statement[];
  unknowns: string[];
}

export function certaintyOverview(incident: ResolvedIncident): CertaintyOverview {
  const data = incident.data;
  const statements: Statement[] = [];
  for (const actor of incident.actors) {
    statements.push({ topic: 'Who did it', text: `${actor.entry.data.name}. ${actor.basis}`, certainty: actor.attribution, sources: actor.sources, repeatsKeyFacts: true });
  }
  if (data.initialAccess) {
    statements.push({ topic: 'How they got in', text: data.initialAccess.description, certainty: data.initialAccess.certainty, sources: data.initialAccess.sources });
  }
  for (const exposure of data.dataExposed) {
    statements.push({ topic: 'Data exposed', text: exposure.description, certainty: exposure.certainty, sources: exposure.sources });
  }
  for (const org of incident.organisations) {
    if (org.certainty !== 'confirmed') {
      statements.push({ topic: 'Organisation affected', text: `${org.entry.data.name}${org.note ? `. ${org.note}` : ''}`, certainty: org.certainty, sources: org.sources });
    }
  }

  const unconfirmed: Statement[] = [
    ...data.chronology
      .filter((event) => event.certainty !== 'confirmed')
      .map((event) => ({ topic: formatPartialDate(event.date), text: event.event, certainty: event.certainty, sources: event.sources })),
    ...data.impact
      .filter((figure) => figure.certainty !== 'confirmed')
      .map((figure) => ({ topic: figure.label, text: formatImpactValue(figure), certainty: figure.certainty, sources: figure.sources })),
  ];

  return { statements, unconfirmed, unknowns: data.unknowns };
}

export interface VendorInIncident {
  role: 'compromised-supplier' | 'vulnerable-product';
  vendorId: string;
  vendorName: string;
  productNames: string[];
}

/** Breached suppliers first, then exploited products (including those known only by their CVE). */
export function vendorsInvolved(incident: ResolvedIncident): VendorInIncident[] {
  return [
    ...incident.vendors
      .filter((v) => v.role === 'compromised-supplier')
      .map((v) => ({ role: v.role, vendorId: v.id, vendorName: v.entry.data.name, productNames: v.products.map((p) => p.name) })),
    ...incident.exploitedProducts.map(({ vendorId, vendorName, productNames }) => ({ role: 'vulnerable-product' as const, vendorId, vendorName, productNames })),
  ];
}
