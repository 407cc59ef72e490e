/**
 * The one place pages get content from: reads every collection once per build and resolves it
 * with the pure model in src/lib/model.ts. Every page shares the memoised result.
 */
import { getCollection } from 'astro:content';
import { buildKnowledgeBase, type KnowledgeBase } from '../lib/model.ts';
import { getPageDigests, type PageDigests } from '../lib/page-digests.ts';
import { siteContextFrom } from '../lib/export/site-url.ts';
import type { ViewContext } from '../lib/views/common.ts';

let cached: Promise<KnowledgeBase> | undefined;

/** A route's cacheKey for each page, or undefined for every page when keys are not used. */
export type CacheKeys = { [K in keyof PageDigests]: (...args: Parameters<PageDigests[K]>) => string | undefined };

const noCacheKeys = new Proxy({} as CacheKeys, { get: () => () => undefined });

/**
 * The cacheKeys for the routes' getStaticPaths. Only incremental builds (INCREMENTAL_BUILD=1, the
 * switch astro.config.mjs reads) look at them, and digesting every page's data costs about 5 s at
 * 10,000 incidents, so full builds skip it.
 */
export function getCacheKeys(kb: KnowledgeBase): CacheKeys {
  return process.env.INCREMENTAL_BUILD === '1' ? getPageDigests(kb) : noCacheKeys;
}

/**
 * getStaticPaths for every route with one page per incident (/incidents/<id>/, /training/<id>/...).
 * The cacheKey lets an incremental build skip the page when nothing it shows changed: 'case-study'
 * pages also show the incident's compare pairs (src/lib/page-digests.ts).
 */
export async function incidentStaticPaths(page: 'incident' | 'case-study' = 'incident') {
  const kb = await getKnowledgeBase();
  const digests = getCacheKeys(kb);
  return kb.incidents.map((incident) => ({
    params: { id: incident.id },
    props: { id: incident.id },
    cacheKey: page === 'case-study' ? digests.caseStudy(incident.id) : digests.incident(incident.id),
  }));
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

/** What every view is computed from: the knowledge base and the site's address (astro.config site and base). */
export async function viewContext(): Promise<ViewContext> {
  return { kb: await getKnowledgeBase(), site: siteContextFrom(import.meta.env) };
}
