import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/lib/model.ts';
import { keyDates, leadSentence, vendorsInvolved } from '../../src/lib/incident-view.ts';
import { glanceView, howSureView } from '../../src/lib/views/glance.ts';
import { collectionsFrom } from '../helpers/model.ts';
import { goodFixture } from '../helpers/fixtures.ts';

function fixtureIncident(change?: (data: Record<string, unknown>) => Record<string, unknown>) {
  const input = collectionsFrom(goodFixture);
  const entry = input.incidents[0]!;
  if (change) entry.data = change({ ...entry.data }) as typeof entry.data;
  return buildKnowledgeBase(input).incident.get('example-lab-2099')!;
}

describe('key dates', () => {
  it('lists the known dates in the order they happen, keeping each precision', () => {
    const dates = keyDates(fixtureIncident());
    expect(dates.map((d) => d.label)).toEqual(['Started', 'First disclosed', 'Services restored or closed']);
    expect(dates.at(-1)?.date).toEqual({ value: '2099-09', precision: 'month' });
  });
});

describe('how sure are we', () => {
  it('gives the basis of the attribution and the data exposed, each with its certainty', () => {
    const sure = howSureView(fixtureIncident());
    const who = sure.topics.find((t) => t.topic === 'Who did it');
    expect(who?.statements).toEqual([expect.objectContaining({ text: 'The group said it was responsible.', certainty: expect.objectContaining({ level: 'claimed' }) })]);
    expect(sure.topics.find((t) => t.topic === 'Data exposed')?.statements[0]?.certainty?.level).toBe('confirmed');
  });

  it('lists only the events and figures that are not confirmed among the unconfirmed', () => {
    const sure = howSureView(fixtureIncident());
    expect(sure.unconfirmed).toEqual([expect.objectContaining({ topic: '20 June 2099', text: 'Data published by the group.', certainty: expect.objectContaining({ level: 'claimed' }) })]);
  });

  it('adds the initial access when the incident records it, and keeps the unknowns', () => {
    const sure = howSureView(fixtureIncident((data) => ({ ...data, initialAccess: { description: 'A stolen password. It was used twice.', certainty: 'suspected', sources: ['s2'] } })));
    expect(sure.topics.find((t) => t.topic === 'How they got in')?.statements[0]?.certainty?.level).toBe('suspected');
    expect(sure.unknowns).toEqual(['How the attackers got in.']);
  });
});

describe('the at-a-glance panel', () => {
  it('shows the first sentence of how they got in, with the rest one move away', () => {
    const incident = fixtureIncident((data) => ({ ...data, initialAccess: { description: 'A stolen password. It was used twice.', certainty: 'suspected', sources: ['s2'] } }));
    const wayIn = glanceView(incident, new Map()).items.find((item) => item.key === 'way-in');
    expect(wayIn?.facts[0]?.parts).toEqual([{ text: 'A stolen password.' }]);
    expect(wayIn?.facts[0]?.certainty?.level).toBe('suspected');
    expect(wayIn?.more?.href).toBe('#how-sure');
  });

  it('formats the impact summary once, GOV.UK style, and keeps a claimed ransom marked as claimed', () => {
    const incident = fixtureIncident((data) => ({
      ...data,
      impactSummary: {
        appointmentsPostponed: { value: 10152, qualifier: 'exact', asOf: { value: '2099-07', precision: 'month' }, certainty: 'confirmed', sources: ['s1'] },
        cost: { value: 32700000, qualifier: 'about', currency: 'gbp', asOf: { value: '2099', precision: 'year' }, certainty: 'confirmed', sources: ['s1'] },
        ransom: { demanded: { value: 50, qualifier: 'exact', currency: 'btc', asOf: { value: '2099', precision: 'year' }, certainty: 'claimed', sources: ['s2'] } },
      },
    }));
    const items = glanceView(incident, new Map()).items;
    const impact = items.find((item) => item.key === 'impact')!;
    expect(impact.facts.map((f) => f.parts[0]?.text)).toEqual(['10,152 appointments postponed', 'cost about £32.7m']);
    expect(impact.facts[0]?.asOf).toBe('as of July 2099');
    const ransom = items.find((item) => item.key === 'ransom')!;
    expect(ransom.facts[0]?.parts[0]?.text).toBe('50 BTC demanded');
    expect(ransom.facts[0]?.certainty?.level).toBe('claimed');
  });
});

describe('the lead sentence', () => {
  it('ends at the first full stop before a new sentence, not inside a name or a version', () => {
    expect(leadSentence('Not disclosed. The trust said nothing.')).toBe('Not disclosed.');
    expect(leadSentence('Fixed in v12.3. St. Thomas said more.')).toBe('Fixed in v12.3.');
    expect(leadSentence('One sentence only')).toBe('One sentence only');
  });
});

describe('vendors involved', () => {
  it('lists the breached supplier, then the product exploited through a CVE', () => {
    const kb = buildKnowledgeBase(collectionsFrom(goodFixture));
    expect(vendorsInvolved(kb.incident.get('example-lab-2099')!)).toEqual([
      { role: 'compromised-supplier', vendorId: 'example-labs', vendorName: 'Example Labs', productNames: ['Example Lab System'] },
      { role: 'vulnerable-product', vendorId: 'example-labs', vendorName: 'Example Labs', productNames: ['Example Lab System'] },
    ]);
  });
});
