/**
 * Reverse relations the reading pages show that the model does not keep directly: an attack
 * type's children, a vendor's vulnerabilities, the incidents where a control mattered, and every
 * exposure window. Computed once per knowledge base (memoised), never once per page.
 */
import type { AttackType } from '../schemas/attack-type.ts';
import type { Vulnerability } from '../schemas/vulnerability.ts';
import type { Vendor } from '../schemas/vendor.ts';
import type { Entry, EntityWithIncidents, KnowledgeBase, ResolvedIncident } from './model.ts';
import { exposureWindow, type ExposureWindow } from './exposure.ts';
import { controlEffects } from '../schemas/vocabularies.ts';

type ControlLink = ResolvedIncident['controls'][number];
type VulnerabilityEntry = EntityWithIncidents<Vulnerability>;

export interface ControlUse {
  incident: ResolvedIncident;
  link: ControlLink;
}

export interface IncidentExposure {
  incident: ResolvedIncident;
  vulnerability: VulnerabilityEntry;
  window: ExposureWindow;
}

export interface Relations {
  /** Attack type id → its child types, by name. */
  attackTypeChildren: Map<string, EntityWithIncidents<AttackType>[]>;
  /** Vendor id → the vulnerabilities recorded against its products, by CVE. */
  vendorVulnerabilities: Map<string, VulnerabilityEntry[]>;
  /** Control id → every incident where it would have helped, newest first. */
  controlUses: Map<string, ControlUse[]>;
  /** Vulnerability id (lower-case CVE) → its exposure window in each incident, newest first. */
  exposuresByVulnerability: Map<string, IncidentExposure[]>;
  /** Incident id → the exposure window of each of its vulnerabilities, in the incident's order. */
  exposuresByIncident: Map<string, IncidentExposure[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const memo = new WeakMap<KnowledgeBase, Relations>();

export function getRelations(kb: KnowledgeBase): Relations {
  let relations = memo.get(kb);
  if (!relations) {
    relations = buildRelations(kb);
    memo.set(kb, relations);
  }
  return relations;
}

export function buildRelations(kb: KnowledgeBase): Relations {
  const attackTypeChildren = new Map<string, EntityWithIncidents<AttackType>[]>();
  for (const type of [...kb.attackTypes.values()].sort((a, b) => a.data.name.localeCompare(b.data.name))) {
    if (type.data.parent) push(attackTypeChildren, type.data.parent, type);
  }

  const vendorVulnerabilities = new Map<string, VulnerabilityEntry[]>();
  for (const vulnerability of [...kb.vulnerabilities.values()].sort((a, b) => a.data.cve.localeCompare(b.data.cve, 'en', { numeric: true }))) {
    push(vendorVulnerabilities, vulnerability.data.vendor, vulnerability);
  }

  const controlUses = new Map<string, ControlUse[]>();
  const exposuresByVulnerability = new Map<string, IncidentExposure[]>();
  const exposuresByIncident = new Map<string, IncidentExposure[]>();
  // kb.incidents is newest first, so every list built from it is too.
  for (const incident of kb.incidents) {
    for (const link of incident.controls) push(controlUses, link.control, { incident, link });
    for (const vulnerability of incident.vulnerabilities) {
      const exposure: IncidentExposure = {
        incident,
        vulnerability: kb.vulnerabilities.get(vulnerability.id) ?? { ...vulnerability, incidents: [] },
        window: exposureWindow(incident.data.dates.started.date, vulnerability.data),
      };
      push(exposuresByVulnerability, vulnerability.id, exposure);
      push(exposuresByIncident, incident.id, exposure);
    }
  }

  return { attackTypeChildren, vendorVulnerabilities, controlUses, exposuresByVulnerability, exposuresByIncident };
}

/** How an actor is tied to an incident (status, basis, sources), or undefined if it is not. */
export function attributionIn(incident: ResolvedIncident, actorId: string) {
  return incident.actors.find((a) => a.id === actorId);
}

/** An organisation's role(s) in an incident. */
export function organisationRolesIn(incident: ResolvedIncident, organisationId: string) {
  return incident.organisations.filter((o) => o.id === organisationId);
}

export interface VendorInvolvement {
  role: 'compromised-supplier' | 'vulnerable-product';
  products: Vendor['products'];
  /** CVEs of this vendor's products exploited in the incident. */
  cves: string[];
  note?: string | undefined;
}

/**
 * How a vendor figures in an incident: as named in the incident's vendors list, plus, when the
 * incident names only a CVE in one of its products, as the maker of the exploited product.
 */
export function vendorInvolvementIn(incident: ResolvedIncident, vendor: Pick<Entry<Vendor>, 'id' | 'data'>): VendorInvolvement[] {
  const vendorId = vendor.id;
  const cves = incident.vulnerabilities.filter((v) => v.data.vendor === vendorId);
  const involvements: VendorInvolvement[] = incident.vendors
    .filter((v) => v.id === vendorId)
    .map((v) => ({ role: v.role, products: v.products, cves: v.role === 'vulnerable-product' ? cves.map((c) => c.data.cve) : [], note: v.note }));
  if (cves.length && !involvements.some((i) => i.role === 'vulnerable-product')) {
    const productIds = new Set(cves.map((c) => c.data.product));
    const products = vendor.data.products.filter((p) => productIds.has(p.id));
    involvements.push({ role: 'vulnerable-product', products, cves: cves.map((c) => c.data.cve) });
  }
  return involvements;
}

/** A control's uses grouped by how it would have helped (prevent, detect, limit, recover), empty groups dropped. */
export function groupUsesByEffect(uses: readonly ControlUse[]): { effect: ControlLink['effect']; uses: ControlUse[] }[] {
  return controlEffects.map((effect) => ({ effect, uses: uses.filter((u) => u.link.effect === effect) })).filter((group) => group.uses.length > 0);
}
