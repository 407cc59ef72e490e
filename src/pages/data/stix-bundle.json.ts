import type { APIRoute } from 'astro';
import { getKnowledgeBase } from '../../data/knowledge-base.ts';
import { serialiseJson } from '../../lib/export/json.ts';
import { buildStixBundle } from '../../lib/export/stix.ts';
import { siteContextFrom } from '../../lib/export/site-url.ts';

export const GET: APIRoute = async () => {
  const bundle = buildStixBundle(await getKnowledgeBase(), siteContextFrom(import.meta.env));
  return new Response(serialiseJson(bundle), { headers: { 'Content-Type': 'application/stix+json;version=2.1' } });
};
