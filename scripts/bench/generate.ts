/**
 * Synthetic corpus generator for the benchmark (and any test that needs a large content folder).
 *
 * `generateCorpus(outDir, { incidents: N, seed })` writes a complete content folder with all seven
 * collections. Incidents are `.md` with frontmatter shaped like tests/fixtures/good/incidents and
 * 2-5 kB of prose citing their sources; actors, vendors, organisations, attack types, controls and
 * vulnerabilities are shared, so references resolve and entity pages list many incidents, as they
 * will when the real corpus grows. The same seed always gives the same bytes.
 *
 * CLI: node scripts/bench/generate.ts <outDir> [incidents=1000] [seed=1]
 * Every name is fictional; every URL is under example.org/example.com (never a real or leak site).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import {
  actorTypes,
  audiences,
  certainties,
  controlFrameworks,
  dataSubjects,
  dataTypes,
  eventKinds,
  impactUnits,
  motivations,
  organisationTypes,
  regions,
  trainingTopics,
} from '../../src/schemas/vocabularies.ts';

export interface CorpusOptions {
  incidents: number;
  seed?: number;
}

export interface CorpusSummary {
  dir: string;
  counts: Record<string, number>;
  /** Ids of the incidents, in generation order (the bench edits one of them to time a rebuild). */
  incidentIds: string[];
}

/** mulberry32: tiny, fast, and the same sequence on every platform for a given seed. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const pool = [...items];
    const count = Math.min(pool.length, int(min, max));
    const chosen: T[] = [];
    for (let i = 0; i < count; i++) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0] as T);
    return chosen;
  };
  return { next, int, pick, some };
}
type Random = ReturnType<typeof randomSource>;

const syllables = ['ka', 'lo', 'mi', 'ra', 'ven', 'tor', 'qua', 'sel', 'dun', 'bri', 'mor', 'tal', 'nex', 'zen', 'fal', 'gri', 'hol', 'pra', 'sto', 'wyn'];
const placeNames = ['Ashford', 'Brackley', 'Carnford', 'Dunmere', 'Eastwick', 'Fellbrook', 'Glenmoor', 'Harrowby', 'Ivybridge', 'Kettleby', 'Longmead', 'Marlow Vale', 'Northam', 'Oakridge', 'Pendle Cross', 'Queensbury', 'Rydale', 'Southfleet', 'Thornbury', 'Upton Moor', 'Westfield', 'Yarrowdale'];
const productWords = ['Pathology', 'Records', 'Imaging', 'Pharmacy', 'Scheduling', 'Referral', 'Dictation', 'Payroll', 'Rostering', 'Messaging', 'Telehealth', 'Laboratory'];
const services = ['Blood tests', 'Outpatient clinics', 'Elective surgery', 'Radiology', 'GP appointments', 'Out-of-hours calls', 'Pharmacy dispensing', 'Maternity scans', 'Discharge letters', 'Referrals'];
const techniques = [
  { id: 'T1486', name: 'Data Encrypted for Impact' },
  { id: 'T1190', name: 'Exploit Public-Facing Application' },
  { id: 'T1566.001', name: 'Spearphishing Attachment' },
  { id: 'T1078', name: 'Valid Accounts' },
  { id: 'T1133', name: 'External Remote Services' },
  { id: 'T1567', name: 'Exfiltration Over Web Service' },
  { id: 'T1021.001', name: 'Remote Desktop Protocol' },
];
const publishers = ['NHS England', 'Example Health News', 'Regional Press Agency', 'Example Security Research', 'Information Regulator (fictional)', 'National Audit Body (fictional)'];
const sentenceParts = {
  openings: ['Staff noticed', 'The trust reported', 'Engineers found', 'A supplier warned', 'Clinicians described', 'The board was told', 'Investigators concluded', 'A spokesperson said'],
  middles: [
    'that systems used for booking and results were unavailable for several days',
    'that paper processes were introduced to keep urgent care running safely',
    'that backups had to be checked before any server could be restored',
    'that mutual aid from neighbouring organisations covered the most urgent work',
    'that network links to the supplier were cut as a precaution',
    'that patients were contacted when their appointments had to move',
    'that the attackers had been present for some time before detection',
    'that data protection notifications were made to the regulator within the deadline',
  ],
  endings: [
    'while the investigation continued',
    'according to the first public statement',
    'and recovery took longer than planned',
    'although the full scope was not yet known',
    'as later reports made clear',
    'with national teams providing support',
  ],
};

const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function coinedName(random: Random, parts: number): string {
  let name = '';
  for (let i = 0; i < parts; i++) name += random.pick(syllables);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function dump(data: unknown): string {
  return yaml.dump(data, { lineWidth: 200, noRefs: true, sortKeys: false });
}

function sentence(random: Random, cites: string[]): string {
  const cite = cites.length > 0 ? ` [@${random.some(cites, 1, Math.min(2, cites.length)).join('; @')}]` : '';
  return `${random.pick(sentenceParts.openings)} ${random.pick(sentenceParts.middles)}, ${random.pick(sentenceParts.endings)}${cite}.`;
}

/** 2-5 kB of Markdown prose in a few headed sections, citing the incident's sources. */
function prose(random: Random, title: string, sourceIds: string[]): string {
  const target = random.int(2000, 5000);
  const headings = ['What happened', 'Effect on patients and services', 'Response and recovery', 'What is still unclear'];
  let text = `This synthetic write-up of the ${title.toLowerCase()} exists to measure the build. `;
  let section = 0;
  text += `${sentence(random, sourceIds)}\n\n`;
  while (text.length < target) {
    if (random.next() < 0.25 && section < headings.length) text += `## ${headings[section++]}\n\n`;
    const count = random.int(2, 5);
    const sentences: string[] = [];
    for (let i = 0; i < count; i++) sentences.push(sentence(random, sourceIds));
    text += `${sentences.join(' ')}\n\n`;
  }
  return text;
}

