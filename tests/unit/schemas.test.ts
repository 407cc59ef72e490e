/** Entity schemas accept what the sources give and reject what would mislead a reader. */
import { describe, expect, it } from 'vitest';
import { actorSchema } from '../../src/schemas/actor.ts';
import { organisationSchema } from '../../src/schemas/organisation.ts';
import { vulnerabilitySchema } from '../../src/schemas/vulnerability.ts';
import { controlSchema } from '../../src/schemas/control.ts';
import { sourceSchema } from '../../src/schemas/source.ts';
import { vulnerabilityLinkSchema } from '../../src/schemas/incident.ts';

const source = { id: 'cve', publisher: 'CVE Program', title: 'CVE-2025-4427', url: 'https://www.cve.org/CVERecord?id=CVE-2025-4427', kind: 'primary' };

describe('vulnerability schema', () => {
  const base = { cve: 'cve-2025-4427', name: 'Authentication bypass', summary: 'A flaw.', vendor: 'ivanti', sources: [source] };
  it('stores CVE ids upper case and keeps KEV fields', () => {
    const parsed = vulnerabilitySchema.parse({ ...base, kev: { dateAdded: new Date('2025-05-19T00:00:00Z') } });
    expect(parsed.cve).toBe('CVE-2025-4427');
    expect(parsed.kev?.dateAdded).toEqual({ value: '2025-05-19', precision: 'day' });
    expect(parsed.kev?.knownRansomwareCampaignUse).toBeUndefined();
  });
  it('rejects a CVSS score outside 0-10 and a KEV date without a day', () => {
    expect(vulnerabilitySchema.safeParse({ ...base, cvss: { version: '3.1', score: 11, severity: 'high', vector: 'x' } }).success).toBe(false);
    const monthOnly = vulnerabilitySchema.safeParse({ ...base, kev: { dateAdded: '2025-05' } });
    expect(monthOnly.error?.issues[0]?.message).toContain('needs a full date');
  });
});

describe('actor schema', () => {
  it('accepts ATT&CK group and software ids and rejects technique ids there', () => {
    const actor = { name: 'Qilin', type: 'crime-syndicate', summary: 'A ransomware operation.', sources: [source] };
    expect(actorSchema.parse({ ...actor, attackIds: ['S1242', 'G1050'] }).attackIds).toEqual(['S1242', 'G1050']);
    expect(actorSchema.safeParse({ ...actor, attackIds: ['T1486'] }).success).toBe(false);
  });
  it('needs a source', () => {
    const parsed = actorSchema.safeParse({ name: 'X', type: 'criminal', summary: 'Y', sources: [] });
    expect(parsed.error?.issues[0]?.message).toBe('an actor needs at least one source');
  });
});

describe('organisation and control schemas', () => {
  it('take types and regions from the vocabulary only', () => {
    expect(organisationSchema.safeParse({ name: 'A Trust', type: 'nhs-foundation-trust', region: 'london', odsCode: 'RJ1' }).success).toBe(true);
    const badRegion = organisationSchema.safeParse({ name: 'A Trust', type: 'nhs-trust', region: 'Merseyside' });
    expect(badRegion.error?.issues[0]?.message).toContain('north-west');
    expect(controlSchema.safeParse({ name: 'MFA', framework: 'iso-27001', reference: '1', summary: 'x' }).success).toBe(false);
  });
});

describe('source schema', () => {
  it('keeps the original publisher and the copy host apart', () => {
    const parsed = sourceSchema.parse({ ...source, id: 's1', publisher: 'Sky News', via: 'Daily8', date: '2025-05' });
    expect(parsed.publisher).toBe('Sky News');
    expect(parsed.via).toBe('Daily8');
    expect(parsed.date).toEqual({ value: '2025-05', precision: 'month' });
  });
});

describe("an incident's CVE link", () => {
  it('reads a bare id as named by the organisation or an authority: confirmed, with no sources of its own', () => {
    expect(vulnerabilityLinkSchema.parse('cve-2025-4427')).toEqual({ cve: 'CVE-2025-4427', certainty: 'confirmed', sources: [] });
  });
  it('keeps the object form as written, so a CVE only the press names is not shown as fact', () => {
    const link = { cve: 'CVE-2025-61882', certainty: 'reported', sources: ['blog'], note: 'The trusts name no CVE.' };
    expect(vulnerabilityLinkSchema.parse(link)).toEqual(link);
  });
});
