import type { APIRoute, GetStaticPaths } from 'astro';
import { getKnowledgeBase, incidentStaticPaths } from '../../../data/knowledge-base.ts';
import { citationData, cslJson } from '../../../lib/export/citation.ts';
import { serialiseJson } from '../../../lib/export/json.ts';
import { siteContextFrom } from '../../../lib/export/site-url.ts';

/** One citation file per incident, keyed like the incident page whose facts it cites. */
export const getStaticPaths = (() => incidentStaticPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const incident = (await getKnowledgeBase()).incident.get(params.id ?? '')!;
  return new Response(serialiseJson(cslJson(citationData(incident, siteContextFrom(import.meta.env)))), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
};
