/**
 * The one place pages get content from: reads every collection once per build and resolves it
 * with the pure model in src/lib/model.ts. Every page shares the memoised result.
 */
import { getCollection } from 'astro:content';
import { buildKnowledgeBase, type KnowledgeBase } from '../lib/model.ts';

let cached: Promise<KnowledgeBase> | undefined;

/** getStaticPaths for every route with one page per incident (/incidents/<id>/, /training/<id>/...). */
export async function incidentStaticPaths() {
  const kb = await getKnowledgeBase();
  return kb.incidents.map((incident) => ({ params: { id: incident.id }, props: { id: incident.id } }));
}

export function getKnowledgeBase(): Promise<KnowledgeBase> {
  cached ??= (async () => {
    const [incidents, actors, vendors, organisations, vulnerabilities, attackTypes, controls] = await Promise.all([
      getCollection('incidents'),
      getCollection('actors'),
      getCollection('vendors'),
      getCollection('organisations'),
      getCollection('vulnerabilities'),
      getCollection('attackTypes'),
      getCollection('controls'),
    ]);
    return buildKnowledgeBase({ incidents, actors, vendors, organisations, vulnerabilities, attackTypes, controls });
  })();
  return cached;
}
