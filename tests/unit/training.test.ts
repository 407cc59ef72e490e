/** The pure logic behind the trainers' pages, over the fixture content resolved by the real model. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/lib/model.ts';
import { parsePartialDate, type PartialDate } from '../../src/schemas/dates.ts';
import { catalogueFacets, filterCatalogue } from '../../src/lib/training/catalogue.ts';
import { catalogueQuery, describeFilters, matchesCatalogueFilters, parseCatalogueFilters } from '../../src/lib/training/filters.ts';
import { compareTable, comparePairs, indexComparePairs, pairsFor } from '../../src/lib/training/compare.ts';
import { controlsThatHelped, groupInjectsByPhase, groupQuestionsByAudience, sessionPlan, splitBlock } from '../../src/lib/training/session.ts';
import { factRows, keyFacts } from '../../src/lib/training/facts.ts';
import { recoveryOf, recoveryTime } from '../../src/lib/recovery.ts';
import { glanceView } from '../../src/lib/views/glance.ts';
import { itemSpan, timelineItemFromIncident } from '../../src/lib/timeline/incidents-layout.ts';
import { pairSlug } from '../../src/lib/training/paths.ts';
import { mostSimilar } from '../../src/lib/training/similarity.ts';
import { root } from '../helpers/site.ts';
import { durationBetween } from '../../src/lib/partial-dates.ts';
import { formatDayRange } from '../../src/lib/dates-format.ts';
import { makeContent } from '../helpers/fixtures.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';

const date = (text: string): PartialDate => parsePartialDate(text)!;

/** A second and third incident, so there is something to compare and filter. */
const secondIncident = `---
title: Second example attack on a trust
summary: A fictional attack on a trust's own network through a remote access portal, used to test comparisons. Outpatient clinics were cancelled for a week.
dates:
  started: { date: 2099-02-10, sources: [p1] }
  resolved: { date: 2099-02-24, sources: [p1] }
organisations:
  - { id: example-trust, role: victim, certainty: confirmed, sources: [p1] }
attributionNote: No group has been named.
attackTypes: [ransomware]
chronology:
  - { date: 2099-02-10, kind: disruption, event: Clinics cancelled., sources: [p1] }
controls:
  - { control: charter-mfa, effect: detect, basis: analysis, reasoning: Alerts on new logins. }
training:
  hook: A week without outpatients.
  audiences: [board, it-security]
  topics: [ransomware, business-continuity]
  sessionLengths: [90]
  objectives: [One, Two, Three]
  questions:
    - { audience: it-security, question: First? }
    - { audience: board, question: Second? }
    - { audience: it-security, question: Third? }
    - { audience: board, question: Fourth? }
    - { audience: board, question: Fifth? }
  injects:
    - { phase: Day 1, text: Clinics are cancelled. }
    - { phase: Day 3, text: The press calls. }
    - { phase: Day 1, text: A clinician asks for paper forms. }
  compareWith: [example-lab-2099]
sources:
  - { id: p1, publisher: Example Trust, title: Statement, url: https://trust.example.org/statement, kind: primary }
  - { id: p2, publisher: Example News, title: Report, url: https://news.example.org/report, kind: secondary }
  - { id: p3, publisher: Other News, title: Report, url: https://other.example.org/report, kind: secondary }
lastReviewed: 2099-11-29
---
Text [@p1].
`;
const thirdIncident = secondIncident
  .replace('title: Second example attack on a trust', 'title: Third example, unrelated')
  .replace('attackTypes: [ransomware]', 'attackTypes: [data-theft-extortion]')
  .replace('topics: [ransomware, business-continuity]', 'topics: [regulation]')
  .replace('  compareWith: [example-lab-2099]\n', '')
  .replace('controls:\n  - { control: charter-mfa, effect: detect, basis: analysis, reasoning: Alerts on new logins. }\n', '')
  .replace('started: { date: 2099-02-10', 'started: { date: 2098-02-10')
  .replace('resolved: { date: 2099-02-24', 'resolved: { date: 2098-02-24')
  .replace('- { date: 2099-02-10, kind', '- { date: 2098-02-10, kind');