interface SharedEntities {
  actors: string[];
  vendors: { id: string; products: string[] }[];
  organisations: string[];
  attackTypes: string[];
  controls: string[];
  vulnerabilities: string[];
}

function writeShared(dir: string, random: Random, incidentCount: number): SharedEntities {
  const actorCount = Math.max(10, Math.min(200, Math.round(incidentCount / 25)));
  const vendorCount = Math.max(10, Math.min(300, Math.round(incidentCount / 20)));
  const organisationCount = Math.max(20, Math.min(1500, Math.round(incidentCount / 5)));
  const vulnerabilityCount = Math.max(10, Math.min(400, Math.round(incidentCount / 15)));

  const actors: string[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < actorCount; i++) {
    let name: string;
    do name = `${coinedName(random, 2)} ${random.pick(['Group', 'Team', 'Crew', 'Collective'])}`;
    while (usedNames.has(name.toLowerCase()));
    usedNames.add(name.toLowerCase());
    const alias = `${name} ${i + 1}`;
    usedNames.add(alias.toLowerCase());
    const id = `${slug(name)}-${i + 1}`;
    actors.push(id);
    const data = {
      name,
      aliases: [{ name: alias, usedBy: 'A fictional security vendor' }],
      type: random.pick(actorTypes),
      motivation: random.pick(motivations),
      summary: `A fictional group generated for the benchmark (${i + 1}).`,
      ransomwareAsAService: random.next() < 0.5,
      attackIds: [`G${String(1000 + i).padStart(4, '0')}`],
      sources: [{ id: 'a1', publisher: 'Example Research', title: `Profile of ${name}`, url: `https://example.org/actors/${id}`, kind: 'secondary' }],
    };
    writeFileSync(join(dir, 'actors', `${id}.md`), `---\n${dump(data)}---\n${name} is a fictional group made up for load testing.\n`);
  }

  const vendors: SharedEntities['vendors'] = [];
  for (let i = 0; i < vendorCount; i++) {
    const name = `${coinedName(random, 2)} ${random.pick(['Health Systems', 'Digital', 'Labs', 'Software', 'Services'])}`;
    const id = `${slug(name)}-${i + 1}`;
    const products = random.some(productWords, 1, 3).map((word) => ({
      id: slug(word),
      name: `${name} ${word}`,
      aliases: [],
      description: `A fictional ${word.toLowerCase()} product.`,
    }));
    vendors.push({ id, products: products.map((p) => p.id) });
    const data = {
      name,
      kinds: random.some(['nhs-supplier', 'software-vendor', 'service-provider'] as const, 1, 2),
      summary: `A fictional supplier generated for the benchmark (${i + 1}).`,
      website: `https://example.com/vendors/${id}`,
      products,
    };
    writeFileSync(join(dir, 'vendors', `${id}.md`), `---\n${dump(data)}---\n${name} is fictional.\n`);
  }

  const organisations: string[] = [];
  for (let i = 0; i < organisationCount; i++) {
    const place = random.pick(placeNames);
    const type = random.pick(organisationTypes);
    const name = `${place} ${type.includes('trust') ? 'Hospitals NHS Trust' : 'Health Organisation'} ${i + 1}`;
    const id = `${slug(place)}-org-${i + 1}`;
    organisations.push(id);
    const data = { name, shortName: `${place} ${i + 1}`, type, region: random.pick(regions), odsCode: `X${String(i).padStart(4, '0')}` };
    writeFileSync(join(dir, 'organisations', `${id}.yaml`), dump(data));
  }

  const attackTypeDefs = [
    { id: 'ransomware', name: 'Ransomware', summary: 'Malicious software encrypts systems so that the attackers can demand payment.', techniques: ['T1486'] },
    { id: 'data-theft-extortion', name: 'Data theft and extortion', summary: 'Data is copied out and the attackers threaten to publish it.', parent: 'ransomware' },
    { id: 'phishing', name: 'Phishing', summary: 'Deceptive messages trick staff into giving access or running code.' },
    { id: 'supply-chain', name: 'Supply-chain compromise', summary: 'An attack on a supplier reaches the organisations it serves.' },
    { id: 'vulnerability-exploitation', name: 'Exploited vulnerability', summary: 'A known flaw in software facing the internet is used to get in.', techniques: ['T1190'] },
    { id: 'denial-of-service', name: 'Denial of service', summary: 'Traffic floods a service until it stops answering.' },
    { id: 'insider-misuse', name: 'Insider misuse', summary: 'Someone with legitimate access misuses it.' },
    { id: 'accidental-disclosure', name: 'Accidental disclosure', summary: 'Data is exposed by mistake, not by an attacker.' },
  ];
  for (const { id, ...data } of attackTypeDefs) writeFileSync(join(dir, 'attack-types', `${id}.yaml`), dump(data));

  const controls: string[] = [];
  const controlNames = ['Multi-factor authentication', 'Patch management', 'Offline backups', 'Network segmentation', 'Logging and monitoring', 'Supplier assurance', 'Incident response plan', 'Least privilege', 'Staff awareness', 'Secure configuration', 'Asset inventory', 'Email filtering'];
  controlNames.forEach((name, i) => {
    const id = `control-${slug(name)}`;
    controls.push(id);
    const data = {
      name,
      framework: controlFrameworks[i % controlFrameworks.length],
      reference: `Item ${i + 1}`,
      summary: `A fictional summary of the ${name.toLowerCase()} control.`,
      url: `https://example.org/controls/${id}`,
      mitigations: [`M${1000 + i}`],
    };
    writeFileSync(join(dir, 'controls', `${id}.yaml`), dump(data));
  });

  const vulnerabilities: string[] = [];
  for (let i = 0; i < vulnerabilityCount; i++) {
    const cve = `CVE-2098-${String(10000 + i)}`;
    vulnerabilities.push(cve);
    const vendor = random.pick(vendors);
    const published = `2098-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const data = {
      cve,
      name: `Fictional flaw ${i + 1}`,
      aliases: [],
      summary: 'A fictional vulnerability generated for the benchmark.',
      vendor: vendor.id,
      product: random.pick(vendor.products),
      cwes: ['CWE-287'],
      cvss: { version: '3.1', score: 9.8, severity: 'critical', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', scoredBy: 'Example CNA' },
      published,
      sources: [{ id: 'cve', publisher: 'CVE Program', title: cve, url: `https://example.org/cve/${cve}`, kind: 'primary' }],
    };
    writeFileSync(join(dir, 'vulnerabilities', `${cve.toLowerCase()}.yaml`), dump(data));
  }

  return { actors, vendors, organisations, attackTypes: attackTypeDefs.map((t) => t.id), controls, vulnerabilities };
}

