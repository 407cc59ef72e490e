/**
 * The one impact measure the timeline draws: care postponed, that is appointments and procedures
 * postponed together, from the impact summary (src/schemas/impact-summary.ts). One scale for every
 * mark, so sizes compare; an incident without a published figure is drawn as unknown (hollow),
 * never as small. The area of a mark grows with the figure (a square-root scale).
 */
import { scaleSqrt } from 'd3-scale';
import type { ImpactSummary } from '../../schemas/impact-summary.ts';
import { impactQualifierWords } from '../../schemas/vocabularies.ts';
import { agree, countOf, formatCount, listOf } from '../wording.ts';

type Qualifier = keyof typeof impactQualifierWords;

/** Care postponed, as published. */
export interface CareImpact {
  /** Appointments and procedures together: what the mark's size shows. */
  value: number;
  /** "10,152 appointments and 1,710 procedures postponed", "more than 19,000 appointments postponed". */
  phrase: string;
}

/** What the measure counts, and what the legend and the page call it. */
export const careImpactWhat = 'appointments and procedures';
export const careImpactName = `${careImpactWhat} postponed`;

/** What a mark says when no figure was published (a fact about the sources, not a zero). */
export const careImpactUnknown = 'Postponed care: no figure published.';

function counted(figure: { value: number; qualifier: Qualifier }, noun: string): string {
  return `${impactQualifierWords[figure.qualifier]}${countOf(figure.value, noun)}`;
}

/** The measure for one incident, or undefined when its summary gives neither count. */
export function careImpact(summary: ImpactSummary | undefined): CareImpact | undefined {
  const appointments = summary?.appointmentsPostponed;
  const procedures = summary?.proceduresPostponed;
  if (!appointments && !procedures) return undefined;
  const value = (appointments?.value ?? 0) + (procedures?.value ?? 0);
  if (value === 0) {
    // The sources said none were postponed: a figure (drawn as the smallest mark), said plainly.
    const what = listOf([...(appointments ? ['appointments'] : []), ...(procedures ? ['procedures'] : [])], 'or');
    return { value, phrase: `No ${what} postponed.` };
  }
  const parts = [
    ...(appointments && appointments.value > 0 ? [counted(appointments, 'appointment')] : []),
    ...(procedures && procedures.value > 0 ? [counted(procedures, 'procedure')] : []),
  ];
  const phrase = listOf(parts);
  return { value, phrase: `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} postponed.` };
}

/** Diameters (in pixels at zoom 1) of the marks, and the reference sizes the legend shows. */
export interface ImpactScale {
  /** Diameter for a figure; `undefined` (no figure) gets the hollow mark's size. */
  diameter(value: number | undefined): number;
  /** Size of the hollow "no figure" mark. */
  unknownDiameter: number;
  /** Reference marks for the legend, smallest first: "1,000 postponed" and so on. */
  legend: { value: number; diameter: number; label: string }[];
}

export const impactSizes = { min: 6, max: 22, unknown: 11 } as const;

/**
 * One square-root scale from 0 to the largest figure (so area is proportional to the count); a
 * figure too small to see at that scale is drawn at the minimum size.
 */
export function impactScale(values: readonly number[]): ImpactScale {
  const largest = Math.max(0, ...values);
  const scale = scaleSqrt().domain([0, Math.max(largest, 1)]).range([0, impactSizes.max]);
  const diameter = (value: number | undefined) =>
    value === undefined ? impactSizes.unknown : Math.round(Math.max(impactSizes.min, scale(value)) * 10) / 10;
  // Round reference values within the data's range, large enough to be told apart from the minimum.
  const ticks = scale.ticks(4).filter((value) => value > 0 && scale(value) >= impactSizes.min * 1.5);
  // Two that differ clearly: the smallest such round value and the largest.
  const references = ticks.length > 1 ? [ticks[0]!, ticks.at(-1)!] : ticks;
  // Every figure up to this one is drawn at the minimum size.
  const smallest = scale.invert(impactSizes.min);
  const roughly = Number(smallest.toPrecision(2));
  const legend = [
    { value: 0, diameter: impactSizes.min, label: largest > 0 && roughly >= 1 ? `0 to about ${formatCount(roughly)}` : '0' },
    ...references.map((value) => ({ value, diameter: diameter(value), label: formatCount(value) })),
  ];
  return { diameter, unknownDiameter: impactSizes.unknown, legend };
}

/** "1 incident with a figure", for the legend's note on how many marks have a size. */
export function figuresKnown(known: number, total: number): string {
  return `${formatCount(known)} of ${countOf(total, 'incident')} ${agree(known, { one: 'has', other: 'have' })} a published figure`;
}
