/**
 * The entries of each list page (/actors/, /vendors/ ...): name, one line of detail and the
 * incident count, in a stable reading order. Pure, from the resolved model.
 */
import {
  actorTypeLabels,
  controlFrameworkLabels,
  controlFrameworks,
  organisationTypeLabels,
  regionLabels,
  vendorKindLabels,
} from '../schemas/vocabularies.ts';
import type { KnowledgeBase, ResolvedAttackType } from './model.ts';
import { paths } from './urls.ts';

export interface IndexItem {
  path: string;
  name: string;
  detail?: string | undefined;
  incidentCount: number;
}

const byName = (a: IndexItem, b: IndexItem) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' });

export function actorIndex(kb: KnowledgeBase): IndexItem[] {
  return [...kb.actors.values()]
    .map((actor) => ({
      path: paths.actor(actor.id),
      name: actor.data.name,
      detail: [
        actorTypeLabels[actor.data.type],
        actor.data.aliases.length ? `also known as ${actor.data.aliases.map((a) => a.name).join(', ')}` : '',
      ].filter(Boolean).join('; '),
      incidentCount: actor.incidents.length,
    }))
    .sort(byName);
}

export function vendorIndex(kb: KnowledgeBase): IndexItem[] {
  return [...kb.vendors.values()]
    .map((vendor) => {
      const roles = [
        vendor.asSupplier.length ? `compromised supplier in ${vendor.asSupplier.length}` : '',
        vendor.asProduct.length ? `product exploited in ${vendor.asProduct.length}` : '',
      ].filter(Boolean);
      return {
        path: paths.vendor(vendor.id),
        name: vendor.data.name,
        detail: [vendor.data.kinds.map((k) => vendorKindLabels[k]).join(', '), ...roles].join('; '),
        incidentCount: vendor.incidents.length,
      };
    })
    .sort(byName);
}

export function organisationIndex(kb: KnowledgeBase): IndexItem[] {
  return [...kb.organisations.values()]
    .map((org) => ({
      path: paths.organisation(org.id),
      name: org.data.name,
      detail: `${organisationTypeLabels[org.data.type]}, ${regionLabels[org.data.region]}`,
      incidentCount: org.incidents.length,
    }))
    .sort(byName);
}

export function vulnerabilityIndex(kb: KnowledgeBase): IndexItem[] {
  return [...kb.vulnerabilities.values()]
    .sort((a, b) => a.data.cve.localeCompare(b.data.cve, 'en', { numeric: true }))
    .map((v) => {
      const vendorName = v.vendor.data.name;
      const aliases = v.data.aliases.length ? ` (${v.data.aliases.join(', ')})` : '';
      const kev = v.data.kev ? 'on CISA KEV' : '';
      const cvss = v.data.cvss ? `CVSS ${v.data.cvss.score.toFixed(1)} ${v.data.cvss.severity}` : '';
      return {
        path: paths.vulnerability(v.data.cve),
        name: `${v.data.cve}${aliases}`,
        detail: [`${v.data.name}, ${vendorName}`, cvss, kev].filter(Boolean).join('; '),
        incidentCount: v.incidents.length,
      };
    });
}

export interface AttackTypeBranch {
  item: IndexItem;
  children: IndexItem[];
}

/** Top-level attack types by name, each with its children; a type whose parent is missing is top-level. */
export function attackTypeTree(kb: KnowledgeBase): AttackTypeBranch[] {
  const item = (type: ResolvedAttackType): IndexItem => ({ path: paths.attackType(type.id), name: type.data.name, detail: type.data.summary, incidentCount: type.incidents.length });
  return [...kb.attackTypes.values()]
    .filter((type) => !type.parent)
    .map((type) => ({ item: item(type), children: type.children.map(item) }))
    .sort((a, b) => byName(a.item, b.item));
}

export interface ControlGroup {
  framework: string;
  items: IndexItem[];
}

/** Controls grouped by framework (in the vocabulary's order), each group in reference order. */
export function controlIndex(kb: KnowledgeBase): ControlGroup[] {
  return controlFrameworks
    .map((framework) => ({
      framework: controlFrameworkLabels[framework],
      items: [...kb.controls.values()]
        .filter((c) => c.data.framework === framework)
        .sort((a, b) => a.data.reference.localeCompare(b.data.reference, 'en', { numeric: true }))
        .map((c) => ({ path: paths.control(c.id), name: `${c.data.reference}: ${c.data.name}`, detail: c.data.summary, incidentCount: c.incidents.length })),
    }))
    .filter((group) => group.items.length > 0);
}

/** For the home page's shortcuts: entries with incidents, busiest first, then by name. */
export function busiestFirst(items: readonly IndexItem[], limit: number): IndexItem[] {
  return items
    .filter((item) => item.incidentCount > 0)
    .sort((a, b) => b.incidentCount - a.incidentCount || byName(a, b))
    .slice(0, limit);
}

export interface EntityIndexes {
  actors: IndexItem[];
  vendors: IndexItem[];
  organisations: IndexItem[];
  vulnerabilities: IndexItem[];
  attackTypes: AttackTypeBranch[];
  controls: ControlGroup[];
}

/** Every list page's entries (the knowledge base memoises this as kb.entityIndexes). */
export function entityIndexes(kb: KnowledgeBase): EntityIndexes {
  return {
    actors: actorIndex(kb),
    vendors: vendorIndex(kb),
    organisations: organisationIndex(kb),
    vulnerabilities: vulnerabilityIndex(kb),
    attackTypes: attackTypeTree(kb),
    controls: controlIndex(kb),
  };
}