function knowledgeBase(): KnowledgeBase {
  const { contentDir } = makeContent([
    { file: 'incidents/second-example-2099.md', create: secondIncident },
    { file: 'incidents/third-example-2098.md', create: thirdIncident },
  ]);
  return knowledgeBaseFrom(contentDir);
}

const kb = knowledgeBase();
const lab = kb.incident.get('example-lab-2099')!;
const second = kb.incident.get('second-example-2099')!;
const third = kb.incident.get('third-example-2098')!;

describe('questions and injects', () => {
  it('groups questions by audience in the vocabulary order, keeping the writer\'s order inside each group', () => {
    const groups = groupQuestionsByAudience(second.data.training.questions);
    expect(groups.map((g) => g.audience)).toEqual(['it-security', 'board']);
    expect(groups[0]!.questions.map((q) => q.question)).toEqual(['First?', 'Third?']);
    expect(groups[1]!.questions.map((q) => q.question)).toEqual(['Second?', 'Fourth?', 'Fifth?']);
    expect(groups[1]!.label).toBe('Boards and executives');
  });

  it('loses no question and invents no empty group', () => {
    const groups = groupQuestionsByAudience(lab.data.training.questions);
    expect(groups.flatMap((g) => g.questions)).toHaveLength(lab.data.training.questions.length);
    expect(groups.every((g) => g.questions.length > 0)).toBe(true);
    expect(groupQuestionsByAudience([])).toEqual([]);
  });

  it('groups injects by phase in order of first appearance, even when a phase comes back later', () => {
    const phases = groupInjectsByPhase(second.data.training.injects);
    expect(phases.map((p) => p.phase)).toEqual(['Day 1', 'Day 3']);
    expect(phases[0]!.injects.map((i) => i.text)).toEqual(['Clinics are cancelled.', 'A clinician asks for paper forms.']);
  });
});

describe('catalogue filters', () => {
  it('reads known filter values from the URL and ignores anything else', () => {
    expect(parseCatalogueFilters(new URLSearchParams('audience=eprr&topic=ransomware&length=60'))).toEqual({ audience: 'eprr', topic: 'ransomware', length: 60 });
    expect(parseCatalogueFilters(new URLSearchParams('audience=ceo&topic=&length=45&x=1'))).toEqual({});
  });

  it('writes a canonical query that reads back to the same filters', () => {
    const filters = { length: 90, audience: 'board', topic: 'regulation' } as const;
    const query = catalogueQuery(filters);
    expect(query).toBe('?audience=board&topic=regulation&length=90');
    expect(parseCatalogueFilters(new URLSearchParams(query))).toEqual(filters);
    expect(catalogueQuery({})).toBe('');
  });

  it('keeps a case study only when it fits every filter that is set', () => {
    const tags = lab.data.training;
    expect(matchesCatalogueFilters(tags, {})).toBe(true);
    expect(matchesCatalogueFilters(tags, { audience: 'clinicians', length: 30 })).toBe(true);
    expect(matchesCatalogueFilters(tags, { audience: 'clinicians', length: 90 })).toBe(false);
    expect(filterCatalogue(kb.incidents, { topic: 'ransomware' }).map((i) => i.id).sort()).toEqual(['example-lab-2099', 'second-example-2099']);
    expect(filterCatalogue(kb.incidents, { audience: 'board', topic: 'regulation' }).map((i) => i.id)).toEqual([third.id]);
  });

  it('describes the filters in words for the status line', () => {
    expect(describeFilters({ audience: 'eprr', length: 60 })).toBe('for emergency preparedness (EPRR), that run in 60 minutes');
    expect(describeFilters({ audience: 'it-security', topic: 'data-breach' })).toBe('for IT and cyber security teams, on data breach');
  });

  it('counts case studies per value and leaves out values nobody has', () => {
    const facets = catalogueFacets(kb.incidents);
    expect(facets.topics.find((t) => t.value === 'ransomware')?.count).toBe(2);
    expect(facets.audiences.find((a) => a.value === 'board')?.count).toBe(2);
    expect(facets.audiences.some((a) => a.value === 'suppliers')).toBe(false);
    expect(facets.lengths.map((l) => [l.value, l.count])).toEqual([[30, 1], [60, 1], [90, 2]]);
  });
});

