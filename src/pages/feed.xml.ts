import type { APIRoute } from 'astro';
import { getKnowledgeBase } from '../data/knowledge-base.ts';
import { siteFeed } from '../lib/export/atom.ts';
import { siteContextFrom } from '../lib/export/site-url.ts';

export const GET: APIRoute = async () =>
  new Response(siteFeed(await getKnowledgeBase(), siteContextFrom(import.meta.env)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
