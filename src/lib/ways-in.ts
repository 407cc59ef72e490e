/**
 * How the attackers got in, as a short list of plain categories every incident falls under, derived
 * from data the incidents already hold (no new content field):
 *
 * 1. The incident's ATT&CK techniques of the Initial Access tactic (TA0001). Some of those belong to
 *    other tactics too (Valid Accounts is also persistence and privilege escalation), and an
 *    incident's techniques do not say for which tactic they were recorded: Capita's domain accounts
 *    were used after the way in. So a technique that is initial access and nothing else wins; the
 *    shared ones count only when no such technique is recorded.
 * 2. Failing any, its attack types that are ways in: those whose own list of typical techniques
 *    (content/attack-types/*.yaml) holds an initial-access technique (phishing, stolen credentials,
 *    software flaws). Outcomes such as ransomware or a data breach say nothing about the way in.
 * 3. Failing both: "Not published".
 *
 * A technique counts under the attack type that lists it as typical, so an incident whose ATT&CK
 * mapping says T1190 and one filed only as "Exploitation of a software vulnerability" land in the
 * same category; a technique no attack type lists counts under its own ATT&CK name. A category
 * resting only on techniques we suspect is a category of its own, "… (suspected)", so no list
 * mixes what a source reports with what we only suspect. An incident with several ways in counts
 * once under each, as search and browse count attack types.
 * Pure: the knowledge base files each incident under these (src/lib/facets.ts, facet "way-in").
 */
import type { Incident } from '../schemas/incident.ts';
import type { Certainty } from '../schemas/vocabularies.ts';

/** ATT&CK Enterprise techniques of the Initial Access tactic (TA0001), by parent id. */
export const initialAccessTechniques: ReadonlySet<string> = new Set([
  'T1078', // Valid Accounts
  'T1091', // Replication Through Removable Media
  'T1133', // External Remote Services
  'T1189', // Drive-by Compromise
  'T1190', // Exploit Public-Facing Application
  'T1195', // Supply Chain Compromise
  'T1199', // Trusted Relationship
  'T1200', // Hardware Additions
  'T1566', // Phishing
  'T1659', // Content Injection
  'T1669', // Wi-Fi Networks
]);

/** The label of incidents whose way in is not public. */
export const wayInUnknownLabel = 'Not published';

/** Initial-access techniques that belong to other tactics as well (ATT&CK v18). */
const sharedWithOtherTactics: ReadonlySet<string> = new Set(['T1078', 'T1091', 'T1133', 'T1659']);

/** Added to a category that rests only on techniques we suspect. */
export const suspectedSuffix = ' (suspected)';

/** "T1078.002" → "T1078". */
export function parentTechnique(id: string): string {
  return id.split('.')[0]!;
}

/** What ways-in reads of an attack type. */
export interface WayInAttackType {
  id: string;
  data: { name: string; techniques: readonly string[] };
}

/** The initial-access techniques an attack type lists as typical (by parent id). */
function initialAccessOf(type: WayInAttackType): string[] {
  return type.data.techniques.map(parentTechnique).filter((id) => initialAccessTechniques.has(id));
}

/**
 * For each initial-access technique, the attack type that lists it as typical (the first by name
 * when several do), from the whole taxonomy.
 */
export function wayInTypesByTechnique(types: Iterable<WayInAttackType>): Map<string, WayInAttackType> {
  const byTechnique = new Map<string, WayInAttackType>();
  const sorted = [...types].sort((a, b) => a.data.name.localeCompare(b.data.name, 'en-GB'));
  for (const type of sorted) for (const technique of initialAccessOf(type)) if (!byTechnique.has(technique)) byTechnique.set(technique, type);
  return byTechnique;
}

/** The categories an incident falls under, in a stable order, never empty (see the module comment). */
export function waysIn(
  incident: { data: Pick<Incident, 'techniques'>; attackTypes: readonly WayInAttackType[] },
  typesByTechnique: ReadonlyMap<string, WayInAttackType>,
): string[] {
  const initial = incident.data.techniques.filter((t) => initialAccessTechniques.has(parentTechnique(t.id)));
  const onlyInitial = initial.filter((t) => !sharedWithOtherTactics.has(parentTechnique(t.id)));
  const chosen = onlyInitial.length ? onlyInitial : initial;
  if (chosen.length) {
    // Each category once, as recorded if any of its techniques is more than suspected.
    const categories = new Map<string, boolean>();
    for (const t of chosen) {
      const name = typesByTechnique.get(parentTechnique(t.id))?.data.name ?? t.name.split(':')[0]!.trim();
      categories.set(name, (categories.get(name) ?? false) || t.certainty !== 'suspected');
    }
    return [...categories].map(([name, recorded]) => (recorded ? name : `${name}${suspectedSuffix}`));
  }
  const fromTypes = incident.attackTypes.filter((type) => initialAccessOf(type).length > 0).map((type) => type.data.name);
  return fromTypes.length ? [...new Set(fromTypes)] : [wayInUnknownLabel];
}

/** How the categories are made, for the note of the chart that counts them. */
export const waysInMethod =
  'How we count: by the ATT&CK initial-access techniques recorded for an incident, each under the attack type that lists it, or failing those by its attack types that are ways in (phishing, stolen credentials, software flaws). "Suspected" means only our own mapping says so. An incident with several ways in counts under each.';
