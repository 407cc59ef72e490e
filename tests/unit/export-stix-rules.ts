/**
 * Checks a STIX 2.1 bundle against the specification's rules that a consumer relies on. Written
 * from the spec (sections 2, 3, 4, 5, 10), independently of the exporter, and shared by the unit
 * test and the test over the built site. Returns problems as readable strings; [] means valid.
 */

/** STIX 2.1 section 4 relationship tables for the SDO types that can appear here (source → target → types). */
const specRelationships: Record<string, Record<string, string[]>> = {
  'attack-pattern': { malware: ['delivers', 'uses'], identity: ['targets'], location: ['targets'], vulnerability: ['targets'], tool: ['uses'] },
  campaign: { 'intrusion-set': ['attributed-to'], 'threat-actor': ['attributed-to'], identity: ['targets'], location: ['targets', 'originates-from'], vulnerability: ['targets'], 'attack-pattern': ['uses'], malware: ['uses'], tool: ['uses'] },
  'course-of-action': { indicator: ['investigates', 'mitigates'], 'attack-pattern': ['mitigates'], malware: ['mitigates', 'remediates'], tool: ['mitigates'], vulnerability: ['mitigates', 'remediates'] },
  identity: { location: ['located-at'] },
  'intrusion-set': { 'threat-actor': ['attributed-to'], identity: ['targets'], location: ['targets', 'originates-from'], vulnerability: ['targets'], 'attack-pattern': ['uses'], malware: ['uses'], tool: ['uses'] },
  'threat-actor': { identity: ['attributed-to', 'impersonates', 'targets'], location: ['located-at', 'targets'], vulnerability: ['targets'], 'attack-pattern': ['uses'], malware: ['uses'], tool: ['uses'] },
};

/**
 * The spec defines no relationships for incident (a stub in 2.1). The bundle documents on /data/
 * that it follows what platforms use for incidents; these are the only pairs it may add.
 */
const incidentConventions: Record<string, Record<string, string[]>> = {
  incident: { 'threat-actor': ['attributed-to'], identity: ['targets'], vulnerability: ['targets'], 'attack-pattern': ['uses'] },
  'course-of-action': { incident: ['mitigates'] },
};

/** Spec section 5: related-to, derived-from and duplicate-of are allowed between any two objects. */
const anyPair = ['related-to', 'derived-from', 'duplicate-of'];

function relationshipAllowed(source: string, type: string, target: string): boolean {
  if (anyPair.includes(type)) return true;
  return [specRelationships, incidentConventions].some((table) => table[source]?.[target]?.includes(type) ?? false);
}

const identityClassOv = ['individual', 'group', 'system', 'organization', 'class', 'unknown'];
const industrySectorOv = [
  'agriculture', 'aerospace', 'automotive', 'chemical', 'commercial', 'communications', 'construction', 'defense', 'education',
  'energy', 'entertainment', 'financial-services', 'government', 'emergency-services', 'government-local', 'government-national',
  'government-public-services', 'government-regional', 'healthcare', 'hospitality-leisure', 'infrastructure', 'dams', 'nuclear',
  'water', 'insurance', 'manufacturing', 'mining', 'non-profit', 'pharmaceuticals', 'retail', 'technology', 'telecommunications',
  'transportation', 'utilities',
];
const threatActorTypeOv = ['activist', 'competitor', 'crime-syndicate', 'criminal', 'hacker', 'insider-accidental', 'insider-disgruntled', 'nation-state', 'sensationalist', 'spy', 'terrorist', 'unknown'];
const attackMotivationOv = ['accidental', 'coercion', 'dominance', 'ideology', 'notoriety', 'organizational-gain', 'personal-gain', 'personal-satisfaction', 'revenge', 'unpredictable'];
const reportTypeOv = ['attack-pattern', 'campaign', 'identity', 'indicator', 'intrusion-set', 'malware', 'observed-data', 'threat-actor', 'threat-report', 'tool', 'vulnerability'];

/** Required properties per object type, beyond the common ones (spec section 4, 5 and 7.3). */
const required: Record<string, string[]> = {
  incident: ['name'],
  'threat-actor': ['name'],
  identity: ['name'],
  vulnerability: ['name'],
  'attack-pattern': ['name'],
  'course-of-action': ['name'],
  report: ['name', 'published', 'object_refs'],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
  'extension-definition': ['name', 'schema', 'version', 'extension_types', 'created_by_ref'],
};

const timestamp = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const customName = /^[a-z0-9_]{3,250}$/;

type Obj = Record<string, unknown>;

