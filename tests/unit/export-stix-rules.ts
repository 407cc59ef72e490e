/**
 * Checks a STIX 2.1 bundle against the rules of the specification (STIX Version 2.1, OASIS
 * Standard, with Errata 01) and of the OASIS STIX 2.1 JSON schemas that apply to the object types
 * the site emits. Written from the spec text, independently of the exporter, and shared by the unit
 * test and the test over the built site. The OASIS schemas cannot be fetched or committed here, so
 * each rule names the section it comes from. Every problem starts with the failing object's id;
 * [] means valid.
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
 * The spec defines no relationships for incident (a stub in 2.1, section 4.6.2, which allows
 * user-defined names). The bundle documents on /data/ that it follows what platforms use for
 * incidents; these are the only pairs it may add.
 */
const incidentConventions: Record<string, Record<string, string[]>> = {
  incident: { 'threat-actor': ['attributed-to'], identity: ['targets'], vulnerability: ['targets'], 'attack-pattern': ['uses'] },
  'course-of-action': { incident: ['mitigates'] },
};

/** Spec section 3.7: related-to, derived-from and duplicate-of are allowed between any two objects. */
const anyPair = ['related-to', 'derived-from', 'duplicate-of'];

function relationshipAllowed(source: string, type: string, target: string): boolean {
  if (anyPair.includes(type)) return true;
  return [specRelationships, incidentConventions].some((table) => table[source]?.[target]?.includes(type) ?? false);
}

// Section 10 vocabularies (open vocabularies: the site keeps to the listed values).
const identityClassOv = ['individual', 'group', 'system', 'organization', 'class', 'unknown'];
const industrySectorOv = [
  'agriculture', 'aerospace', 'automotive', 'chemical', 'commercial', 'communications', 'construction', 'defense', 'education',
  'energy', 'engineering', 'entertainment', 'financial-services', 'government', 'emergency-services', 'government-local', 'government-national',
  'government-public-services', 'government-regional', 'healthcare', 'hospitality-leisure', 'infrastructure', 'dams', 'nuclear',
  'water', 'insurance', 'manufacturing', 'mining', 'non-profit', 'pharmaceuticals', 'retail', 'technology', 'telecommunications',
  'transportation', 'utilities',
];
const threatActorTypeOv = ['activist', 'competitor', 'crime-syndicate', 'criminal', 'hacker', 'insider-accidental', 'insider-disgruntled', 'nation-state', 'sensationalist', 'spy', 'terrorist', 'unknown'];
const attackMotivationOv = ['accidental', 'coercion', 'dominance', 'ideology', 'notoriety', 'organizational-gain', 'personal-gain', 'personal-satisfaction', 'revenge', 'unpredictable'];
const reportTypeOv = ['attack-pattern', 'campaign', 'identity', 'indicator', 'intrusion-set', 'malware', 'observed-data', 'threat-actor', 'threat-report', 'tool', 'vulnerability'];
// Section 7.3.1: extension-type-enum.
const extensionTypeEnum = ['new-sdo', 'new-sco', 'new-sro', 'property-extension', 'toplevel-property-extension'];

// Section 3.2: the common properties of SDOs and SROs; section 7.3.1 for extension definitions.
const commonRequired = ['type', 'spec_version', 'id', 'created', 'modified'];
const commonOptional = ['created_by_ref', 'revoked', 'labels', 'confidence', 'lang', 'external_references', 'object_marking_refs', 'granular_markings', 'extensions'];

/** Properties each object type may carry: the common ones plus its own (sections 4.x, 5.1.2, 7.3.1). */
const properties: Record<string, { required: string[]; optional: string[] }> = {
  'attack-pattern': { required: ['name'], optional: ['description', 'aliases', 'kill_chain_phases'] },
  'course-of-action': { required: ['name'], optional: ['description'] },
  identity: { required: ['name'], optional: ['description', 'roles', 'identity_class', 'sectors', 'contact_information'] },
  incident: { required: ['name'], optional: ['description'] },
  note: { required: ['content', 'object_refs'], optional: ['abstract', 'authors'] },
  report: { required: ['name', 'published', 'object_refs'], optional: ['description', 'report_types'] },
  'threat-actor': {
    required: ['name'],
    optional: ['description', 'threat_actor_types', 'aliases', 'first_seen', 'last_seen', 'roles', 'goals', 'sophistication', 'resource_level', 'primary_motivation', 'secondary_motivations', 'personal_motivations'],
  },
  vulnerability: { required: ['name'], optional: ['description'] },
  relationship: { required: ['relationship_type', 'source_ref', 'target_ref'], optional: ['description', 'start_time', 'stop_time'] },
};
// Section 7.3.1: created_by_ref is required; confidence, lang and extensions do not apply.
const extensionDefinition = {
  required: [...commonRequired, 'created_by_ref', 'name', 'schema', 'version', 'extension_types'],
  optional: ['revoked', 'labels', 'external_references', 'object_marking_refs', 'granular_markings', 'description', 'extension_properties'],
};