describe('recovery time', () => {
  it('is exact when both dates are known to the day', () => {
    const time = recoveryTime(second.data.dates)!;
    expect([time.minDays, time.maxDays, time.exact]).toEqual([14, 14, true]);
    expect(time.label).toBe('14 days (about 2 weeks)');
  });

  it('gives a range, never a made-up exact figure, when the end is known only to the month', () => {
    // Started 3 June, resolved some day in September: 1 September is 90 days on, 30 September 119.
    const time = recoveryTime(lab.data.dates)!;
    expect([time.minDays, time.maxDays, time.exact]).toEqual([90, 119, false]);
    expect(time.label).toBe('between 90 and 119 days (3 to 4 months)');
  });

  it('handles a start known only to the month or year', () => {
    const words = (from: string, to: string) => {
      const span = durationBetween(date(from), date(to))!;
      return formatDayRange(span.minDays, span.maxDays);
    };
    expect(durationBetween(date('2024-06'), date('2024-06-20'))).toMatchObject({ minDays: 0, maxDays: 19 });
    expect(words('2024-06', '2024-06-20')).toBe('up to 19 days (about 3 weeks)');
    // Began 3 June, over "in 2024": it cannot have taken longer than to 31 December (211 days).
    expect(words('2024-06-03', '2024')).toBe('up to 211 days (about 7 months)');
    expect(durationBetween(date('2017'), date('2017-05-19'))).toMatchObject({ minDays: 0, maxDays: 138 });
    expect(words('2024-06-03', '2024-06-03')).toBe('0 days');
    expect(words('2024-06-03', '2024-06-04')).toBe('1 day');
  });

  it('says nothing when there is no end date or the end is before the start', () => {
    const { resolved: _resolved, ...open } = lab.data.dates;
    expect(recoveryTime(open)).toBeUndefined();
    expect(durationBetween(date('2024-06-03'), date('2024-05-01'))).toBeUndefined();
  });
});

describe('time to recovery, over the real content', () => {
  const real = knowledgeBaseFrom(join(root, 'content'));

  it('is the same on the incident page, the case study and compare, and the timeline', () => {
    const checked: string[] = [];
    for (const incident of real.incidents) {
      const row = factRows(incident).find((r) => r.key === 'recovery')!.items[0]?.text;
      const panel = glanceView(incident, real.controls).items.find((item) => item.key === 'when')!.facts.map((f) => f.parts.map((p) => p.text).join('')).join(' ');
      const bar = itemSpan(timelineItemFromIncident(incident)).summary;
      if (row === undefined) {
        // No figure and no resolution date: neither the panel nor the timeline may claim one.
        expect(panel, incident.id).not.toMatch(/restored|to come back/);
        expect(bar, incident.id).toMatch(/end not recorded/);
        continue;
      }
      expect(panel, `${incident.id}: the panel says "${panel}", the case study "${row}"`).toContain(row);
      expect(bar, `${incident.id}: the timeline says "${bar}", the case study "${row}"`).toContain(row);
      checked.push(incident.id);
    }
    // The rule matters where both a days-to-restore figure and a resolution date are recorded.
    expect(checked).toContain('synnovis-pathology-2024');
  });

  it('takes the days to restore when a source gives them, over a resolution date known only to the year', () => {
    const synnovis = real.incident.get('synnovis-pathology-2024')!;
    expect(synnovis.data.dates.resolved?.date.precision).toBe('year');
    const recovery = recoveryOf(synnovis.data)!;
    expect(recovery.basis).toBe('figure');
    expect(factRows(synnovis).find((r) => r.key === 'recovery')!.items[0]!.text).toBe(`up to ${synnovis.data.impactSummary.daysToRestore!.value} days`);
  });
});

