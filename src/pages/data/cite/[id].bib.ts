import type { APIRoute, GetStaticPaths } from 'astro';
import { incidentStaticPaths, viewContext } from '../../../data/knowledge-base.ts';
import { bibtex } from '../../../lib/export/citation.ts';
import { citationView } from '../../../lib/views/exports.ts';

/** One citation file per incident. */
export const getStaticPaths = (() => incidentStaticPaths(citationView)) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(bibtex(citationView(await viewContext(), params.id ?? '')), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
