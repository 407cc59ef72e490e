/** Pieces several views show: an incident in a list, a numbered source list, an exposure window. */
import type { Source } from '../../schemas/source.ts';
import type { ResolvedIncident } from '../model.ts';
import { describeRelation, hasExposureDates, type DatedMilestone, type ExposureWindow } from '../exposure.ts';
import { paths, sourceAnchor } from '../urls.ts';
import { dateView, type DateView } from './common.ts';

/** One incident in a list: its title, linked, and when it started. */
export interface IncidentItemView {
  id: string;
  path: string;
  title: string;
  started: DateView;
}

export function incidentItem(incident: ResolvedIncident): IncidentItemView {
  return { id: incident.id, path: paths.incident(incident.id), title: incident.data.title, started: dateView(incident.data.dates.started.date) };
}

export interface SourceView {
  /** The fragment id citations link to. */
  anchor: string;
  publisher: string;
  title: string;
  url: string;
  date?: DateView | undefined;
  via?: string | undefined;
  kind: Source['kind'];
  note?: string | undefined;
}

export function sourceList(sources: readonly Source[]): SourceView[] {
  return sources.map((s) => ({
    anchor: sourceAnchor(s.id),
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    date: s.date ? dateView(s.date) : undefined,
    via: s.via,
    kind: s.kind,
    note: s.note,
  }));
}

export interface MilestoneView {
  date: DateView;
  /** "59 days before the incident began". */
  relation: string;
}

/** How long a fix had been out when an incident began, and where the CISA KEV dates fall. */
export interface ExposureView {
  /** False when no fix, advisory or KEV date is recorded, so there is no window to show. */
  hasDates: boolean;
  fix?: (MilestoneView & { label: string }) | undefined;
  kevAdded?: MilestoneView | undefined;
  kevDue?: MilestoneView | undefined;
}

function milestone(m: DatedMilestone): MilestoneView {
  return { date: dateView(m.date), relation: describeRelation(m) };
}

export function exposureView(window: ExposureWindow): ExposureView {
  return {
    hasDates: hasExposureDates(window),
    fix: window.fix ? { ...milestone(window.fix), label: window.fix.basis === 'patched' ? 'Fix available' : 'Advisory published (no patch date recorded)' } : undefined,
    kevAdded: window.kevAdded ? milestone(window.kevAdded) : undefined,
    kevDue: window.kevDue ? milestone(window.kevDue) : undefined,
  };
}