describe('key facts and compare rows', () => {
  it('states the attacker with its attribution, and says why none is named when none is', () => {
    const attacker = (id: string) => factRows(kb.incident.get(id)!).find((r) => r.key === 'attacker')!;
    expect(attacker('example-lab-2099').items).toEqual([expect.objectContaining({ text: 'ExampleGang', href: '/actors/examplegang/', note: 'claimed by the attacker' })]);
    expect(attacker('second-example-2099').items).toEqual([]);
    expect(attacker('second-example-2099').empty).toBe('No group has been named.');
  });

  it('writes impact figures with their qualifier, unit and as-of date, keeping the sources', () => {
    const impact = factRows(lab).find((r) => r.key === 'impact')!;
    expect(impact.items[0]).toMatchObject({ text: 'Appointments postponed: more than 1,000 appointments', note: 'as of 1 July 2099', sources: ['s1'] });
  });

  it('names the supplier with its product and role', () => {
    const supplier = factRows(lab).find((r) => r.key === 'supplier')!;
    expect(supplier.items[0]).toMatchObject({ text: 'Example Labs (Example Lab System)', href: '/vendors/example-labs/', note: 'compromised supplier' });
  });

  it('leaves controls out of the key facts but keeps rows with nothing to say about attacker and recovery', () => {
    const keys = keyFacts(second).map((r) => r.key);
    expect(keys).not.toContain('controls');
    expect(keys).toContain('attacker');
    expect(keys).not.toContain('vulnerabilities');
  });

  it('lines up one cell per incident in every row, in the order given', () => {
    const table = compareTable([lab, second]);
    expect(table.incidents.map((i) => i.id)).toEqual(['example-lab-2099', 'second-example-2099']);
    for (const row of table.rows) expect(row.cells).toHaveLength(2);
    const recovery = table.rows.find((r) => r.key === 'recovery')!;
    expect(recovery.cells.map((c) => c.items[0]?.text)).toEqual(['between 90 and 119 days (3 to 4 months)', '14 days (about 2 weeks)']);
    const controls = table.rows.find((r) => r.key === 'controls')!;
    expect(controls.cells[1]!.items[0]).toMatchObject({ text: 'Multi-factor authentication', href: '/controls/charter-mfa/', note: 'detect; our analysis' });
  });
});

describe('compare pairs', () => {
  const pairs = comparePairs(kb.incidents);

  it('makes one slug per pair whatever the order', () => {
    expect(pairSlug('b-2024', 'a-2023')).toBe(pairSlug('a-2023', 'b-2024'));
    expect(pairSlug('a-2023', 'b-2024')).toBe('a-2023--vs--b-2024');
  });

  it('includes the pair a writer named, marked curated, with the reasons in words', () => {
    const named = pairs.find((p) => p.slug === pairSlug('example-lab-2099', 'second-example-2099'));
    expect(named?.curated).toBe(true);
    expect(named?.reasons).toContain('both ransomware');
    expect(named?.reasons.some((r) => r.includes('control'))).toBe(true);
  });

  it('never pairs an incident with itself or lists a pair twice', () => {
    for (const pair of pairs) expect(pair.incidents[0].id).not.toBe(pair.incidents[1].id);
    expect(new Set(pairs.map((p) => p.slug)).size).toBe(pairs.length);
  });

  it('pairs incidents that share something, and leaves out those that share nothing', () => {
    // The third incident shares only an attack type (data theft) with the lab attack, and nothing
    // but an audience and a session length with the second: only the first pair is worth a page.
    const thirdPairs = pairsFor(indexComparePairs(pairs), 'third-example-2098');
    expect(thirdPairs.map((p) => p.other.id)).toEqual(['example-lab-2099']);
    expect(thirdPairs[0]!.pair.curated).toBe(false);
    expect(thirdPairs[0]!.pair.reasons).toEqual(['both data theft and extortion']);
  });

  it('lists the pairs of one incident with the other incident to link to', () => {
    const mine = pairsFor(indexComparePairs(pairs), 'second-example-2099');
    expect(mine.map((m) => m.other.id)).toEqual(['example-lab-2099']);
  });

  it('prerenders at most one page per incident: its first named incident, else the one most like it', () => {
    const real = knowledgeBaseFrom(`${root}/content`);
    const realPairs = comparePairs(real.incidents);
    expect(realPairs.length).toBeLessThanOrEqual(real.incidents.length);
    const slugs = new Set(realPairs.map((p) => p.slug));
    const similar = mostSimilar(real.incidents, 1);
    for (const incident of real.incidents) {
      const named = incident.data.training.compareWith[0];
      const closest = named ?? similar.get(incident.id)?.[0]?.id;
      if (closest) expect(slugs.has(pairSlug(incident.id, closest)), `${incident.id} and its closest match ${closest}`).toBe(true);
    }
    // Every pair is someone's closest match: nothing else gets a page.
    for (const pair of realPairs) {
      const [a, b] = pair.incidents;
      const closestOf = (x: typeof a) => x.data.training.compareWith[0] ?? similar.get(x.id)?.[0]?.id;
      expect(closestOf(a) === b.id || closestOf(b) === a.id, pair.slug).toBe(true);
    }
  });
});

