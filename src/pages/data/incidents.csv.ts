import type { APIRoute } from 'astro';
import { viewContext } from '../../data/knowledge-base.ts';
import { csvText } from '../../lib/export/incidents-csv.ts';
import { incidentsCsvView } from '../../lib/views/exports.ts';

export const GET: APIRoute = async () =>
  new Response(csvText(incidentsCsvView(await viewContext())), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