/** Section 2.16: RFC 3339 in UTC ("Z"). */
const timestamp = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/;
/** Section 3.2: created and modified MUST be precise to the nearest millisecond. */
const millisecondTimestamp = /\.\d{3,}Z$/;
/** Section 2.9 and the OASIS identifier schema: object-type--UUID, an RFC 4122 UUID of version 1 to 5. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const identifier = /^([a-z][a-z0-9-]+[a-z0-9])--(.+)$/;
/** Section 3.1 (and 7.3 for extension properties): lower-case ASCII, letters, digits, underscores, 3 to 250 characters, starting with a letter. */
const propertyName = /^[a-z][a-z0-9_]{2,249}$/;
/** Section 3.1: type names in lower case with single hyphens. */
const typeName = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Section 2.5 and 4.19, with the patterns of the OASIS external-reference schema. */
const cveId = /^CVE-\d{4}-(0\d{3}|[1-9]\d{3,})$/;
const capecId = /^CAPEC-\d+$/;
/** Section 5.1.2: source_ref and target_ref point at an SDO or SCO, never at these. */
const notRelationshipEnds = ['relationship', 'sighting', 'bundle', 'marking-definition', 'language-content'];

type Obj = Record<string, unknown>;

/** Section 2.9: an identifier, whatever object it names. */
function identifierProblem(value: unknown): string | undefined {
  const match = identifier.exec(String(value));
  if (typeof value !== 'string' || !match) return `"${String(value)}" is not an identifier (type--UUID)`;
  if (!uuid.test(match[2]!)) return `"${value}" does not end in an RFC 4122 UUID of version 1 to 5`;
  return undefined;
}

/**
 * Sections 2.12 and 3.1 (and the OASIS properties schema): every property name is lower-case
 * snake case of 3 to 250 characters, no value is null, and no list is empty (an empty list MUST NOT
 * stand in for an absent property).
 */
function propertyProblems(where: string, object: Obj): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(object)) {
    if (name !== 'id' && !propertyName.test(name)) problems.push(`${where} property "${name}" must be 3-250 lower-case letters, digits or underscores, starting with a letter`);
    if (value === null) problems.push(`${where} property ${name} is null: leave the property out instead`);
    if (Array.isArray(value) && value.length === 0) problems.push(`${where} property ${name} is an empty list: leave the property out instead`);
  }
  return problems;
}

/** Section 2.5 (with 4.19 and the OASIS external-reference schema's three cases). */
function externalReferenceProblems(id: string, ref: Obj): string[] {
  const problems: string[] = [];
  const source = ref.source_name;
  const externalId = ref.external_id;
  if (typeof source !== 'string' || !source) return [`${id}: an external reference has no source_name`];
  if (ref.url === undefined && externalId === undefined && ref.description === undefined) problems.push(`${id}: external reference "${source}" needs a url, external_id or description`);
  if (ref.url !== undefined && !/^https?:\/\/[^\s]+$/.test(String(ref.url))) problems.push(`${id}: external reference url "${String(ref.url)}" is not an absolute URL`);
  for (const key of Object.keys(ref)) {
    if (!['source_name', 'description', 'url', 'hashes', 'external_id'].includes(key)) problems.push(`${id}: external reference "${source}" has "${key}", which section 2.5 does not define`);
  }
  if (source === 'cve' && !cveId.test(String(externalId))) problems.push(`${id}: external reference "cve" must give a CVE id as external_id, not "${String(externalId)}"`);
  if (source === 'capec' && !capecId.test(String(externalId))) problems.push(`${id}: external reference "capec" must give a CAPEC id as external_id, not "${String(externalId)}"`);
  if (source !== 'cve' && source !== 'capec' && typeof externalId === 'string' && (cveId.test(externalId) || capecId.test(externalId))) {
    problems.push(`${id}: external reference "${source}" carries ${externalId} as external_id, which only source_name "${cveId.test(externalId) ? 'cve' : 'capec'}" may: drop it or move it to that reference`);
  }
  return problems;
}