export function stixProblems(bundle: unknown): string[] {
  const problems: string[] = [];
  const b = bundle as Obj;
  if (b.type !== 'bundle') problems.push('bundle: type must be "bundle"');
  if (typeof b.id !== 'string' || !b.id.startsWith('bundle--') || !uuid.test(b.id.slice(8))) problems.push(`bundle: id "${String(b.id)}" is not bundle--<uuid>`);
  if ('spec_version' in b) problems.push('bundle: STIX 2.1 bundles have no spec_version');
  const objects = (Array.isArray(b.objects) ? b.objects : []) as Obj[];
  if (objects.length === 0) problems.push('bundle: no objects');
  const byId = new Map<string, Obj>();
  for (const o of objects) {
    const id = String(o.id);
    if (byId.has(id)) problems.push(`${id}: id used twice`);
    byId.set(id, o);
  }
  const typeOf = (ref: unknown) => byId.get(String(ref))?.type as string | undefined;

  for (const o of objects) {
    const id = String(o.id);
    const type = String(o.type);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(type) || type.length < 3 || type.length > 250) problems.push(`${id}: type "${type}" is not a valid STIX type`);
    const [prefix, value] = id.split('--');
    if (prefix !== type) problems.push(`${id}: id prefix does not match type "${type}"`);
    if (!value || !uuid.test(value)) problems.push(`${id}: id does not end in an RFC 4122 UUID`);
    if (o.spec_version !== '2.1') problems.push(`${id}: spec_version must be "2.1"`);
    for (const key of ['created', 'modified'] as const) {
      if (typeof o[key] !== 'string' || !timestamp.test(o[key] as string)) problems.push(`${id}: ${key} "${String(o[key])}" is not a STIX timestamp (UTC, ending in Z)`);
    }
    if (typeof o.created === 'string' && typeof o.modified === 'string' && Date.parse(o.modified) < Date.parse(o.created)) problems.push(`${id}: modified is before created`);
    if (!(type in required)) problems.push(`${id}: unexpected object type "${type}"`);
    for (const property of required[type] ?? []) {
      if (o[property] === undefined || o[property] === '' || (Array.isArray(o[property]) && (o[property] as unknown[]).length === 0)) problems.push(`${id}: required property ${property} is missing`);
    }
    if (o.created_by_ref !== undefined && typeOf(o.created_by_ref) !== 'identity') problems.push(`${id}: created_by_ref does not point at an identity in the bundle`);
    for (const ref of (o.external_references as Obj[] | undefined) ?? []) {
      if (typeof ref.source_name !== 'string' || !ref.source_name) problems.push(`${id}: an external reference has no source_name`);
      if (ref.url === undefined && ref.external_id === undefined && ref.description === undefined) problems.push(`${id}: external reference "${String(ref.source_name)}" needs a url, external_id or description`);
      if (ref.url !== undefined && !/^https?:\/\//.test(String(ref.url))) problems.push(`${id}: external reference url "${String(ref.url)}" is not absolute`);
    }
    for (const [key, extension] of Object.entries((o.extensions as Obj | undefined) ?? {})) {
      if (typeOf(key) !== 'extension-definition') problems.push(`${id}: extension ${key} has no extension-definition in the bundle`);
      const ext = extension as Obj;
      if (ext.extension_type !== 'property-extension') problems.push(`${id}: extension ${key} must say extension_type "property-extension"`);
      for (const name of Object.keys(ext)) if (!customName.test(name)) problems.push(`${id}: extension property "${name}" must be 3-250 lower-case letters, digits or underscores`);
    }
    switch (type) {
      case 'identity':
        if (!identityClassOv.includes(String(o.identity_class))) problems.push(`${id}: identity_class "${String(o.identity_class)}" is not in identity-class-ov`);
        for (const sector of (o.sectors as string[] | undefined) ?? []) if (!industrySectorOv.includes(sector)) problems.push(`${id}: sector "${sector}" is not in industry-sector-ov`);
        break;
      case 'threat-actor':
        for (const t of (o.threat_actor_types as string[] | undefined) ?? []) if (!threatActorTypeOv.includes(t)) problems.push(`${id}: threat actor type "${t}" is not in threat-actor-type-ov`);
        if (o.primary_motivation !== undefined && !attackMotivationOv.includes(String(o.primary_motivation))) problems.push(`${id}: primary_motivation is not in attack-motivation-ov`);
        if (o.first_seen !== undefined && !timestamp.test(String(o.first_seen))) problems.push(`${id}: first_seen is not a timestamp`);
        break;
      case 'vulnerability': {
        const refs = (o.external_references as Obj[] | undefined) ?? [];
        if (!refs.some((r) => r.source_name === 'cve' && r.external_id === o.name)) problems.push(`${id}: a CVE vulnerability needs an external reference with source_name "cve" and its CVE id`);
        break;
      }
      case 'attack-pattern': {
        const refs = (o.external_references as Obj[] | undefined) ?? [];
        if (!refs.some((r) => r.source_name === 'mitre-attack' && /^T\d{4}(\.\d{3})?$/.test(String(r.external_id)))) problems.push(`${id}: attack pattern has no mitre-attack technique id`);
        break;
      }
      case 'report':
        for (const t of (o.report_types as string[] | undefined) ?? []) if (!reportTypeOv.includes(t)) problems.push(`${id}: report type "${t}" is not in report-type-ov`);
        if (!timestamp.test(String(o.published))) problems.push(`${id}: published is not a timestamp`);
        for (const r of (o.object_refs as string[] | undefined) ?? []) if (!byId.has(r)) problems.push(`${id}: object_ref ${r} is not in the bundle`);
        break;
      case 'relationship': {
        const source = typeOf(o.source_ref);
        const target = typeOf(o.target_ref);
        if (!source) problems.push(`${id}: source_ref ${String(o.source_ref)} is not in the bundle`);
        if (!target) problems.push(`${id}: target_ref ${String(o.target_ref)} is not in the bundle`);
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(String(o.relationship_type))) problems.push(`${id}: relationship_type must be lower case with hyphens`);
        if (source && target && !relationshipAllowed(source, String(o.relationship_type), target)) {
          problems.push(`${id}: "${String(o.relationship_type)}" is not a relationship from ${source} to ${target}`);
        }
        break;
      }
    }
  }
  return problems;
}

