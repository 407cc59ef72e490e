import type { APIRoute, GetStaticPaths } from 'astro';
import { getCacheKeys, getKnowledgeBase } from '../../../data/knowledge-base.ts';
import { citationData, cslJson } from '../../../lib/export/citation.ts';
import { serialiseJson } from '../../../lib/export/json.ts';
import { siteContextFrom } from '../../../lib/export/site-url.ts';

export const getStaticPaths = (async () => {
  const kb = await getKnowledgeBase();
  const digests = getCacheKeys(kb);
  return kb.incidents.map((i) => ({ params: { id: i.id }, cacheKey: digests.incident(i.id) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const incident = (await getKnowledgeBase()).incident.get(params.id ?? '')!;
  return new Response(serialiseJson(cslJson(citationData(incident, siteContextFrom(import.meta.env)))), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
};
