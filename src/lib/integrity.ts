/**
 * Checks the whole knowledge base before anything is built: every entry against its schema, then
 * every cross-reference, citation and id. Astro 7 only logs a dangling reference and exits 0, so
 * this check is what makes bad content fail the build. Pure: takes parsed files, returns problems.
 */
import type { z } from 'astro/zod';
import { collectionDefinitions, type CollectionName } from '../schemas/index.ts';
import type { Incident } from '../schemas/incident.ts';
import type { Vendor } from '../schemas/vendor.ts';
import type { Vulnerability } from '../schemas/vulnerability.ts';
import type { AttackType } from '../schemas/attack-type.ts';
import type { Actor } from '../schemas/actor.ts';
import { notBefore } from './partial-dates.ts';
import type { RawEntry } from './content-files.ts';
import { findCitations } from './citations.ts';
import { formatFieldPath, type ContentProblem } from './problems.ts';

export interface ValidEntry<T = unknown> {
  collection: CollectionName;
  id: string;
  file: string;
  data: T;
  body: string;
}

export interface IntegrityResult {
  problems: ContentProblem[];
  entries: ValidEntry[];
}

const collectionFolder = (name: CollectionName) => collectionDefinitions[name].folder;
const singular: Record<CollectionName, string> = {
  incidents: 'incident',
  actors: 'actor',
  vendors: 'vendor',
  organisations: 'organisation',
  vulnerabilities: 'vulnerability',
  attackTypes: 'attack type',
  controls: 'control',
};

function describeChoices(ids: readonly string[]): string {
  if (ids.length === 0) return 'there are none yet';
  const shown = ids.slice(0, 25).join(', ');
  return ids.length > 25 ? `${shown}, … (${ids.length} in all)` : shown;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * A field that takes one of several forms (a CVE id or a { cve, certainty, sources } object) fails
 * as a whole with zod's bare "Invalid input". Report instead what is wrong with the form the writer
 * used: the branch whose issues do not start with a wrong type at the field itself.
 */
function unionBranches(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const branch = issue.errors.find((branchIssues) => !branchIssues.some((i) => i.code === 'invalid_type' && i.path.length === 0)) ?? issue.errors[0]!;
    return unionBranches(branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
  });
}

/** Turns zod issues into problems that name the file, the field, the bad value and the fix. */
export function schemaProblems(entry: RawEntry, error: z.ZodError): ContentProblem[] {
  return unionBranches(error.issues).map((issue) => {
    const field = formatFieldPath(issue.path);
    const found = valueAt(entry.data, issue.path);
    let message = issue.message;
    let fix: string | undefined;
    if (issue.code === 'invalid_type' && found === undefined) {
      message = `is required but missing (expected ${issue.expected})`;
      fix = `add "${String(issue.path.at(-1))}:" to the frontmatter`;
    } else if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      fix = 'check the spelling against the schema in src/schemas/, or remove the field';
    }
    const problem: ContentProblem = { file: entry.file, field, message };
    if (found !== undefined && issue.code !== 'unrecognized_keys') problem.value = found;
    if (fix) problem.fix = fix;
    return problem;
  });
}

