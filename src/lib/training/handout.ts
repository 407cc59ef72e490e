/**
 * The participant handout: what of a case study goes on two A4 pages at 12 pt, with room to write.
 * What a participant must have goes in whole: the summary, every discussion question, and the key
 * facts at their headline (a few names and figures a row, then "and 7 more organisations"). Room
 * to write under each question comes next, then the chronology gets the room that is left, its
 * turning points first (the first event of each kind); the handout says how many events it leaves
 * out and where the rest are. Room is counted in lines of 12 pt print, from measurements of the
 * printed page (tests/e2e/training-print.test.ts prints every case study and checks it fits).
 */
import type { Incident } from '../../schemas/incident.ts';
import type { ResolvedIncident } from '../model.ts';
import { agree, formatCount, type Noun } from '../wording.ts';
import { handoutFacts, type CompareRowKey, type FactRow } from './facts.ts';
import { groupQuestionsByAudience } from './session.ts';

type ChronologyEvent = Incident['chronology'][number];

/**
 * The printed handout in lines of 12 pt body text (1.3 em apart), measured on Chromium's A4 print
 * of the case-study page (the site's 16 mm by 14 mm print margins): about 49 lines a page.
 */
export const handoutLines = {
  /** Lines on two pages, less what breaks between pages waste (a question is never split). */
  capacity: 88,
  /** Address line, title, hook's first line, headings, the sources footer. */
  furniture: 17,
  /** Characters a line across the page (key facts run in after their label); beside a chronology date. */
  perLine: 80,
  perEventLine: 66,
  /** Room to write under each question (7 mm), and the notes box at the end (30 mm, or 18 mm when short of room). */
  questionSpace: 1.6,
  notesBox: 7,
  smallNotesBox: 4.5,
  /** An audience's heading over its questions; a row's rule and padding; an event's. */
  groupHeading: 1.4,
  rowPadding: 0.25,
  eventPadding: 0.35,
} as const;

const linesOf = (text: string, perLine: number) => Math.max(1, Math.ceil(text.length / perLine));

/** How many items a key-fact row shows on the handout before "and N more". */
type RowCaps = Partial<Record<CompareRowKey, number>>;
const roomyCaps: RowCaps = { organisations: 4, impact: 4, data: 1, services: 5 };
const tightCaps: RowCaps = { organisations: 3, impact: 3, data: 1, services: 4 };
const tightestCaps: RowCaps = { organisations: 2, impact: 2, data: 1, services: 3, attackTypes: 0 };

const moreNouns: Partial<Record<CompareRowKey, string | Noun>> = {
  organisations: 'organisation',
  impact: 'figure',
  data: { one: 'kind of data', other: 'kinds of data' },
  services: 'service',
  attackTypes: 'attack type',
};

function capped(rows: readonly FactRow[], caps: RowCaps): FactRow[] {
  return rows.flatMap((row) => {
    const cap = caps[row.key];
    if (cap === undefined || row.items.length <= cap) return [row];
    if (cap === 0) return [];
    const more = row.items.length - cap;
    const noun = moreNouns[row.key] ?? 'item';
    return [{ ...row, items: [...row.items.slice(0, cap), { text: `and ${formatCount(more)} more ${agree(more, noun)} in the write-up` }] }];
  });
}

function factLines(rows: readonly FactRow[]): number {
  return rows.reduce((n, row) => {
    const text = row.items.length === 0 ? row.empty : row.items.map((i) => `${i.text}${i.note ? ` (${i.note})` : ''}`).join('; ');
    return n + linesOf(`${row.label}: ${text}`, handoutLines.perLine) + handoutLines.rowPadding;
  }, 0);
}

/** The order events earn their place: how it started and what it did, then who said what. */
const kindPriority: readonly ChronologyEvent['kind'][] = [
  'initial-access',
  'disruption',
  'detection',
  'disclosure',
  'claim',
  'data-published',
  'response',
  'recovery',
  'regulator',
  'legal',
  'investigation',
  'other',
];

export interface HandoutCut {
  facts: FactRow[];
  /** Indexes into the incident's chronology, in its order. */
  events: number[];
  /** Whether each question keeps room to write under it (the notes box is always there). */
  roomToWrite: boolean;
  /** The notes box at its smaller height, when the pages are short of room. */
  smallNotes: boolean;
}

/** What fits on the two pages (see the module comment for the order things give way). */
export function handoutCut(incident: ResolvedIncident): HandoutCut {
  const t = incident.data.training;
  const all = handoutFacts(incident);
  const groups = groupQuestionsByAudience(t.questions).length;
  const questionText = t.questions.reduce((n, q) => n + linesOf(q.question, handoutLines.perLine - 4), 0);
  const lines = (facts: readonly FactRow[], roomToWrite: boolean, smallNotes = false) =>
    handoutLines.furniture +
    linesOf(t.hook, handoutLines.perLine) +
    linesOf(incident.data.summary, handoutLines.perLine) +
    factLines(facts) +
    questionText +
    groups * handoutLines.groupHeading +
    (roomToWrite ? t.questions.length * handoutLines.questionSpace : 0) +
    (smallNotes ? handoutLines.smallNotesBox : handoutLines.notesBox);
  const tiers = [
    { facts: capped(all, roomyCaps), roomToWrite: true, smallNotes: false },
    { facts: capped(all, roomyCaps), roomToWrite: false, smallNotes: false },
    { facts: capped(all, tightCaps), roomToWrite: false, smallNotes: false },
    { facts: capped(all, tightestCaps), roomToWrite: false, smallNotes: true },
  ];
  const tier = tiers.find((x) => lines(x.facts, x.roomToWrite, x.smallNotes) <= handoutLines.capacity) ?? tiers.at(-1)!;
  let room = handoutLines.capacity - lines(tier.facts, tier.roomToWrite, tier.smallNotes) - 1.5; // the chronology's heading

  const chronology = incident.data.chronology;
  const firstOfKind = kindPriority.flatMap((kind) => {
    const index = chronology.findIndex((e) => e.kind === kind);
    return index === -1 ? [] : [index];
  });
  const order = [...firstOfKind, ...chronology.map((_, i) => i).filter((i) => !firstOfKind.includes(i))];
  const chosen: number[] = [];
  for (const index of order) {
    const event = chronology[index]!;
    const needed = linesOf(`${event.kind}: ${event.event}`, handoutLines.perEventLine) + handoutLines.eventPadding;
    if (needed > room) continue;
    chosen.push(index);
    room -= needed;
  }
  return { facts: tier.facts, events: chosen.sort((a, b) => a - b), roomToWrite: tier.roomToWrite, smallNotes: tier.smallNotes };
}
