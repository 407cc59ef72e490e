import type { APIRoute, GetStaticPaths } from 'astro';
import { getCacheKeys, getKnowledgeBase } from '../../../data/knowledge-base.ts';
import { vendorFeed } from '../../../lib/export/atom.ts';
import { siteContextFrom } from '../../../lib/export/site-url.ts';

export const getStaticPaths = (async () => {
  const kb = await getKnowledgeBase();
  const digests = getCacheKeys(kb);
  return [...kb.vendors.keys()].map((id) => ({ params: { id }, cacheKey: digests.vendorFeed(id) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(vendorFeed(await getKnowledgeBase(), siteContextFrom(import.meta.env), params.id ?? ''), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
