import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKey, viewContext } from '../../../../data/knowledge-base.ts';
import { serialiseJson } from '../../../../lib/export/json.ts';
import { layerActors } from '../../../../lib/export/navigator.ts';
import { navigatorLayerView } from '../../../../lib/views/exports.ts';

export const getStaticPaths = (async () => {
  const ctx = await viewContext();
  return layerActors(ctx.kb).map(({ id }) => ({ params: { id }, cacheKey: cacheKey(() => navigatorLayerView(ctx, { kind: 'actor', id })) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(serialiseJson(navigatorLayerView(await viewContext(), { kind: 'actor', id: String(params.id) })), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
