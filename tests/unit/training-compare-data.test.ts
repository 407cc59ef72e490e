/**
 * The compare data the compare page reads in the browser: one file per incident with its column of
 * the compare table in words, and an index of the incidents. Each validates against the JSON
 * Schema the site publishes for it, and says what the prerendered compare table says.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { compareIncidentFile, compareIndexFile, compareJsonSchema } from '../../src/lib/training/compare-data.ts';
import { compareTable } from '../../src/lib/training/compare.ts';
import { compareRowKeys } from '../../src/lib/training/facts.ts';
import { knowledgeBaseFrom } from '../helpers/model.ts';
import { root } from '../helpers/site.ts';

const site = { site: 'https://kb.example.org', base: '/kb/' };
const kb = knowledgeBaseFrom(join(root, 'content'));

function validator(which: 'index' | 'incident') {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('uri', (text: string) => URL.canParse(text));
  return ajv.compile(compareJsonSchema(which, site));
}

describe('the compare index', () => {
  const file = compareIndexFile(kb, site);

  it('lists every incident, newest first, and validates against its published schema', () => {
    expect(file.incidents.map((i) => i.id)).toEqual(kb.incidents.map((i) => i.id));
    expect(file.$schema).toBe('https://kb.example.org/kb/data/schema/compare-index.json');
    const validate = validator('index');
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe("an incident's compare file", () => {
  const validate = validator('incident');

  it('validates against its published schema, for every incident', () => {
    for (const incident of kb.incidents) {
      const file = compareIncidentFile(incident, site);
      expect(validate(file), `${incident.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('says what the compare table says, row for row, with addresses under the site and its base', () => {
    const [a, b] = kb.incidents;
    const table = compareTable([a!, b!]);
    const files = [compareIncidentFile(a!, site), compareIncidentFile(b!, site)];
    for (const file of files) expect(file.rows.map((r) => r.key)).toEqual([...compareRowKeys]);
    table.rows.forEach((row, index) => {
      row.cells.forEach((cell, column) => {
        const items = files[column]!.rows[index]!.items;
        expect(items.map((i) => i.text)).toEqual(cell.items.map((i) => i.text));
        expect(items.map((i) => i.url)).toEqual(cell.items.map((i) => (i.href ? `https://kb.example.org/kb${i.href}` : undefined)));
      });
    });
    expect(files[0]!.caseStudy).toBe(`https://kb.example.org/kb/training/${a!.id}/`);
  });
});