/** Validates every entry and every reference between entries. */
export function checkIntegrity(raw: readonly RawEntry[]): IntegrityResult {
  const problems: ContentProblem[] = [];
  const entries: ValidEntry[] = [];
  for (const entry of raw) {
    const schema = collectionDefinitions[entry.collection].schema as z.ZodType;
    const result = schema.safeParse(entry.data);
    if (result.success) entries.push({ ...entry, data: result.data });
    else problems.push(...schemaProblems(entry, result.error));
  }

  const ids = (name: CollectionName) => entries.filter((e) => e.collection === name).map((e) => e.id).sort();
  const idSets = {} as Record<CollectionName, Set<string>>;
  for (const name of Object.keys(collectionDefinitions) as CollectionName[]) idSets[name] = new Set(ids(name));
  // An entry that failed its schema still exists: do not report references to it as dangling.
  for (const entry of raw) idSets[entry.collection].add(entry.id);

  const checkRef = (entry: ValidEntry, field: string, target: CollectionName, id: string) => {
    if (idSets[target].has(id)) return;
    const folder = collectionFolder(target);
    const ext = collectionDefinitions[target].pattern.endsWith('.md') ? 'md' : 'yaml';
    problems.push({
      file: entry.file,
      field,
      value: id,
      message: `no ${singular[target]} has the id "${id}". Valid choices: ${describeChoices(ids(target))}`,
      fix: `use one of those ids, or create content/${folder}/${id}.${ext}`,
    });
  };

  const vendors = new Map(entries.filter((e) => e.collection === 'vendors').map((e) => [e.id, e.data as Vendor]));
  const checkProduct = (entry: ValidEntry, field: string, vendorId: string, productId: string) => {
    const vendor = vendors.get(vendorId);
    if (!vendor) return;
    if (vendor.products.some((p) => p.id === productId)) return;
    problems.push({
      file: entry.file,
      field,
      value: productId,
      message: `vendor "${vendorId}" has no product "${productId}". Valid choices: ${describeChoices(vendor.products.map((p) => p.id))}`,
      fix: `add the product to content/vendors/${vendorId}.md, or use one of those ids`,
    });
  };

  // Aliases must point at one entity only, or search by alias becomes ambiguous.
  const aliasOwners = new Map<string, string>();
  for (const entry of entries.filter((e) => e.collection === 'actors')) {
    const actor = entry.data as Actor;
    for (const [index, name] of [actor.name, ...actor.aliases.map((a) => a.name)].entries()) {
      const key = name.toLowerCase();
      const owner = aliasOwners.get(key);
      if (owner && owner !== entry.id) {
        problems.push({
          file: entry.file,
          field: index === 0 ? 'name' : `aliases[${index - 1}].name`,
          value: name,
          message: `the name "${name}" already belongs to actor "${owner}": one name must lead to one actor`,
          fix: 'remove the alias from one of the two actors, or merge them',
        });
      } else aliasOwners.set(key, entry.id);
    }
  }

  for (const entry of entries) {
    if (entry.collection === 'vendors') {
      const seen = new Set<string>();
      (entry.data as Vendor).products.forEach((product, index) => {
        if (seen.has(product.id)) {
          problems.push({ file: entry.file, field: `products[${index}].id`, value: product.id, message: `product id "${product.id}" is used twice in this vendor`, fix: 'give each product its own id' });
        }
        seen.add(product.id);
      });
    }
    if (entry.collection === 'vulnerabilities') {
      const vuln = entry.data as Vulnerability;
      if (vuln.cve.toLowerCase() !== entry.id) {
        problems.push({ file: entry.file, field: 'cve', value: vuln.cve, message: `the file name must be the CVE id in lower case`, fix: `rename the file to ${vuln.cve.toLowerCase()}.yaml` });
      }
      checkRef(entry, 'vendor', 'vendors', vuln.vendor);
      if (vuln.product) checkProduct(entry, 'product', vuln.vendor, vuln.product);
      const sourceIds = vuln.sources.map((s) => s.id);
      const citedIds: [string, string][] = [...vuln.fixSources.map((id, i): [string, string] => [`fixSources[${i}]`, id])];
      if (vuln.advisory) citedIds.push(['advisory', vuln.advisory]);
      vuln.kev?.sources.forEach((id, i) => citedIds.push([`kev.sources[${i}]`, id]));
      for (const [field, id] of citedIds) {
        if (!sourceIds.includes(id)) {
          problems.push({ file: entry.file, field, value: id, message: `no source of this vulnerability has the id "${id}". Known sources: ${describeChoices(sourceIds)}`, fix: `add a source with id "${id}" to sources, or use one of those ids` });
        }
      }
      if ((vuln.patched || vuln.fixedVersions.length > 0) && vuln.fixSources.length === 0) {
        problems.push({ file: entry.file, field: 'fixSources', message: 'the fix date or fixed versions have no source', fix: 'list the ids of the sources that give them (the vendor advisory or the CVE record) in fixSources' });
      }
      if (vuln.kev && vuln.kev.sources.length === 0) {
        problems.push({ file: entry.file, field: 'kev.sources', message: "the CISA KEV listing has no source", fix: "list the id of the source that gives it (CISA's catalogue, or the CVE record's CISA part) in kev.sources" });
      }
    }
    if (entry.collection === 'attackTypes') {
      const parent = (entry.data as AttackType).parent;
      if (parent) checkRef(entry, 'parent', 'attackTypes', parent);
    }
    if (entry.collection !== 'incidents') continue;
    const incident = entry.data as Incident;
    if (!/-\d{4}$/.test(entry.id)) {
      problems.push({ file: entry.file, field: '', message: `incident id "${entry.id}" must end with the year the incident started`, fix: `rename the file, e.g. ${entry.id}-${incident.dates.started.date.value.slice(0, 4)}.md` });
    }
    const seenOrgs = new Set<string>();
    incident.organisations.forEach((org, i) => {
      checkRef(entry, `organisations[${i}].id`, 'organisations', org.id);
      if (seenOrgs.has(org.id)) problems.push({ file: entry.file, field: `organisations[${i}].id`, value: org.id, message: 'this organisation is listed twice', fix: 'keep one entry and merge their sources' });
      seenOrgs.add(org.id);
    });
    incident.vendors.forEach((v, i) => {
      checkRef(entry, `vendors[${i}].id`, 'vendors', v.id);
      v.products.forEach((p, j) => checkProduct(entry, `vendors[${i}].products[${j}]`, v.id, p));
    });
    incident.actors.forEach((a, i) => checkRef(entry, `actors[${i}].id`, 'actors', a.id));
    incident.attackTypes.forEach((t, i) => checkRef(entry, `attackTypes[${i}]`, 'attackTypes', t));
    incident.vulnerabilities.forEach((link, i) => checkRef(entry, `vulnerabilities[${i}]`, 'vulnerabilities', link.cve.toLowerCase()));
    incident.controls.forEach((c, i) => checkRef(entry, `controls[${i}].control`, 'controls', c.control));
    incident.lessons.forEach((lesson, i) => lesson.controls.forEach((id, j) => checkRef(entry, `lessons[${i}].controls[${j}]`, 'controls', id)));
    incident.training.compareWith.forEach((id, i) => checkRef(entry, `training.compareWith[${i}]`, 'incidents', id));

    const sourceIds = new Set(incident.sources.map((s) => s.id));
    for (const id of findCitations(entry.body)) {
      if (!sourceIds.has(id)) {
        problems.push({
          file: entry.file,
          field: 'body',
          value: `[@${id}]`,
          message: `the text cites unknown source "${id}". Known sources: ${describeChoices([...sourceIds])}`,
          fix: `add a source with id "${id}" to the frontmatter, or correct the cite`,
        });
      }
    }
    for (let i = 1; i < incident.chronology.length; i++) {
      const previous = incident.chronology[i - 1];
      const current = incident.chronology[i];
      // A month- or year-precision event may follow a day within its span ("June 2024" after 14 June).
      if (previous && current && !notBefore(current.date, previous.date)) {
        problems.push({
          file: entry.file,
          field: `chronology[${i}].date`,
          value: current.date.value,
          message: `is earlier than the event before it (${previous.date.value})`,
          fix: 'list chronology events in date order',
        });
      }
    }
  }
  return { problems, entries };
}
