import type { APIRoute } from 'astro';
import { getKnowledgeBase } from '../../data/knowledge-base.ts';
import { buildIncidentsCsv } from '../../lib/export/incidents-csv.ts';
import { siteContextFrom } from '../../lib/export/site-url.ts';

export const GET: APIRoute = async () => {
  const csv = buildIncidentsCsv(await getKnowledgeBase(), siteContextFrom(import.meta.env));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
};
