/**
 * The two per-entry layer routes (/data/navigator/incidents/<id>.json, /data/navigator/actors/<id>.json):
 * one page per incident or attacker that has a layer, each keyed on its layer for incremental builds.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKey, viewContext } from './knowledge-base.ts';
import { serialiseJson } from '../lib/export/json.ts';
import { layerActors, layerIncidents } from '../lib/export/navigator.ts';
import { navigatorLayerView } from '../lib/views/exports.ts';

export function navigatorLayerRoute(kind: 'incident' | 'actor'): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => {
      const ctx = await viewContext();
      const entries = kind === 'incident' ? layerIncidents(ctx.kb) : layerActors(ctx.kb);
      return entries.map(({ id }) => ({ params: { id }, cacheKey: cacheKey(() => navigatorLayerView(ctx, { kind, id })) }));
    },
    GET: async ({ params }) =>
      new Response(serialiseJson(navigatorLayerView(await viewContext(), { kind, id: String(params.id) })), { headers: { 'Content-Type': 'application/json; charset=utf-8' } }),
  };
}
