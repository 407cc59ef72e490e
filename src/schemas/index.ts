/** The content model, one module per concept, composed here. */
export { incidentSchema, type Incident } from './incident.ts';
export { actorSchema, type Actor } from './actor.ts';
export { vendorSchema, type Vendor } from './vendor.ts';
export { organisationSchema, type Organisation } from './organisation.ts';
export { vulnerabilitySchema, type Vulnerability } from './vulnerability.ts';
export { attackTypeSchema, type AttackType } from './attack-type.ts';
export { controlSchema, type Control } from './control.ts';

import { incidentSchema } from './incident.ts';
import { actorSchema } from './actor.ts';
import { vendorSchema } from './vendor.ts';
import { organisationSchema } from './organisation.ts';
import { vulnerabilitySchema } from './vulnerability.ts';
import { attackTypeSchema } from './attack-type.ts';
import { controlSchema } from './control.ts';

/** Every collection: its folder under content/, the file kinds it takes, and its schema. */
export const collectionDefinitions = {
  incidents: { folder: 'incidents', pattern: '**/*.md', schema: incidentSchema },
  actors: { folder: 'actors', pattern: '**/*.md', schema: actorSchema },
  vendors: { folder: 'vendors', pattern: '**/*.md', schema: vendorSchema },
  organisations: { folder: 'organisations', pattern: '**/*.yaml', schema: organisationSchema },
  vulnerabilities: { folder: 'vulnerabilities', pattern: '**/*.yaml', schema: vulnerabilitySchema },
  attackTypes: { folder: 'attack-types', pattern: '**/*.yaml', schema: attackTypeSchema },
  controls: { folder: 'controls', pattern: '**/*.yaml', schema: controlSchema },
} as const;

export type CollectionName = keyof typeof collectionDefinitions;
export const collectionNames = Object.keys(collectionDefinitions) as CollectionName[];
