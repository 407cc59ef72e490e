import type { APIRoute, GetStaticPaths } from 'astro';
import { getKnowledgeBase } from '../../../data/knowledge-base.ts';
import { actorFeed } from '../../../lib/export/atom.ts';
import { siteContextFrom } from '../../../lib/export/site-url.ts';

export const getStaticPaths = (async () => [...(await getKnowledgeBase()).actors.keys()].map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(actorFeed(await getKnowledgeBase(), siteContextFrom(import.meta.env), params.id ?? ''), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