describe('controls that would have helped', () => {
  it('orders them prevent, detect, limit, recover and carries framework, basis and reasoning', () => {
    const { contentDir } = makeContent([
      { file: 'controls/caf-d1.yaml', create: 'name: Response and recovery planning\nframework: ncsc-caf\nreference: D1\nsummary: Plans exist and are tested.\n' },
      {
        file: 'incidents/example-lab-2099.md',
        replace: 'controls:\n',
        with: 'controls:\n  - { control: caf-d1, effect: recover, basis: sourced, reasoning: The plan was untested., sources: [s1] }\n',
      },
    ]);
    const model = knowledgeBaseFrom(contentDir);
    const helped = controlsThatHelped(model.incident.get('example-lab-2099')!);
    expect(helped.map((c) => c.effect)).toEqual(['prevent', 'recover']);
    expect(helped[1]).toMatchObject({ id: 'caf-d1', framework: 'NCSC Cyber Assessment Framework', reference: 'D1', basis: 'sourced', sources: ['s1'] });
  });
});

describe('session plans', () => {
  it('fills exactly the session length, step after step, for every length the schema allows', () => {
    for (const minutes of [30, 60, 90] as const) {
      for (const incident of [lab, second]) {
        const plan = sessionPlan(minutes, incident.data.training);
        expect(plan[0]!.from).toBe(0);
        expect(plan.at(-1)!.to).toBe(minutes);
        plan.forEach((step, i) => {
          expect(step.to).toBeGreaterThan(step.from);
          if (i > 0) expect(step.from).toBe(plan[i - 1]!.to);
        });
      }
    }
  });

  it('gives the injects their own block only when there are injects and time for them', () => {
    const hasExercise = (plan: { activity: string }[]) => plan.some((s) => s.activity.startsWith('Run the exercise'));
    expect(hasExercise(sessionPlan(60, second.data.training))).toBe(true);
    expect(sessionPlan(60, second.data.training).find((s) => s.activity.startsWith('Run the exercise'))!.activity).toContain('2 phases');
    expect(hasExercise(sessionPlan(30, second.data.training))).toBe(false);
    expect(hasExercise(sessionPlan(90, { ...second.data.training, injects: [] }))).toBe(false);
  });

  it('names the block of the plan each step belongs to, and splits a block into whole minutes that add up', () => {
    const plan = sessionPlan(60, second.data.training);
    expect(plan.map((step) => step.block)).toEqual(['scene', 'exercise', 'discussion', 'controls', 'close']);
    const phases = splitBlock(plan, 'exercise', 3)!;
    expect(phases).toEqual([{ from: 10, to: 17 }, { from: 17, to: 23 }, { from: 23, to: 30 }]);
    expect(splitBlock(sessionPlan(30, second.data.training), 'exercise', 2)).toBeUndefined();
  });

  it('never suggests more questions than the case study has', () => {
    const plan = sessionPlan(90, { ...second.data.training, injects: [] });
    expect(plan.find((s) => s.activity.startsWith('Discuss'))!.activity).toBe('Discuss 5 of the 5 questions, starting with those for your audience.');
    expect(sessionPlan(30, lab.data.training).find((s) => s.activity.startsWith('Discuss'))!.activity).toBe('Discuss 3 of the 5 questions, starting with those for your audience.');
  });
});
