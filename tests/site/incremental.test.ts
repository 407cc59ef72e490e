/**
 * Incremental builds (INCREMENTAL_BUILD=1, Astro's experimental.incrementalBuild) must never serve
 * a stale page. The fixture content, plus a second incident with its own organisation, is built
 * once to prime Astro's cache; then four edits a writer makes (an incident's prose, an attacker's
 * name, an incident's title, a flaw's patch date) are each followed by an incremental rebuild and,
 * as the reference, a full build of the same content from an empty cache. The rebuild must be
 * byte-identical to the full build, must show the new text where the page shows it, and must have
 * skipped ("restored" from its cache, per Astro's log) pages the edit does not touch. Every page's
 * cacheKey is the digest of its view (src/lib/views/), so "touch" means "changes what the page shows".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../helpers/build.ts';
import { goodFixture } from '../helpers/fixtures.ts';
import { listFiles, root } from '../helpers/site.ts';

const first = 'example-lab-2099';
const second = 'other-clinic-2098';

/** A second incident that shares a control and an attack type with the first, but no attacker, supplier or organisation. */
const secondIncident = `---
title: Other Clinic data theft
summary: A fictional theft of staff records from a community clinic, used to test incremental builds. No services stopped.
dates:
  started: { date: 2098-02-10, sources: [s1] }
  disclosed: { date: 2098-03, sources: [s2] }
organisations:
  - { id: other-clinic, role: victim, certainty: confirmed, sources: [s1] }
vendors: []
actors: []
attributionNote: No group has claimed it and the clinic has not named one.
attackTypes: [data-theft-extortion]
vulnerabilities: []
dataExposed:
  - types: [personal]
    subjects: [employee]
    description: Staff names and rotas.
    certainty: confirmed
    sources: [s1]
chronology:
  - { date: 2098-02-10, kind: detection, event: Unusual downloads spotted., sources: [s1] }
controls:
  - { control: charter-mfa, effect: prevent, basis: analysis, reasoning: A stolen password alone would not have opened the file share. }
training:
  hook: Who notices when records walk out quietly?
  audiences: [clinicians, eprr]
  topics: [ransomware]
  sessionLengths: [30]
  objectives: [One, Two, Three]
  questions:
    - { audience: clinicians, question: Q1? }
    - { audience: clinicians, question: Q2? }
    - { audience: eprr, question: Q3? }
    - { audience: eprr, question: Q4? }
    - { audience: eprr, question: Q5? }
  injects:
    - { phase: Day 1, text: Staff report odd emails. }
sources:
  - { id: s1, publisher: NHS England, title: Clinic statement, date: 2098-02-20, url: https://www.england.nhs.uk/clinic, kind: primary }
  - { id: s2, publisher: Example News, title: Clinic data taken, date: 2098-03-02, url: https://news.example.org/clinic, kind: secondary }
  - { id: s3, publisher: Other News, title: Clinic follow-up, url: https://other.example.org/clinic, kind: secondary }
lastReviewed: 2099-11-29
---
Staff noticed large downloads on 10 February [@s1]. Records were later offered for sale [@s2].
`;

const secondOrganisation = `name: Other Community Clinic NHS Trust
shortName: Other Clinic
type: nhs-trust
region: london
`;

interface Build {
  status: number | null;
  output: string;
  /** Pages Astro copied from its incremental cache instead of rendering, as site paths. */
  restored: Set<string>;
  /** Pages Astro rendered. */
  rendered: Set<string>;
}

let work: string;
let contentDir: string;
const incrementalOut = () => join(work, 'incremental/dist');

function pathsIn(output: string, restored: boolean): Set<string> {
  // Astro logs one line per generated file: "├─ /actors/x/index.html (restored)" for a reused page,
  // "├─ /actors/x/index.html" then, once rendered, "(+12ms)". With build.concurrency > 1 the lines
  // of pages rendering at once run together ("├─ /a/index.html12:00:01 ├─ /b/index.html"), so a path
  // ends at its extension; "(restored)" is logged with its path in one go. Colours are stripped
  // (CI=true turns them on).
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const paths = new Set<string>();
  for (const match of plain.matchAll(/[├└]─ (\/\S*?\.(?:html|xml|json|bib|csv|txt))( \((?:restored|cached)\))?/g)) {
    if ((match[2] !== undefined) === restored) paths.add(match[1]!.replace(/index\.html$/, ''));
  }
  return paths;
}

