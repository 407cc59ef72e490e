import type { APIRoute, GetStaticPaths } from 'astro';
import { getKnowledgeBase } from '../../../data/knowledge-base.ts';
import { citationData, cslJson } from '../../../lib/export/citation.ts';
import { serialiseJson } from '../../../lib/export/json.ts';
import { siteContextFrom } from '../../../lib/export/site-url.ts';

export const getStaticPaths = (async () => (await getKnowledgeBase()).incidents.map((i) => ({ params: { id: i.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const incident = (await getKnowledgeBase()).incident.get(params.id ?? '')!;
  return new Response(serialiseJson(cslJson(citationData(incident, siteContextFrom(import.meta.env)))), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
};
