import type { APIRoute, GetStaticPaths } from 'astro';
import { incidentStaticPaths, viewContext } from '../../../data/knowledge-base.ts';
import { cslJson } from '../../../lib/export/citation.ts';
import { serialiseJson } from '../../../lib/export/json.ts';
import { citationView } from '../../../lib/views/exports.ts';

/** One citation file per incident. */
export const getStaticPaths = (() => incidentStaticPaths(citationView)) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(serialiseJson(cslJson(citationView(await viewContext(), params.id ?? ''))), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