export function stixProblems(bundle: unknown): string[] {
  const problems: string[] = [];
  const b = bundle as Obj;
  // Section 8: the bundle.
  if (b.type !== 'bundle') problems.push('bundle: type must be "bundle"');
  if (!String(b.id).startsWith('bundle--') || identifierProblem(b.id)) problems.push(`bundle: id "${String(b.id)}" is not bundle--<uuid>`);
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
  const refsInBundle = (id: string, property: string, refs: unknown) => {
    for (const r of (refs as unknown[] | undefined) ?? []) {
      const bad = identifierProblem(r);
      if (bad) problems.push(`${id}: ${property} ${bad}`);
      else if (!byId.has(String(r))) problems.push(`${id}: ${property} ${String(r)} is not in the bundle`);
    }
  };

  for (const o of objects) {
    const id = String(o.id);
    const type = String(o.type);
    // Section 3.1 and 3.2: type and id.
    if (!typeName.test(type) || type.length < 3 || type.length > 250) problems.push(`${id}: type "${type}" is not a valid STIX type`);
    const badId = identifierProblem(o.id);
    if (badId) problems.push(`${id}: id ${badId}`);
    else if (id.split('--')[0] !== type) problems.push(`${id}: id prefix does not match type "${type}"`);
    if (o.spec_version !== '2.1') problems.push(`${id}: spec_version must be "2.1"`);
    for (const key of ['created', 'modified'] as const) {
      if (typeof o[key] !== 'string' || !timestamp.test(o[key] as string)) problems.push(`${id}: ${key} "${String(o[key])}" is not a STIX timestamp (UTC, ending in Z)`);
      else if (!millisecondTimestamp.test(o[key] as string)) problems.push(`${id}: ${key} "${String(o[key])}" must be precise to the millisecond (.000Z)`);
    }
    if (typeof o.created === 'string' && typeof o.modified === 'string' && Date.parse(o.modified) < Date.parse(o.created)) problems.push(`${id}: modified is before created`);

    // Which properties the type may carry.
    const allowed = type === 'extension-definition' ? extensionDefinition : properties[type] ? { required: [...commonRequired, ...properties[type]!.required], optional: [...commonOptional, ...properties[type]!.optional] } : undefined;
    if (!allowed) {
      problems.push(`${id}: unexpected object type "${type}"`);
    } else {
      for (const property of allowed.required) {
        if (o[property] === undefined || o[property] === '') problems.push(`${id}: required property ${property} is missing`);
      }
      for (const property of Object.keys(o)) {
        if (!allowed.required.includes(property) && !allowed.optional.includes(property) && !property.startsWith('x_')) {
          problems.push(`${id}: property ${property} is not defined for ${type} (section 3.2 and the ${type} section); use the extension or document an x_ property`);
        }
      }
    }
    problems.push(...propertyProblems(`${id}:`, o));

    // Section 3.2: common optional properties.
    if (o.created_by_ref !== undefined && typeOf(o.created_by_ref) !== 'identity') problems.push(`${id}: created_by_ref does not point at an identity in the bundle`);
    if (o.confidence !== undefined && !(Number.isInteger(o.confidence) && (o.confidence as number) >= 0 && (o.confidence as number) <= 100)) problems.push(`${id}: confidence ${String(o.confidence)} must be a whole number from 0 to 100`);
    if (o.labels !== undefined && !(Array.isArray(o.labels) && o.labels.every((l) => typeof l === 'string'))) problems.push(`${id}: labels must be a list of strings`);
    if (o.external_references !== undefined && !Array.isArray(o.external_references)) problems.push(`${id}: external_references must be a list`);
    for (const ref of (o.external_references as Obj[] | undefined) ?? []) problems.push(...externalReferenceProblems(id, ref));
    for (const [key, extension] of Object.entries((o.extensions as Obj | undefined) ?? {})) {
      // Section 3.2 (extensions) and 7.3: keys name an extension definition (or a predefined -ext).
      if (key.startsWith('extension-definition--')) {
        if (typeOf(key) !== 'extension-definition') problems.push(`${id}: extension ${key} has no extension-definition in the bundle`);
      } else if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*-ext$/.test(key)) {
        problems.push(`${id}: extension key "${key}" is neither an extension-definition id nor a predefined -ext name`);
      }
      const ext = extension as Obj;
      if (!extensionTypeEnum.includes(String(ext.extension_type))) problems.push(`${id}: extension ${key} must say an extension_type from extension-type-enum`);
      const definition = byId.get(key);
      if (definition && !(definition.extension_types as string[] | undefined)?.includes(String(ext.extension_type))) problems.push(`${id}: extension ${key} is a ${String(ext.extension_type)}, which its definition does not list`);
      problems.push(...propertyProblems(`${id}: extension`, ext));
    }

    switch (type) {
      case 'identity':
        if (o.identity_class !== undefined && !identityClassOv.includes(String(o.identity_class))) problems.push(`${id}: identity_class "${String(o.identity_class)}" is not in identity-class-ov`);
        for (const sector of (o.sectors as string[] | undefined) ?? []) if (!industrySectorOv.includes(sector)) problems.push(`${id}: sector "${sector}" is not in industry-sector-ov`);
        break;
      case 'threat-actor':
        for (const t of (o.threat_actor_types as string[] | undefined) ?? []) if (!threatActorTypeOv.includes(t)) problems.push(`${id}: threat actor type "${t}" is not in threat-actor-type-ov`);
        if (o.primary_motivation !== undefined && !attackMotivationOv.includes(String(o.primary_motivation))) problems.push(`${id}: primary_motivation is not in attack-motivation-ov`);
        for (const key of ['first_seen', 'last_seen']) if (o[key] !== undefined && !timestamp.test(String(o[key]))) problems.push(`${id}: ${key} is not a timestamp`);
        break;
      case 'vulnerability': {
        // Section 4.19: a CVE is given with source_name "cve" and the exact CVE id.
        const refs = (o.external_references as Obj[] | undefined) ?? [];
        if (cveId.test(String(o.name)) && !refs.some((r) => r.source_name === 'cve' && r.external_id === o.name)) problems.push(`${id}: a CVE vulnerability needs an external reference with source_name "cve" and its CVE id`);
        break;
      }
      case 'attack-pattern': {
        const refs = (o.external_references as Obj[] | undefined) ?? [];
        if (!refs.some((r) => r.source_name === 'mitre-attack' && /^T\d{4}(\.\d{3})?$/.test(String(r.external_id)))) problems.push(`${id}: attack pattern has no mitre-attack technique id`);
        for (const phase of (o.kill_chain_phases as Obj[] | undefined) ?? []) {
          // Section 2.11.
          if (typeof phase.kill_chain_name !== 'string' || typeof phase.phase_name !== 'string') problems.push(`${id}: a kill chain phase needs kill_chain_name and phase_name`);
        }
        break;
      }
      case 'report':
        for (const t of (o.report_types as string[] | undefined) ?? []) if (!reportTypeOv.includes(t)) problems.push(`${id}: report type "${t}" is not in report-type-ov`);
        if (!timestamp.test(String(o.published))) problems.push(`${id}: published is not a timestamp`);
        refsInBundle(id, 'object_ref', o.object_refs);
        break;
      case 'note':
        // Section 4.13.
        if (typeof o.content !== 'string') problems.push(`${id}: content must be a string`);
        refsInBundle(id, 'object_ref', o.object_refs);
        break;
      case 'extension-definition':
        // Section 7.3.1.
        for (const t of (o.extension_types as unknown[] | undefined) ?? []) if (!extensionTypeEnum.includes(String(t))) problems.push(`${id}: extension type "${String(t)}" is not in extension-type-enum`);
        if (o.extension_properties !== undefined && !(o.extension_types as string[] | undefined)?.includes('toplevel-property-extension')) problems.push(`${id}: extension_properties is only for toplevel-property-extension`);
        break;
      case 'relationship': {
        // Section 5.1.2.
        for (const end of ['source_ref', 'target_ref'] as const) {
          const bad = identifierProblem(o[end]);
          if (bad) problems.push(`${id}: ${end} ${bad}`);
          else if (notRelationshipEnds.includes(String(o[end]).split('--')[0]!)) problems.push(`${id}: ${end} points at a ${String(o[end]).split('--')[0]}, which a relationship may not`);
          else if (!byId.has(String(o[end]))) problems.push(`${id}: ${end} ${String(o[end])} is not in the bundle`);
        }
        const source = typeOf(o.source_ref);
        const target = typeOf(o.target_ref);
        if (!/^[a-z0-9-]+$/.test(String(o.relationship_type))) problems.push(`${id}: relationship_type must be lower-case ASCII letters, digits and hyphens`);
        if (source && target && !relationshipAllowed(source, String(o.relationship_type), target)) {
          problems.push(`${id}: "${String(o.relationship_type)}" is not a relationship from ${source} to ${target}`);
        }
        for (const key of ['start_time', 'stop_time']) if (o[key] !== undefined && !timestamp.test(String(o[key]))) problems.push(`${id}: ${key} is not a timestamp`);
        if (typeof o.start_time === 'string' && typeof o.stop_time === 'string' && Date.parse(o.stop_time) <= Date.parse(o.start_time)) problems.push(`${id}: stop_time must be later than start_time`);
        break;
      }
    }
  }
  return problems;
}
