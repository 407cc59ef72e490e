import type { APIRoute, GetStaticPaths } from 'astro';
import { getKnowledgeBase } from '../../../data/knowledge-base.ts';
import { bibtex, citationData } from '../../../lib/export/citation.ts';
import { siteContextFrom } from '../../../lib/export/site-url.ts';

export const getStaticPaths = (async () => (await getKnowledgeBase()).incidents.map((i) => ({ params: { id: i.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const incident = (await getKnowledgeBase()).incident.get(params.id ?? '')!;
  return new Response(bibtex(citationData(incident, siteContextFrom(import.meta.env))), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
