import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';
import { buildExportFile, serialiseJson } from '../../src/lib/export/json.ts';
import { exportFileNames, exportJsonSchema, schemaVersion, type IncidentOutput, type VulnerabilityOutput } from '../../src/lib/export/schema.ts';
import { impactSummaryFields } from '../../src/schemas/impact-summary.ts';
import { describeFields } from '../../src/lib/export/field-docs.ts';
import { buildIncidentsCsv, incidentCsvColumns } from '../../src/lib/export/incidents-csv.ts';
import { restoreFormula } from '../../src/lib/export/csv.ts';
import type { KnowledgeBase } from '../../src/lib/model.ts';

const ctx = { site: 'https://kb.example.org', base: '/kb/' };
const kb = knowledgeBaseFrom();
const xssKb = knowledgeBaseFrom(join(root, 'tests/fixtures/xss'));
/** The real content: the only place every optional field (impact summary, lessons, fix versions...) is filled. */
const contentKb = knowledgeBaseFrom(join(root, 'content'));

const validators = new Map<string, ReturnType<Ajv2020['compile']>>();
function validator(name: (typeof exportFileNames)[number]) {
  const known = validators.get(name);
  if (known) return known;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // The schemas use the standard "uri" format; ajv leaves format checking to plug-ins, so define it.
  ajv.addFormat('uri', (text: string) => URL.canParse(text));
  const validate = ajv.compile(exportJsonSchema(name, `https://kb.example.org/kb/data/schema/${name}.json`));
  validators.set(name, validate);
  return validate;
}

