import type { APIRoute, GetStaticPaths } from 'astro';
import { getKnowledgeBase, incidentStaticPaths } from '../../../data/knowledge-base.ts';
import { bibtex, citationData } from '../../../lib/export/citation.ts';
import { siteContextFrom } from '../../../lib/export/site-url.ts';

/** One citation file per incident, keyed like the incident page whose facts it cites. */
export const getStaticPaths = (() => incidentStaticPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const incident = (await getKnowledgeBase()).incident.get(params.id ?? '')!;
  return new Response(bibtex(citationData(incident, siteContextFrom(import.meta.env))), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