async function build(kind: 'incremental' | 'reference'): Promise<Build & { outDir: string }> {
  const folder = kind === 'incremental' ? join(work, 'incremental') : mkdtempSync(join(work, 'reference-'));
  const env = { CONTENT_DIR: contentDir, OUT_DIR: join(folder, 'dist'), ASTRO_CACHE_DIR: join(folder, 'cache'), ...(kind === 'incremental' ? { INCREMENTAL_BUILD: '1' } : {}) };
  const run = await buildSite(env, { name: `incremental-${kind}` });
  rmSync(run.work, { recursive: true, force: true });
  return { status: run.status, output: run.output, restored: pathsIn(run.output, true), rendered: pathsIn(run.output, false), outDir: env.OUT_DIR };
}

function hashes(dir: string): Map<string, string> {
  const files = listFiles(dir, ['']).filter((file) => statSync(join(dir, file)).isFile());
  return new Map(files.map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}

/** Files whose bytes differ between the incremental rebuild and a full build of the same content. */
function differences(incremental: string, reference: string): string[] {
  const a = hashes(incremental);
  const b = hashes(reference);
  const out: string[] = [];
  for (const [file, hash] of b) if (a.get(file) !== hash) out.push(a.has(file) ? `stale or different: ${file}` : `missing: ${file}`);
  for (const file of a.keys()) if (!b.has(file)) out.push(`left over: ${file}`);
  // Where the first differing page starts to differ, so a failure says what went stale.
  const changed = out.find((line) => line.startsWith('stale') && !line.includes('pagefind/'));
  if (changed) {
    const file = changed.replace(/^stale or different: /, '');
    const [x, y] = [readFileSync(join(incremental, file), 'utf8'), readFileSync(join(reference, file), 'utf8')];
    let at = 0;
    while (at < x.length && x[at] === y[at]) at++;
    out.push(`${file} at ${at}: incremental "${x.slice(Math.max(0, at - 80), at + 80)}" / full "${y.slice(Math.max(0, at - 80), at + 80)}"`);
  }
  return out;
}

function page(path: string): string {
  return readFileSync(join(incrementalOut(), path, path.endsWith('/') ? 'index.html' : ''), 'utf8');
}

function edit(file: string, from: string, to: string) {
  const path = join(contentDir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`test edit does not apply: "${from}" not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}

/** Rebuild incrementally after an edit, build the reference, and check they agree byte for byte. */
async function rebuildAndCompare(): Promise<Build> {
  const rebuild = await build('incremental');
  expect(rebuild.status, rebuild.output.slice(-4000)).toBe(0);
  const reference = await build('reference');
  expect(reference.status, reference.output.slice(-4000)).toBe(0);
  expect(differences(incrementalOut(), reference.outDir)).toEqual([]);
  return rebuild;
}

beforeAll(async () => {
  const scratch = join(root, 'node_modules/.cache/nhs-kb-tests');
  mkdirSync(scratch, { recursive: true });
  work = mkdtempSync(join(scratch, 'incremental-'));
  contentDir = join(work, 'content');
  cpSync(goodFixture, contentDir, { recursive: true });
  writeFileSync(join(contentDir, 'incidents', `${second}.md`), secondIncident);
  writeFileSync(join(contentDir, 'organisations', 'other-clinic.yaml'), secondOrganisation);
  const primed = await build('incremental');
  expect(primed.status, primed.output.slice(-4000)).toBe(0);
  expect(primed.restored.size, 'the priming build has no cache to restore from').toBe(0);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('incremental rebuilds', () => {
  it("after an incident's prose changes: the write-up is new, every other incident's and entity's page is skipped", async () => {
    edit(`incidents/${first}.md`, 'The attack began on 3 June [@s1].', 'The attack began before dawn on 3 June [@s1].');
    const rebuild = await rebuildAndCompare();
    expect(page(`/incidents/${first}/`)).toContain('The attack began before dawn on 3 June');
    expect(rebuild.rendered).toContain(`/incidents/${first}/`);
    for (const path of [`/incidents/${second}/`, `/training/${second}/`, '/actors/examplegang/', '/organisations/example-trust/', '/vendors/example-labs/', '/attack-types/ransomware/', '/browse/attacker/examplegang/', '/data/schema/incidents.json']) {
      expect(rebuild.restored, path).toContain(path);
    }
  }, 300_000);

  it("after an attacker's name changes: every page that names it shows the new name; pages that do not are skipped", async () => {
    edit('actors/examplegang.md', 'name: ExampleGang', 'name: Sample Crew');
    const rebuild = await rebuildAndCompare();
    const compare = [...rebuild.rendered].find((p) => p.startsWith('/training/compare/') && p !== '/training/compare/');
    for (const path of ['/actors/examplegang/', `/incidents/${first}/`, `/training/${first}/`, '/browse/attacker/sample-crew/', ...(compare ? [compare] : [])]) {
      expect(page(path), path).toContain('Sample Crew');
    }
    expect(compare, 'the compare table names both attackers').toBeDefined();
    expect(readFileSync(join(incrementalOut(), 'feeds/actors/examplegang.xml'), 'utf8')).toContain('Sample Crew');
    for (const path of [`/incidents/${second}/`, `/training/${second}/`, '/organisations/example-trust/', '/organisations/other-clinic/', '/controls/charter-mfa/', '/vulnerabilities/cve-2099-0001/']) {
      expect(rebuild.restored, path).toContain(path);
    }
  }, 300_000);

  it("after an incident's title changes: the old title is gone from every page, unrelated pages are skipped", async () => {
    edit(`incidents/${first}.md`, 'title: Example Labs ransomware attack', 'title: Example Labs pathology outage');
    const rebuild = await rebuildAndCompare();
    const stale = listFiles(incrementalOut(), ['.html', '.xml', '.json', '.csv', '.bib']).filter((file) => readFileSync(join(incrementalOut(), file), 'utf8').includes('Example Labs ransomware attack'));
    expect(stale).toEqual([]);
    for (const path of ['/actors/examplegang/', '/organisations/example-trust/', '/vendors/example-labs/', '/attack-types/ransomware/', '/vulnerabilities/cve-2099-0001/', '/controls/charter-mfa/', `/training/${second}/`, '/training/audience/clinicians/']) {
      expect(page(path), path).toContain('Example Labs pathology outage');
    }
    for (const path of [`/incidents/${second}/`, '/organisations/other-clinic/', '/data/schema/incidents.json']) {
      expect(rebuild.restored, path).toContain(path);
    }
  }, 300_000);

  it("after a flaw's patch date changes: the exposure window is new wherever it is shown, and pages that name the flaw without its dates are skipped", async () => {
    // Patched 13 May, the incident began 3 June: 21 days. A day-one patch on 20 May makes it 14.
    edit('vulnerabilities/cve-2099-0001.yaml', 'patched: 2099-05-13', 'patched: 2099-05-20');
    const rebuild = await rebuildAndCompare();
    for (const path of [`/incidents/${first}/`, '/vulnerabilities/cve-2099-0001/']) {
      expect(page(path), path).toContain('14 days before the incident began');
      expect(rebuild.rendered, path).toContain(path);
    }
    // The vendor page lists the flaw with its fix date (the exposure window lives on the flaw's page).
    expect(page('/vendors/example-labs/')).toMatch(/Fix available <time[^>]*>20 May 2099<\/time>/);
    expect(rebuild.rendered).toContain('/vendors/example-labs/');
    // These show the CVE id (or nothing of it), never its dates: their views, and so their keys, are unchanged.
    for (const path of [`/training/${first}/`, '/actors/examplegang/', '/organisations/example-trust/', `/incidents/${second}/`]) {
      expect(rebuild.restored, path).toContain(path);
    }
  }, 300_000);
});
