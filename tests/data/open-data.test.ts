/**
 * The open data files as the build publishes them: they validate against their published schemas,
 * agree with the pages, parse back, and reference only what exists.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { distDir, listFiles, pagePath, readDist, requireDist } from '../helpers/site.ts';
import { stixProblems } from '../unit/export-stix-rules.ts';
import { stixId } from '../../src/lib/export/stix.ts';
import { restoreFormula } from '../../src/lib/export/csv.ts';
import { layerFormatProblems, navigatorLayerSchema } from '../helpers/navigator-layer-schema.ts';

const listNames = ['incidents', 'actors', 'vendors', 'organisations', 'vulnerabilities', 'attack-types', 'controls'] as const;
type Record_ = { id: string; url: string; incidents?: string[]; [key: string]: unknown };
type IncidentRecord = Record_ & { title: string; summary: string; lastReviewed: string; techniques: { id: string }[]; actors: { id: string }[]; vendors: { id: string }[]; organisations: { id: string }[]; vulnerabilities: { id: string }[]; attackTypes: { id: string }[]; controls: { id: string }[] };

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'url'].includes(name) });
const json = (path: string) => JSON.parse(readDist(path));
let files: Record<string, Record_[]>;
let incidents: IncidentRecord[];
/** The site's absolute address including the base path, e.g. https://host/kb/ (read from the build itself). */
let prefix: string;
const local = (url: string) => {
  expect(url.startsWith(prefix), `${url} is not under ${prefix}`).toBe(true);
  return `/${url.slice(prefix.length)}`;
};
const pageExists = (path: string) => existsSync(join(distDir, path, 'index.html'));

beforeAll(() => {
  requireDist();
  files = Object.fromEntries(listNames.map((name) => [name, json(`data/${name}.json`)[name]]));
  incidents = files.incidents as IncidentRecord[];
  prefix = String(json('data/incidents.json').$schema).replace(/data\/schema\/incidents\.json$/, '');
});