/**
 * The standard impact summary, for some incidents, as real ones have it: restore times for about
 * half, appointments postponed for a fifth, people whose data was exposed for a third. Drawn from
 * a generator of its own (seeded by the incident's number), so the rest of the corpus is the same
 * bytes as before these fields were added.
 */
function impactSummaryData(index: number, seed: number, asOf: string, cites: () => string[]): Record<string, unknown> {
  const random = randomSource((seed * 7919 + index * 104_729) >>> 0);
  const count = (value: number) => ({ value, qualifier: random.pick(['exact', 'exact', 'about', 'up-to', 'more-than']), asOf, certainty: random.pick(certainties), sources: cites() });
  const summary: Record<string, unknown> = {};
  if (random.next() < 0.5) summary.daysToRestore = count(Math.max(1, Math.round(-Math.log(1 - random.next()) * 30)));
  if (random.next() < 0.2) summary.appointmentsPostponed = count(Math.round(random.next() ** 3 * 20_000));
  if (random.next() < 0.1) summary.proceduresPostponed = count(Math.round(random.next() ** 3 * 2_000));
  if (random.next() < 0.33) summary.peopleDataExposed = count(Math.round(10 ** (random.next() * 6.5)));
  return summary;
}

function incidentData(random: Random, index: number, shared: SharedEntities, seed = 1) {
  const year = random.int(2010, 2026);
  const started = new Date(Date.UTC(year, random.int(0, 11), random.int(1, 28)));
  const place = random.pick(placeNames);
  const kind = random.pick(['Ransomware attack', 'Data breach', 'Supplier outage', 'Phishing campaign', 'Exploited flaw']);
  const title = `${kind} at ${place} (synthetic ${index + 1})`;
  const id = `${slug(kind)}-${slug(place)}-${index + 1}-${year}`;

  const sourceCount = random.int(3, 8);
  const sources = Array.from({ length: sourceCount }, (_, i) => ({
    id: `s${i + 1}`,
    publisher: random.pick(publishers),
    title: `Report ${i + 1} on the ${kind.toLowerCase()} at ${place}`,
    date: iso(addDays(started, random.int(1, 120))),
    url: `https://example.org/news/${id}/${i + 1}`,
    kind: i === 0 ? 'primary' : random.pick(['primary', 'secondary']),
  }));
  const sourceIds = sources.map((s) => s.id);
  const cites = () => random.some(sourceIds, 1, 2);

  const chronology = [] as { date: string; kind: string; event: string; certainty: string; sources: string[] }[];
  let day = 0;
  for (let i = 0, n = random.int(2, 8); i < n; i++) {
    chronology.push({ date: iso(addDays(started, day)), kind: random.pick(eventKinds), event: `Event ${i + 1}: ${random.pick(sentenceParts.middles)}.`, certainty: random.pick(certainties), sources: cites() });
    day += random.int(0, 30);
  }

  const vendor = random.next() < 0.6 ? random.pick(shared.vendors) : undefined;
  const hasActor = random.next() < 0.7;
  const attackTypes = random.some(shared.attackTypes, 1, 3);
  const questions = audiences.slice(0, 5).map((audience, i) => ({ audience, question: `Discussion question ${i + 1} for ${audience}?` }));

  const data: Record<string, unknown> = {
    title,
    summary: `A synthetic incident at ${place}, generated to measure the build at scale. ${random.pick(services)} were disrupted and staff moved to paper for a time.`,
    dates: {
      started: { date: iso(started), sources: cites() },
      detected: { date: iso(addDays(started, random.int(0, 3))), sources: cites() },
      disclosed: { date: iso(addDays(started, random.int(2, 10))), sources: cites() },
      ...(random.next() < 0.7 ? { resolved: { date: iso(addDays(started, random.int(20, 200))).slice(0, 7), sources: cites() } } : {}),
    },
    organisations: random.some(shared.organisations, 1, 3).map((orgId, i) => ({ id: orgId, role: i === 0 ? 'victim' : random.pick(['downstream', 'data-exposed']), certainty: random.pick(certainties), sources: cites() })),
    vendors: vendor ? [{ id: vendor.id, role: random.pick(['compromised-supplier', 'vulnerable-product']), products: random.some(vendor.products, 0, 1), sources: cites() }] : [],
    actors: hasActor ? [{ id: random.pick(shared.actors), attribution: random.pick(certainties), basis: 'A fictional basis for the attribution.', sources: cites() }] : [],
    ...(hasActor ? {} : { attributionNote: 'No group has claimed this fictional incident.' }),
    attackTypes,
    vulnerabilities: random.next() < 0.3 ? random.some(shared.vulnerabilities, 1, 2) : [],
    techniques: random.some(techniques, 0, 3).map((t) => ({ ...t, certainty: random.pick(certainties), basis: 'sourced', sources: cites() })),
    dataExposed: random.next() < 0.5 ? [{ types: random.some(dataTypes, 1, 3), subjects: random.some(dataSubjects, 1, 2), description: 'Fictional records were copied.', certainty: random.pick(certainties), sources: cites() }] : [],
    servicesDisrupted: random.some(services, 1, 3).map((service) => ({ service, description: `${service} were delayed.`, sources: cites() })),
    impact: [{ label: 'Appointments postponed', value: random.int(10, 5000), unit: random.pick(impactUnits), qualifier: 'about', asOf: iso(addDays(started, 30)), certainty: random.pick(certainties), sources: cites() }],
    impactSummary: impactSummaryData(index, seed, iso(addDays(started, 60)), () => [sourceIds[0]!]),
    chronology,
    conflicts: random.next() < 0.3 ? [{ topic: 'Start date', detail: 'Sources disagree on the first day.', sources: cites() }] : [],
    unknowns: ['How the attackers got in.'],
    controls: random.some(shared.controls, 1, 3).map((control) => ({ control, effect: random.pick(['prevent', 'detect', 'limit', 'recover']), basis: 'analysis', reasoning: 'Fictional reasoning about why this control would have helped.' })),
    training: {
      hook: `What would you do if ${place} went dark?`,
      audiences: random.some(audiences, 1, 3),
      topics: random.some(trainingTopics, 1, 3),
      sessionLengths: random.some([30, 60, 90], 1, 3).sort((a, b) => a - b),
      objectives: ['Explain what happened.', 'Describe the effect on care.', 'Name one control that would have helped.'],
      questions,
    },
    sources,
    lastReviewed: '2026-11-01',
  };
  return { id, title, data, body: prose(random, title, sourceIds) };
}

