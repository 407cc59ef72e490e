import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKey, viewContext } from '../../../data/knowledge-base.ts';
import { atomXml } from '../../../lib/export/atom.ts';
import { vendorFeedView } from '../../../lib/views/exports.ts';

export const getStaticPaths = (async () => {
  const ctx = await viewContext();
  return [...ctx.kb.vendors.keys()].map((id) => ({ params: { id }, cacheKey: cacheKey(() => vendorFeedView(ctx, id)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(atomXml(vendorFeedView(await viewContext(), params.id ?? '')), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
