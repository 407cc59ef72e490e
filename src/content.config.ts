import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collectionDefinitions, type CollectionName } from './schemas/index.ts';

/** CONTENT_DIR points the build at another content folder (the benchmark's synthetic corpora, test fixtures). */
const contentDir = process.env.CONTENT_DIR ?? './content';

/** Ids are file names (no folders), the same as the integrity check in src/lib/ uses. */
const fileId = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

function collection<N extends CollectionName>(name: N) {
  const { folder, pattern, schema } = collectionDefinitions[name];
  return defineCollection({
    loader: glob({ base: `${contentDir}/${folder}`, pattern, generateId: fileId }),
    schema: schema as (typeof collectionDefinitions)[N]['schema'],
  });
}

export const collections = {
  incidents: collection('incidents'),
  actors: collection('actors'),
  vendors: collection('vendors'),
  organisations: collection('organisations'),
  vulnerabilities: collection('vulnerabilities'),
  attackTypes: collection('attackTypes'),
  controls: collection('controls'),
};
