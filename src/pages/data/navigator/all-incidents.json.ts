import type { APIRoute } from 'astro';
import { viewContext } from '../../../data/knowledge-base.ts';
import { serialiseJson } from '../../../lib/export/json.ts';
import { navigatorLayerView } from '../../../lib/views/exports.ts';

export const GET: APIRoute = async () =>
  new Response(serialiseJson(navigatorLayerView(await viewContext(), { kind: 'corpus' })), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
