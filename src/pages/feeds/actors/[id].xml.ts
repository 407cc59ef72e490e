import type { APIRoute, GetStaticPaths } from 'astro';
import { getCacheKeys, getKnowledgeBase } from '../../../data/knowledge-base.ts';
import { actorFeed } from '../../../lib/export/atom.ts';
import { siteContextFrom } from '../../../lib/export/site-url.ts';

export const getStaticPaths = (async () => {
  const kb = await getKnowledgeBase();
  const digests = getCacheKeys(kb);
  return [...kb.actors.keys()].map((id) => ({ params: { id }, cacheKey: digests.actorFeed(id) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(actorFeed(await getKnowledgeBase(), siteContextFrom(import.meta.env), params.id ?? ''), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