describe('JSON files', () => {
  it.each(listNames)('%s.json validates against the schema published beside it', (name) => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addFormat('uri', (text: string) => URL.canParse(text));
    const schema = json(`data/schema/${name}.json`);
    const data = json(`data/${name}.json`);
    expect(data.$schema).toBe(schema.$id);
    const validate = ajv.compile(schema);
    expect(validate(data), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('have one record per page: counts match the content the site shows', () => {
    const pagesUnder = (folder: string) => listFiles(join(distDir, folder), ['index.html']).filter((f) => f.split('/').length === 2).length;
    for (const name of listNames) expect(files[name], name).toHaveLength(pagesUnder(name));
    expect(incidents.length).toBeGreaterThan(0);
  });

  it('reference only records and pages that exist', () => {
    const ids = Object.fromEntries(listNames.map((name) => [name, new Set(files[name]!.map((r) => r.id))]));
    for (const incident of incidents) {
      for (const [list, name] of [['actors', 'actors'], ['vendors', 'vendors'], ['organisations', 'organisations'], ['vulnerabilities', 'vulnerabilities'], ['attackTypes', 'attack-types'], ['controls', 'controls']] as const) {
        for (const ref of incident[list]) expect(ids[name]!.has(ref.id), `${incident.id} → ${name}/${ref.id}`).toBe(true);
      }
    }
    for (const name of listNames) {
      for (const record of files[name]!) {
        expect(pageExists(local(record.url)), `${name}/${record.id}: ${record.url} has no page`).toBe(true);
        for (const id of record.incidents ?? []) expect(ids.incidents!.has(id), `${name}/${record.id} → incident ${id}`).toBe(true);
      }
    }
  });
});

describe('incidents.csv', () => {
  it('parses back into the same incidents and values as incidents.json', () => {
    const rows = parseCsv(readDist('data/incidents.csv'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(incidents.map((i) => i.id));
    rows.forEach((row, index) => {
      const incident = incidents[index]!;
      expect(restoreFormula(row.title!)).toBe(incident.title);
      expect(restoreFormula(row.summary!)).toBe(incident.summary);
      expect(row.url).toBe(incident.url);
      expect(row.last_reviewed).toBe(incident.lastReviewed);
      expect(row.actor_ids!.split('; ').filter(Boolean)).toEqual(incident.actors.map((a) => a.id));
      expect(row.organisation_ids!.split('; ')).toEqual(incident.organisations.map((o) => o.id));
      expect(row.cves!.split('; ').filter(Boolean)).toEqual(incident.vulnerabilities.map((v) => v.id));
    });
  });
});

describe('stix-bundle.json', () => {
  it('follows the STIX 2.1 rules', () => {
    expect(stixProblems(json('data/stix-bundle.json'))).toEqual([]);
  });

  it('names each incident by an id derived from its permanent id and dates it by its review', () => {
    const objects = new Map((json('data/stix-bundle.json').objects as { id: string; type: string; name?: string; modified: string }[]).map((o) => [o.id, o]));
    for (const incident of incidents) {
      const object = objects.get(stixId('incident', incident.id));
      expect(object?.name, incident.id).toBe(incident.title);
      expect(object?.modified).toBe(`${incident.lastReviewed}T00:00:00.000Z`);
    }
    for (const actor of files.actors!) expect(objects.get(stixId('threat-actor', actor.id))?.type).toBe('threat-actor');
  });
});

describe('ATT&CK Navigator layers', () => {
  type Layer = { name: string; versions: { navigator: string }; gradient: { minValue: number; maxValue: number }; techniques: { techniqueID: string; links: { url: string }[] }[]; links: { url: string }[] };
  const layerFiles = () => listFiles(join(distDir, 'data/navigator'), ['.json']).map((f) => `data/navigator/${f}`);

  it('exist for the whole corpus, each incident that maps techniques and each attacker tied to one', () => {
    const published = new Set(layerFiles());
    expect(published).toContain('data/navigator/all-incidents.json');
    const withTechniques = incidents.filter((i) => i.techniques.length > 0);
    expect(withTechniques.length).toBeGreaterThan(0);
    for (const incident of withTechniques) expect(published, incident.id).toContain(`data/navigator/incidents/${incident.id}.json`);
    for (const actor of files.actors!) {
      const mapped = incidents.some((i) => actor.incidents!.includes(i.id) && i.techniques.length > 0);
      expect(published.has(`data/navigator/actors/${actor.id}.json`), actor.id).toBe(mapped);
    }
  });

  it('follow the layer format 4.5, name only techniques the content maps, and link only to pages that exist', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(navigatorLayerSchema);
    const known = new Set(incidents.flatMap((i) => i.techniques.map((t) => t.id)));
    for (const file of layerFiles()) {
      const layer = json(file) as Layer;
      expect(validate(layer), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(layerFormatProblems(layer), file).toEqual([]);
      for (const t of layer.techniques) expect(known, `${file}: ${t.techniqueID}`).toContain(t.techniqueID);
      for (const url of [...layer.links, ...layer.techniques.flatMap((t) => t.links)].map((l) => l.url).filter((u) => u.startsWith(prefix))) {
        const path = local(url).replace(/#.*$/, '');
        expect(pageExists(path) || existsSync(join(distDir, path)), `${file} links to ${url}`).toBe(true);
      }
    }
  });
});

describe('where the layers are offered', () => {
  const base = () => new URL(prefix).pathname;
  const layerFiles = () => listFiles(join(distDir, 'data/navigator'), ['.json']).map((f) => `data/navigator/${f}`);

  it('/data/ links to every layer and says how to open one in Navigator', () => {
    const html = readDist('data/index.html');
    for (const file of layerFiles()) expect(html, file).toContain(`href="${base()}${file}"`);
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('Open Existing Layer');
    expect(text).toContain('Upload from local');
  });

  it('each attacker page with a layer offers it as a download, and no attacker page links to a layer that does not exist', () => {
    for (const actor of files.actors!) {
      const html = readDist(`actors/${actor.id}/index.html`);
      const href = `href="${base()}data/navigator/actors/${actor.id}.json"`;
      const exists = existsSync(join(distDir, `data/navigator/actors/${actor.id}.json`));
      expect(html.includes(href), actor.id).toBe(exists);
      if (exists) expect(html).toMatch(new RegExp(`Open in ATT&amp;CK Navigator: <a ${href} download="[^"]+\\.json"`));
    }
  });
});

describe('feeds', () => {
  const parseFeed = (path: string) => {
    const text = readDist(path);
    expect(XMLValidator.validate(text), path).toBe(true);
    return xml.parse(text).feed;
  };

  it('feed.xml is Atom with a self link and one entry per incident, identified by its permalink', () => {
    const feed = parseFeed('feed.xml');
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(`${prefix}feed.xml`);
    expect(feed.id).toBe(`${prefix}feed.xml`);
    const entries = feed.entry as { id: string; updated: string }[];
    expect(entries.map((e) => e.id).sort()).toEqual(incidents.map((i) => i.url).sort());
    const reviewed = new Map(incidents.map((i) => [i.url, i.lastReviewed]));
    for (const entry of entries) expect(entry.updated).toBe(`${reviewed.get(entry.id)}T00:00:00Z`);
  });

  it('each actor and vendor has a feed of its own incidents', () => {
    for (const [name, folder] of [['actors', 'actors'], ['vendors', 'vendors']] as const) {
      for (const record of files[name]!) {
        const feed = parseFeed(`feeds/${folder}/${record.id}.xml`);
        expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(`${prefix}feeds/${folder}/${record.id}.xml`);
        const entryIds = ((feed.entry ?? []) as { id: string }[]).map((e) => e.id).sort();
        const expected = incidents.filter((i) => record.incidents!.includes(i.id)).map((i) => i.url).sort();
        expect(entryIds, `${folder}/${record.id}`).toEqual(expected);
      }
    }
  });
});

describe('pages, sitemap and citations', () => {
  const htmlPages = () => listFiles(distDir, ['.html']).filter((f) => !f.startsWith('pagefind/') && f !== '404.html');

  it('sitemap.xml lists every page once, and only pages that exist', () => {
    // /sitemap.xml is the index (@astrojs/sitemap writes one sitemap per 45,000 pages).
    const index = readDist('sitemap.xml');
    expect(XMLValidator.validate(index)).toBe(true);
    const sitemaps = (xml.parse(index).sitemapindex.sitemap as { loc: string } | { loc: string }[]);
    const listed = [sitemaps].flat().flatMap(({ loc }) => {
      const text = readDist(local(loc).slice(1));
      expect(XMLValidator.validate(text)).toBe(true);
      return (xml.parse(text).urlset.url as { loc: string; lastmod?: string }[]).map((u) => local(u.loc));
    });
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(htmlPages().map(pagePath).sort());
  });

  it('sitemap dates incident pages by their last review, never by the build', () => {
    const text = readDist('sitemap-0.xml');
    for (const incident of incidents) expect(text).toContain(`<loc>${incident.url}</loc><lastmod>${incident.lastReviewed}T00:00:00.000Z</lastmod>`);
  });

  it('every page names its canonical URL, its Open Graph data and the feed in its head', () => {
    for (const file of htmlPages()) {
      const html = readDist(file);
      const head = html.slice(0, html.indexOf('</head>'));
      const own = `${prefix}${pagePath(file).slice(1)}`;
      expect(head, file).toContain(`<link rel="canonical" href="${own}">`);
      expect(head, file).toContain(`<meta property="og:url" content="${own}">`);
      expect(head, file).toMatch(/<meta property="og:title" content="[^"]+">/);
      expect(head, file).toMatch(/<meta property="og:description" content="[^"]+">/);
      expect(head, file).toContain(`<link rel="alternate" type="application/atom+xml" title="NHS Cyber Incidents: new and updated incidents" href="${prefix}feed.xml">`);
    }
  });

  it('every incident page offers a citation with permalink and review date, and its files', () => {
    for (const incident of incidents) {
      const html = readDist(`incidents/${incident.id}/index.html`);
      const section = html.slice(html.indexOf('id="cite-this-heading"'));
      expect(section, incident.id).toContain(incident.url);
      const [year, month, day] = incident.lastReviewed.split('-').map(Number);
      const longDate = new Date(Date.UTC(year!, month! - 1, day!)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      expect(section).toContain(`Last reviewed ${longDate}`);
      const base = new URL(prefix).pathname;
      expect(section).toContain(`href="${base}data/cite/${incident.id}.bib"`);
      expect(section).toContain(`href="${base}data/cite/${incident.id}.json"`);
      expect(readDist(`data/cite/${incident.id}.bib`)).toContain(`url = {${incident.url}}`);
      expect(json(`data/cite/${incident.id}.json`)[0]).toMatchObject({ URL: incident.url, title: incident.title });
    }
  });

  it('/data/ documents every JSON field and CSV column, and its links resolve', () => {
    const html = readDist('data/index.html');
    const text = html.replace(/<[^>]+>/g, '');
    const walk = (schema: Record<string, any>, path: string, out: string[]) => {
      if (path) out.push(path);
      const object = schema.type === 'array' ? schema.items : schema;
      const objectPath = schema.type === 'array' ? `${path}[]` : path;
      for (const [key, child] of Object.entries<Record<string, any>>(object?.properties ?? {})) walk(child, objectPath ? `${objectPath}.${key}` : key, out);
      return out;
    };
    for (const name of listNames) {
      for (const field of walk(json(`data/schema/${name}.json`), '', [])) expect(text, `${name}: ${field}`).toContain(field);
    }
    const header = readDist('data/incidents.csv').replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    for (const column of header) expect(text).toContain(column);
    const base = new URL(prefix).pathname;
    for (const [, href] of html.matchAll(/href="([^"#]+)"/g)) {
      if (!href!.startsWith(base) || href!.endsWith('.css') || href!.endsWith('.svg')) continue;
      const path = href!.slice(base.length);
      expect(existsSync(join(distDir, path)) || pageExists(path), `/data/ links to ${href}, which the build does not have`).toBe(true);
    }
  });
});
