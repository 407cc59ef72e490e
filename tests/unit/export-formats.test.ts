import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { uuidV5 } from '../../src/lib/export/uuid.ts';
import { csvField, defuseFormula, joinValues, restoreFormula, toCsv } from '../../src/lib/export/csv.ts';
import { escapeXml } from '../../src/lib/export/xml.ts';
import { attackUrl } from '../../src/lib/export/attack.ts';
import { absoluteUrl, stripBase } from '../../src/lib/export/site-url.ts';

describe('UUID version 5', () => {
  it('matches the RFC 9562 / Python uuid5 reference values', () => {
    // uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com') in Python.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('is stable, sets version 5 and the RFC variant, and separates names', () => {
    const ns = '07196513-fa7b-4665-929f-0954d8f93140';
    const a = uuidV5(ns, 'incident|synnovis-pathology-2024');
    expect(uuidV5(ns, 'incident|synnovis-pathology-2024')).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV5(ns, 'incident|synnovis-pathology-2025')).not.toBe(a);
    expect(uuidV5(ns, 'ünïcode name')).toMatch(/^[0-9a-f-]{36}$/);
  });
  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(/not a UUID/);
  });
});

describe('CSV writer (RFC 4180)', () => {
  const awkward = [
    'plain',
    'a, comma',
    'a "quoted" word',
    'two\nlines',
    'windows\r\nline end',
    '"starts and ends with quotes"',
    '  leading and trailing spaces  ',
    '',
    'Pathology — £32.7m, “smart” quotes; é',
    ',',
    '"',
  ];

  it('round-trips awkward text through a real CSV parser', () => {
    const header = ['id', 'text', 'number'];
    const rows = awkward.map((text, i) => [`row-${i}`, text, i * 1.5]);
    const csv = toCsv(header, rows);
    const parsed = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(parsed.map((r) => r.text)).toEqual(awkward);
    expect(parsed.map((r) => Number(r.number))).toEqual(awkward.map((_, i) => i * 1.5));
    expect(parsed.map((r) => r.id)).toEqual(awkward.map((_, i) => `row-${i}`));
  });

  it('quotes only when needed and ends every record with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a "b"')).toBe('"a ""b"""');
    expect(csvField(undefined)).toBe('');
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('refuses a row with the wrong number of fields, saying which', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/row 1 has 1 fields but the header has 2/);
  });

  it('joins multi-values with one separator and skips empty ones', () => {
    expect(joinValues(['a', undefined, '', 'b'])).toBe('a; b');
  });

  it('defuses spreadsheet formulas and can restore the text', () => {
    for (const text of ['=1+2', '+SUM(A1)', '@cmd', '-x', '\tstart']) {
      expect(defuseFormula(text)).toBe(`'${text}`);
      expect(restoreFormula(defuseFormula(text))).toBe(text);
    }
    expect(defuseFormula('-5 days')).toBe('-5 days');
    expect(defuseFormula("'quoted'")).toBe("'quoted'");
    expect(restoreFormula("'quoted'")).toBe("'quoted'");
  });
});

describe('XML escaping', () => {
  it('keeps the document well formed and the text intact, in content and attributes', () => {
    const text = `Tom & Jerry's <b>"bold"</b> ]]> \u0001 end`;
    const xml = `<?xml version="1.0"?><root title="${escapeXml(text)}">${escapeXml(text)}</root>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false, attributeNamePrefix: '' }).parse(xml);
    const expected = text.replace('\u0001', '');
    expect(parsed.root['#text']).toBe(expected);
    expect(parsed.root.title).toBe(expected);
  });
});

describe('addresses', () => {
  it('builds absolute URLs under a base path and strips it again', () => {
    expect(absoluteUrl({ site: 'https://kb.example.org', base: '/kb/' }, '/incidents/x/')).toBe('https://kb.example.org/kb/incidents/x/');
    expect(absoluteUrl({ site: 'https://kb.example.org/', base: '/' }, '/feed.xml')).toBe('https://kb.example.org/feed.xml');
    expect(stripBase('/kb/', '/kb/actors/x/')).toBe('/actors/x/');
    expect(stripBase('/kb/', '/kb/')).toBe('/');
    expect(stripBase('/', '/actors/')).toBe('/actors/');
  });
  it('links ATT&CK ids to their pages and rejects anything else', () => {
    expect(attackUrl('T1566.001')).toBe('https://attack.mitre.org/techniques/T1566/001/');
    expect(attackUrl('G1050')).toBe('https://attack.mitre.org/groups/G1050/');
    expect(attackUrl('S1242')).toBe('https://attack.mitre.org/software/S1242/');
    expect(attackUrl('M1032')).toBe('https://attack.mitre.org/mitigations/M1032/');
    expect(() => attackUrl('X1')).toThrow(/not an ATT&CK id/);
  });
});

describe('JSON-LD', async () => {
  const { serialiseJsonLd } = await import('../../src/lib/export/json-ld.ts');
  it('cannot close its script block and parses back to the same text', () => {
    const value = { headline: 'Evil </script><script>alert(1)</script> & "quotes"' };
    const text = serialiseJsonLd(value);
    expect(text).not.toContain('<');
    expect(text).not.toContain('>');
    expect(JSON.parse(text)).toEqual(value);
  });
});
