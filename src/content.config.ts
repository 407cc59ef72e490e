import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collectionDefinitions, type CollectionName } from './schemas/index.ts';
import { incidentSchema } from './schemas/incident.ts';
import { actorSchema } from './schemas/actor.ts';
import { vendorSchema } from './schemas/vendor.ts';
import { organisationSchema } from './schemas/organisation.ts';
import { vulnerabilitySchema } from './schemas/vulnerability.ts';
import { attackTypeSchema } from './schemas/attack-type.ts';
import { controlSchema } from './schemas/control.ts';

/** CONTENT_DIR points the build at another content folder (the benchmark's synthetic corpora, test fixtures). */
const contentDir = process.env.CONTENT_DIR ?? './content';

/** Ids are file names (no folders), the same as the integrity check in src/lib/ uses. */
const fileId = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

function loader(name: CollectionName) {
  const { folder, pattern } = collectionDefinitions[name];
  return glob({ base: `${contentDir}/${folder}`, pattern, generateId: fileId });
}

export const collections = {
  incidents: defineCollection({ loader: loader('incidents'), schema: incidentSchema }),
  actors: defineCollection({ loader: loader('actors'), schema: actorSchema }),
  vendors: defineCollection({ loader: loader('vendors'), schema: vendorSchema }),
  organisations: defineCollection({ loader: loader('organisations'), schema: organisationSchema }),
  vulnerabilities: defineCollection({ loader: loader('vulnerabilities'), schema: vulnerabilitySchema }),
  attackTypes: defineCollection({ loader: loader('attackTypes'), schema: attackTypeSchema }),
  controls: defineCollection({ loader: loader('controls'), schema: controlSchema }),
};
