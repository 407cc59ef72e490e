/**
 * How long an incident's services took to come back: one answer for every page (the incident
 * page's panel, the case study, compare and the timeline).
 */
import type { Incident } from '../schemas/incident.ts';
import { durationBetween, type Duration, type PartialDate } from './partial-dates.ts';
import { formatDayRange } from './dates-format.ts';

export interface RecoveryTime extends Duration {
  /** "12 days (about 2 weeks)", "between 90 and 119 days (3 to 4 months)". */
  label: string;
  from: PartialDate;
  to: PartialDate;
  note?: string | undefined;
}

/** From when the attack began to when services were restored or the incident closed; undefined if no end date is recorded. */
export function recoveryTime(dates: Incident['dates']): RecoveryTime | undefined {
  if (!dates.resolved) return undefined;
  const duration = durationBetween(dates.started.date, dates.resolved.date);
  if (!duration) return undefined;
  return { ...duration, label: formatDayRange(duration.minDays, duration.maxDays), from: dates.started.date, to: dates.resolved.date, note: dates.resolved.note };
}

/**
 * How long services took to come back, decided here for every page: the impact summary's
 * days to restore when a source gives that figure (what the incident page's panel, the incidents
 * table, the overview and the open data say), otherwise the span from the start to the
 * resolution date. Both at once could disagree (Synnovis: up to 134 days by NHS England's
 * update; up to 211 by a resolution date known only to the year), so the figure wins.
 */
export type Recovery = { basis: 'figure'; days: NonNullable<Incident['impactSummary']['daysToRestore']> } | { basis: 'dates'; time: RecoveryTime };

export function recoveryOf(incident: Pick<Incident, 'dates' | 'impactSummary'>): Recovery | undefined {
  const days = incident.impactSummary.daysToRestore;
  if (days) return { basis: 'figure', days };
  const time = recoveryTime(incident.dates);
  return time ? { basis: 'dates', time } : undefined;
}
