/**
 * The one place routes get content from: reads every collection once per build and resolves it
 * with the pure knowledge base in src/lib/model.ts. Every page shares the memoised result; routes
 * hand it to their view (src/lib/views/) and the view to components.
 */
import { getCollection } from 'astro:content';
import { buildKnowledgeBase, type KnowledgeBase } from '../lib/model.ts';
import { siteContextFrom } from '../lib/export/site-url.ts';
import { digestOf } from '../lib/views/digest.ts';
import { correctionSettingsFrom } from '../lib/site.ts';
import type { ViewContext } from '../lib/views/common.ts';

let cached: Promise<KnowledgeBase> | undefined;

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

/**
 * What every view is computed from: the knowledge base, the site's address (astro.config site and
 * base) and where corrections go (SITE_REPOSITORY_URL, SITE_REPOSITORY_BRANCH, SITE_CORRECTIONS_EMAIL).
 */
export async function viewContext(): Promise<ViewContext> {
  return { kb: await getKnowledgeBase(), site: siteContextFrom(import.meta.env), corrections: correctionSettingsFrom(process.env) };
}

/**
 * A page's cacheKey: the digest of its view. Only incremental builds (INCREMENTAL_BUILD=1, the
 * switch astro.config.mjs reads) look at keys, and working out every page's view twice (once here,
 * once to render) is their cost alone: full builds get undefined and never compute the view here.
 */
export function cacheKey(view: () => unknown): string | undefined {
  return process.env.INCREMENTAL_BUILD === '1' ? digestOf(view()) : undefined;
}

/** getStaticPaths for the routes with one page per incident (/incidents/<id>/, /training/<id>/...), keyed on that page's view. */
export async function incidentStaticPaths(view: (ctx: ViewContext, id: string) => unknown) {
  const ctx = await viewContext();
  return ctx.kb.incidents.map((incident) => ({
    params: { id: incident.id },
    props: { id: incident.id },
    cacheKey: cacheKey(() => view(ctx, incident.id)),
  }));
}
