import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKey, viewContext } from '../../../data/knowledge-base.ts';
import { atomXml } from '../../../lib/export/atom.ts';
import { actorFeedView } from '../../../lib/views/exports.ts';

export const getStaticPaths = (async () => {
  const ctx = await viewContext();
  return [...ctx.kb.actors.keys()].map((id) => ({ params: { id }, cacheKey: cacheKey(() => actorFeedView(ctx, id)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(atomXml(actorFeedView(await viewContext(), params.id ?? '')), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
