import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/lib/model.ts';
import { certaintyOverview, keyDates, vendorsInvolved } from '../../src/lib/incident-view.ts';
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

describe('confirmed, claimed and unknown', () => {
  it('puts the attribution with its status and basis, and the data exposed with its certainty', () => {
    const overview = certaintyOverview(fixtureIncident());
    const who = overview.statements.find((s) => s.topic === 'Who did it');
    expect(who).toMatchObject({ certainty: 'claimed', sources: ['s2'] });
    expect(who?.text).toBe('ExampleGang. The group said it was responsible.');
    expect(overview.statements.find((s) => s.topic === 'Data exposed')?.certainty).toBe('confirmed');
  });

  it('lists only the events and figures that are not confirmed among the unconfirmed', () => {
    const overview = certaintyOverview(fixtureIncident());
    expect(overview.unconfirmed).toEqual([
      { topic: '20 June 2099', text: 'Data published by the group.', certainty: 'claimed', sources: ['s2'] },
    ]);
  });

  it('adds the initial access when the incident records it, and keeps the unknowns', () => {
    const overview = certaintyOverview(
      fixtureIncident((data) => ({ ...data, initialAccess: { description: 'A stolen password.', certainty: 'suspected', sources: ['s2'] } })),
    );
    expect(overview.statements.find((s) => s.topic === 'How they got in')?.certainty).toBe('suspected');
    expect(overview.unknowns).toEqual(['How the attackers got in.']);
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
