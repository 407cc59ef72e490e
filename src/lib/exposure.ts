/**
 * Exposure windows: how long a fix (or at least a public advisory) had been available before an
 * incident began, and where the CISA KEV dates fall relative to it. Dates keep their precision: a
 * start known only to the month gives a range of days, never a made-up exact count.
 */
import { daysBetween, type DayRange, type PartialDate } from './partial-dates.ts';
import type { Vulnerability } from '../schemas/vulnerability.ts';
import { countOf, formatCount } from './wording.ts';

/** Where a dated milestone (fix, KEV listing) falls relative to the incident's start. */
export type Relation = 'before' | 'same-day' | 'after' | 'unclear';

export interface DatedMilestone {
  date: PartialDate;
  /** Days from the milestone to the incident start: positive when the milestone came first. */
  daysToIncident: DayRange;
  relation: Relation;
}

export type FixBasis = 'patched' | 'published';

export interface ExposureWindow {
  cve: string;
  incidentStart: PartialDate;
  /** The patch date, or the advisory's publication date where no patch date is known. */
  fix?: DatedMilestone & { basis: FixBasis };
  kevAdded?: DatedMilestone;
  kevDue?: DatedMilestone;
}

function relationOf(range: DayRange): Relation {
  if (range.min === 0 && range.max === 0) return 'same-day';
  if (range.min > 0) return 'before';
  if (range.max < 0) return 'after';
  return 'unclear';
}

/** Where `date` falls relative to a later event (an incident's start, CISA's listing). */
export function milestone(date: PartialDate, incidentStart: PartialDate): DatedMilestone {
  const daysToIncident = daysBetween(date, incidentStart);
  return { date, daysToIncident, relation: relationOf(daysToIncident) };
}

type VulnerabilityDates = Pick<Vulnerability, 'cve' | 'published' | 'patched'> & {
  kev?: Pick<NonNullable<Vulnerability['kev']>, 'dateAdded' | 'dueDate'> | undefined;
};

/** The exposure window of one vulnerability for an incident that started on `incidentStart`. */
export function exposureWindow(incidentStart: PartialDate, vulnerability: VulnerabilityDates): ExposureWindow {
  const window: ExposureWindow = { cve: vulnerability.cve, incidentStart };
  const fixDate = vulnerability.patched ?? vulnerability.published;
  if (fixDate) {
    window.fix = { ...milestone(fixDate, incidentStart), basis: vulnerability.patched ? 'patched' : 'published' };
  }
  if (vulnerability.kev) {
    window.kevAdded = milestone(vulnerability.kev.dateAdded, incidentStart);
    if (vulnerability.kev.dueDate) window.kevDue = milestone(vulnerability.kev.dueDate, incidentStart);
  }
  return window;
}

/** True when the window has anything to show. */
export function hasExposureDates(window: ExposureWindow): boolean {
  return Boolean(window.fix || window.kevAdded);
}

function days(count: number): string {
  return countOf(count, 'day');
}

function span(low: number, high: number): string {
  return low === high ? days(low) : `between ${formatCount(low)} and ${days(high)}`;
}

/** Said of a milestone whose order against the event the dates' precision cannot tell. */
export const unclearOrder = 'the dates are not precise enough to say which came first';

/**
 * Plain words for where a milestone falls: "59 days before the incident began", "between 1 and
 * 30 days after the incident began", or, when the precision cannot tell the order, says so.
 * `event` names what the milestone is measured against ("CISA listed it as exploited");
 * `precisionNote: false` leaves the "not precise enough" clause for the caller to say once.
 */
export function describeRelation(m: DatedMilestone, event = 'the incident began', options: { precisionNote?: boolean } = {}): string {
  const { min, max } = m.daysToIncident;
  switch (m.relation) {
    case 'same-day':
      return `on the day ${event}`;
    case 'before':
      return `${span(min, max)} before ${event}`;
    case 'after':
      return `${span(-max, -min)} after ${event}`;
    case 'unclear':
      return `anywhere from ${days(max)} before to ${days(-min)} after ${event}${options.precisionNote === false ? '' : `; ${unclearOrder}`}`;
  }
}
