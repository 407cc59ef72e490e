/**
 * What an incident page shows, worked out from the resolved incident: its key dates in reading
 * order, the lead sentence of a long statement, and the vendors involved. Pure, so the rules are
 * unit-tested rather than buried in templates.
 */
import type { PartialDate } from '../schemas/dates.ts';
import type { ResolvedIncident } from './model.ts';

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

/**
 * The first sentence of a statement, which content writes to stand alone ("Not disclosed.", "The
 * ICO found that a Capita employee downloaded a malicious JavaScript file ..."): what the
 * at-a-glance panel shows, with the whole statement one move away. A full stop ends a sentence
 * only before a space and a capital, digit or quote, so "St. Thomas" and "v12.3" stay whole.
 */
export function leadSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /(?<![A-Z][a-z]?\.|\b(?:e\.g|i\.e|St|Dr|No|vs))[.!?](?=\s+["“(]?[A-Z0-9])/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
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