const folders = ['incidents', 'actors', 'vendors', 'organisations', 'vulnerabilities', 'attack-types', 'controls'];

/** Writes a fresh content folder at outDir (deleting what was there). */
export function generateCorpus(outDir: string, options: CorpusOptions): CorpusSummary {
  const dir = resolve(outDir);
  rmSync(dir, { recursive: true, force: true });
  for (const folder of folders) mkdirSync(join(dir, folder), { recursive: true });
  const random = randomSource(options.seed ?? 1);
  const shared = writeShared(dir, random, options.incidents);
  const incidentIds: string[] = [];
  for (let i = 0; i < options.incidents; i++) {
    const { id, data, body } = incidentData(random, i, shared, options.seed ?? 1);
    incidentIds.push(id);
    writeFileSync(join(dir, 'incidents', `${id}.md`), `---\n${dump(data)}---\n${body}`);
  }
  return {
    dir,
    incidentIds,
    counts: {
      incidents: options.incidents,
      actors: shared.actors.length,
      vendors: shared.vendors.length,
      organisations: shared.organisations.length,
      vulnerabilities: shared.vulnerabilities.length,
      attackTypes: shared.attackTypes.length,
      controls: shared.controls.length,
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, count = '1000', seed = '1'] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node scripts/bench/generate.ts <outDir> [incidents=1000] [seed=1]');
    process.exit(2);
  }
  const summary = generateCorpus(outDir, { incidents: Number(count), seed: Number(seed) });
  console.log(`Wrote ${summary.dir}: ${JSON.stringify(summary.counts)}`);
}
