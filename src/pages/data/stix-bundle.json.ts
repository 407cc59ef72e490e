import type { APIRoute } from 'astro';
import { viewContext } from '../../data/knowledge-base.ts';
import { serialiseJson } from '../../lib/export/json.ts';
import { stixBundleView } from '../../lib/views/exports.ts';

export const GET: APIRoute = async () =>
  new Response(serialiseJson(stixBundleView(await viewContext())), { headers: { 'Content-Type': 'application/stix+json;version=2.1' } });