/** Every key path in a JSON value, arrays written as "[]", as the field docs write them. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, `${prefix}[]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return child === undefined ? [] : [path, ...keyPaths(child, path)];
    });
  }
  return [];
}

describe('JSON exports', () => {
  it.each(exportFileNames)('%s.json validates against its published JSON Schema', (name) => {
    for (const base of [kb, xssKb, contentKb]) {
      const data = JSON.parse(serialiseJson(buildExportFile(name, base, ctx)));
      const validate = validator(name);
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      expect(data.schemaVersion).toBe(schemaVersion);
      expect(data.$schema).toBe(`https://kb.example.org/kb/data/schema/${name}.json`);
    }
  });

  it('the schema rejects what it should: an unknown field, a wrong vocabulary value, a missing field', () => {
    const validate = validator('incidents');
    const good = JSON.parse(serialiseJson(buildExportFile('incidents', kb, ctx)));
    const withExtra = structuredClone(good);
    withExtra.incidents[0].surprise = true;
    expect(validate(withExtra)).toBe(false);
    const badRole = structuredClone(good);
    badRole.incidents[0].organisations[0].role = 'bystander';
    expect(validate(badRole)).toBe(false);
    const noDate = structuredClone(good);
    delete noDate.incidents[0].dates.started;
    expect(validate(noDate)).toBe(false);
  });

  it('has one record per entry, and every reference resolves to a record in the other files', () => {
    const file = (name: (typeof exportFileNames)[number]) => buildExportFile(name, kb, ctx)[name] as { id: string; incidents?: string[] }[];
    const incidents = file('incidents') as unknown as IncidentOutput[];
    const counts: Record<string, number> = {
      incidents: kb.incidents.length,
      actors: kb.actors.size,
      vendors: kb.vendors.size,
      organisations: kb.organisations.size,
      vulnerabilities: kb.vulnerabilities.size,
      'attack-types': kb.attackTypes.size,
      controls: kb.controls.size,
    };
    for (const name of exportFileNames) expect(file(name)).toHaveLength(counts[name]!);
    const ids = (name: (typeof exportFileNames)[number]) => new Set(file(name).map((r) => r.id));
    for (const incident of incidents) {
      for (const a of incident.actors) expect(ids('actors').has(a.id)).toBe(true);
      for (const v of incident.vendors) expect(ids('vendors').has(v.id)).toBe(true);
      for (const o of incident.organisations) expect(ids('organisations').has(o.id)).toBe(true);
      for (const v of incident.vulnerabilities) expect(ids('vulnerabilities').has(v.id)).toBe(true);
      for (const t of incident.attackTypes) expect(ids('attack-types').has(t.id)).toBe(true);
      for (const c of incident.controls) expect(ids('controls').has(c.id)).toBe(true);
      const sourceIds = new Set(incident.sources.map((s) => s.id));
      const cited = [incident.dates.started, ...incident.actors, ...incident.organisations, ...incident.chronology, ...incident.impact].flatMap((x) => x.sources);
      for (const id of cited) expect(sourceIds.has(id)).toBe(true);
    }
    const incidentIds = new Set(incidents.map((i) => i.id));
    for (const name of exportFileNames.filter((n) => n !== 'incidents')) {
      for (const record of file(name)) for (const id of record.incidents ?? []) expect(incidentIds.has(id)).toBe(true);
    }
  });

  it('keeps dates at their precision and resolves names and permalinks', () => {
    const [incident] = buildExportFile('incidents', kb, ctx).incidents as IncidentOutput[];
    expect(incident!.dates.resolved?.date).toEqual({ value: '2099-09', precision: 'month' });
    expect(incident!.url).toBe('https://kb.example.org/kb/incidents/example-lab-2099/');
    expect(incident!.actors[0]).toMatchObject({ id: 'examplegang', name: 'ExampleGang', attribution: 'claimed', url: 'https://kb.example.org/kb/actors/examplegang/' });
    expect(incident!.vendors[0]!.products).toEqual([{ id: 'lab-system', name: 'Example Lab System' }]);
    expect(incident!.techniques[0]!.url).toBe('https://attack.mitre.org/techniques/T1486/');
  });

  it('carries the impact summary as the content gives it, and leaves out what no source gives (never 0)', () => {
    // As published: the serialised file, where an absent field is really absent.
    const records = JSON.parse(serialiseJson(buildExportFile('incidents', contentKb, ctx))).incidents as IncidentOutput[];
    let given = 0;
    for (const record of records) {
      const summary = contentKb.incident.get(record.id)!.data.impactSummary;
      for (const field of impactSummaryFields) {
        if (summary[field] === undefined) {
          expect(record.impactSummary, `${record.id}: ${field} is unknown, so it is left out`).not.toHaveProperty(field);
        } else {
          given += 1;
          expect(record.impactSummary[field], `${record.id}: ${field}`).toEqual(JSON.parse(JSON.stringify(summary[field])));
        }
      }
    }
    expect(given).toBeGreaterThan(0);
  });

  it('carries lessons, technique basis and reasoning, impact series, fix versions and why no source is primary', () => {
    const records = buildExportFile('incidents', contentKb, ctx).incidents as IncidentOutput[];
    for (const record of records) {
      const data = contentKb.incident.get(record.id)!.data;
      expect(record.lessons, record.id).toEqual(data.lessons.map((l) => ({ text: l.text, basis: l.basis, sources: l.sources, controls: l.controls })));
      expect(record.techniques.map((t) => [t.id, t.basis, t.reasoning]), record.id).toEqual(data.techniques.map((t) => [t.id, t.basis, t.reasoning]));
      expect(record.impact.map((f) => f.series), record.id).toEqual(data.impact.map((f) => f.series));
      expect(record.noPrimarySource, record.id).toBe(data.noPrimarySource);
    }
    expect(records.some((r) => r.noPrimarySource)).toBe(true);
    const vulnerabilities = buildExportFile('vulnerabilities', contentKb, ctx).vulnerabilities as VulnerabilityOutput[];
    for (const record of vulnerabilities) {
      const data = contentKb.vulnerabilities.get(record.id.toLowerCase())!.data;
      expect([record.affectedVersions, record.fixedVersions, record.advisory, record.fixSources, record.fixNote], record.id).toEqual([data.affectedVersions, data.fixedVersions, data.advisory, data.fixSources, data.fixNote]);
      for (const id of [record.advisory, ...record.fixSources].filter(Boolean)) expect(record.sources.map((s) => s.id), `${record.id} cites ${id}`).toContain(id);
    }
  });

  it('says how sure each CVE link is: a bare CVE id is confirmed, the object form gives its own certainty and sources', () => {
    const [bare] = buildExportFile('incidents', kb, ctx).incidents as IncidentOutput[];
    expect(bare!.vulnerabilities[0]).toMatchObject({ id: 'CVE-2099-0001', certainty: 'confirmed', sources: [] });
    const incident = kb.incidents[0]!;
    const linked = { ...incident, data: { ...incident.data, vulnerabilities: [{ cve: 'CVE-2099-0001', certainty: 'reported' as const, sources: ['s2'], note: 'Only the press names it.' }] } };
    const [record] = buildExportFile('incidents', { ...kb, incidents: [linked] }, ctx).incidents as IncidentOutput[];
    expect(record!.vulnerabilities[0]).toMatchObject({ id: 'CVE-2099-0001', certainty: 'reported', sources: ['s2'], note: 'Only the press names it.' });
  });

  it('documents every field that appears in the data', () => {
    for (const name of exportFileNames) {
      const documented = new Set(describeFields(exportJsonSchema(name, 'https://x/')).map((f) => f.path));
      for (const base of [kb, xssKb, contentKb]) {
        for (const path of keyPaths(buildExportFile(name, base, ctx))) expect(documented, `${name}: ${path}`).toContain(path);
      }
    }
  });

  it('is the same text on every export (no build clock, stable order)', () => {
    const shuffled: KnowledgeBase = { ...kb, incidents: [...kb.incidents].reverse() };
    for (const name of exportFileNames.filter((n) => n !== 'incidents')) {
      expect(serialiseJson(buildExportFile(name, shuffled, ctx))).toBe(serialiseJson(buildExportFile(name, kb, ctx)));
    }
    expect(serialiseJson(buildExportFile('incidents', kb, ctx))).toBe(serialiseJson(buildExportFile('incidents', knowledgeBaseFrom(), ctx)));
  });
});

describe('incidents.csv', () => {
  const parse = (csv: string) => parseCsv(csv, { columns: true, bom: true }) as Record<string, string>[];

  it('has the documented header, a BOM and one row per incident', () => {
    const csv = buildIncidentsCsv(kb, ctx);
    expect(csv.startsWith('\uFEFFid,title,url,')).toBe(true);
    const rows = parse(csv);
    expect(Object.keys(rows[0]!)).toEqual(incidentCsvColumns.map((c) => c.name));
    expect(rows).toHaveLength(kb.incidents.length);
  });

  it('parses back into the same values as the JSON, even with markup, quotes, commas and line breaks', () => {
    const awkward = knowledgeBaseFrom(join(root, 'tests/fixtures/xss'));
    const incident = awkward.incidents[0]!;
    // Give the summary every character CSV must protect, and a formula start.
    incident.data = { ...incident.data, summary: `=HYPERLINK("x") one, "two"\nthree\r\nfour ${incident.data.summary}` };
    const rows = parse(buildIncidentsCsv(awkward, ctx));
    const json = buildExportFile('incidents', awkward, ctx).incidents as IncidentOutput[];
    expect(rows).toHaveLength(json.length);
    rows.forEach((row, i) => {
      const record = json[i]!;
      expect(row.id).toBe(record.id);
      expect(restoreFormula(row.title!)).toBe(record.title);
      expect(restoreFormula(row.summary!)).toBe(record.summary);
      expect(row.summary!.startsWith("'=")).toBe(true);
      expect(row.url).toBe(record.url);
      expect(row.started).toBe(record.dates.started.date.value);
      expect(row.resolved_precision).toBe(record.dates.resolved?.date.precision ?? '');
      expect(row.actor_ids!.split('; ').filter(Boolean)).toEqual(record.actors.map((a) => a.id));
      expect(row.actor_attributions!.split('; ').filter(Boolean)).toEqual(record.actors.map((a) => a.attribution));
      expect(row.attack_type_ids!.split('; ')).toEqual(record.attackTypes.map((t) => t.id));
      expect(row.cves!.split('; ').filter(Boolean)).toEqual(record.vulnerabilities.map((v) => v.id));
      expect(Number(row.source_count)).toBe(record.sources.length);
      expect(row.last_reviewed).toBe(record.lastReviewed);
    });
  });

  it('gives the impact summary as plain numbers a spreadsheet can sort, empty (never 0) when unknown, with qualifier and certainty beside them', () => {
    const rows = parse(buildIncidentsCsv(contentKb, ctx));
    const records = buildExportFile('incidents', contentKb, ctx).incidents as IncidentOutput[];
    const figures = {
      days_to_restore: (r: IncidentOutput) => r.impactSummary.daysToRestore,
      appointments_postponed: (r: IncidentOutput) => r.impactSummary.appointmentsPostponed,
      people_data_exposed: (r: IncidentOutput) => r.impactSummary.peopleDataExposed,
      deaths: (r: IncidentOutput) => r.impactSummary.harm?.deaths,
      cost: (r: IncidentOutput) => r.impactSummary.cost,
      ransom_demanded: (r: IncidentOutput) => r.impactSummary.ransom?.demanded,
    };
    let numbers = 0;
    rows.forEach((row, index) => {
      const record = records[index]!;
      for (const [column, figure] of Object.entries(figures)) {
        const known = figure(record);
        expect(row[column], `${record.id}: ${column}`).toBe(known ? String(known.value) : '');
        expect(row[`${column}_qualifier`], `${record.id}: ${column}_qualifier`).toBe(known?.qualifier ?? '');
        expect(row[`${column}_certainty`], `${record.id}: ${column}_certainty`).toBe(known?.certainty ?? '');
        if (known) numbers += 1;
        // A plain number: no thousands separator, no unit, no currency sign.
        if (known) expect(row[column]).toMatch(/^\d+(\.\d+)?$/);
      }
      expect(row.cost_currency).toBe(record.impactSummary.cost?.currency ?? '');
      expect(row.ransom_payment).toBe(record.impactSummary.ransom?.payment?.status ?? '');
      expect([row.lesson_1, row.lesson_2, row.lesson_3].filter(Boolean)).toEqual(record.lessons.map((l) => l.text));
      expect(row.technique_certainties!.split('; ').filter(Boolean)).toEqual(record.techniques.map((t) => t.certainty));
      expect(row.technique_bases!.split('; ').filter(Boolean)).toEqual(record.techniques.map((t) => t.basis));
      expect(row.cve_certainties!.split('; ').filter(Boolean)).toEqual(record.vulnerabilities.map((v) => v.certainty));
      expect(row.no_primary_source).toBe(record.noPrimarySource ?? '');
    });
    expect(numbers).toBeGreaterThan(0);
  });

  it('leaves no cell that a spreadsheet would run as a formula', () => {
    for (const cell of (parseCsv(buildIncidentsCsv(xssKb, ctx), { bom: true }) as string[][]).flat()) {
      expect(cell).not.toMatch(/^([=+@\t\r]|-[^0-9])/);
    }
  });
});
