/**
 * Small lookups over one incident's resolved links that the entity pages show: how an actor is
 * tied to an incident, an organisation's roles in it, and a control's uses grouped by effect.
 * The relations themselves are fields of the knowledge base (src/lib/model.ts).
 */
import type { ControlLink, ControlUse, ResolvedIncident } from './model.ts';
import { controlEffects } from '../schemas/vocabularies.ts';

/** How an actor is tied to an incident (status, basis, sources), or undefined if it is not. */
export function attributionIn(incident: ResolvedIncident, actorId: string) {
  return incident.actors.find((a) => a.id === actorId);
}

/** An organisation's role(s) in an incident. */
export function organisationRolesIn(incident: ResolvedIncident, organisationId: string) {
  return incident.organisations.filter((o) => o.id === organisationId);
}

/** A control's uses grouped by how it would have helped (prevent, detect, limit, recover), empty groups dropped. */
export function groupUsesByEffect(uses: readonly ControlUse[]): { effect: ControlLink['effect']; uses: ControlUse[] }[] {
  return controlEffects.map((effect) => ({ effect, uses: uses.filter((u) => u.link.effect === effect) })).filter((group) => group.uses.length > 0);
}
