/**
 * Exposure windows: how long a fix (or at least a public advisory) had been available before an
 * incident began, and where the CISA KEV dates fall relative to it. Dates keep their precision: a
 * start known only to the month gives a range of days, never a made-up exact count.
 */
import { daysBetween, type DayRange, type PartialDate } from './partial-dates.ts';
import type { Vulnerability } from '../schemas/vulnerability.ts';

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

function milestone(date: PartialDate, incidentStart: PartialDate): DatedMilestone {
  const daysToIncident = daysBetween(date, incidentStart);
  return { date, daysToIncident, relation: relationOf(daysToIncident) };
}

type VulnerabilityDates = Pick<Vulnerability, 'cve' | 'published' | 'patched' | 'kev'>;

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
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'day' : 'days'}`;
}

function span(low: number, high: number): string {
  return low === high ? days(low) : `between ${low.toLocaleString('en-GB')} and ${days(high)}`;
}

/**
 * Plain words for where a milestone falls: "59 days before the incident began", "between 1 and
 * 30 days after the incident began", or, when the precision cannot tell the order, says so.
 */
export function describeRelation(m: DatedMilestone): string {
  const { min, max } = m.daysToIncident;
  switch (m.relation) {
    case 'same-day':
      return 'on the day the incident began';
    case 'before':
      return `${span(min, max)} before the incident began`;
    case 'after':
      return `${span(-max, -min)} after the incident began`;
    case 'unclear':
      return `anywhere from ${days(max)} before to ${days(-min)} after the incident began; the dates are not precise enough to say which came first`;
  }
}
