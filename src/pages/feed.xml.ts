import type { APIRoute } from 'astro';
import { viewContext } from '../data/knowledge-base.ts';
import { atomXml } from '../lib/export/atom.ts';
import { siteFeedView } from '../lib/views/exports.ts';

export const GET: APIRoute = async () =>
  new Response(atomXml(siteFeedView(await viewContext())), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
