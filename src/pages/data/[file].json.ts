import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKey, viewContext } from '../../data/knowledge-base.ts';
import { serialiseJson } from '../../lib/export/json.ts';
import { exportFileNames, type ExportFileName } from '../../lib/export/schema.ts';
import { dataFileView } from '../../lib/views/exports.ts';

export const getStaticPaths = (async () => {
  const ctx = await viewContext();
  return exportFileNames.map((file) => ({ params: { file }, cacheKey: cacheKey(() => dataFileView(ctx, file)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(serialiseJson(dataFileView(await viewContext(), params.file as ExportFileName)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
