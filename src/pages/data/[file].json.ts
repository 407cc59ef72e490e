import type { APIRoute, GetStaticPaths } from 'astro';
import { getCacheKeys, getKnowledgeBase } from '../../data/knowledge-base.ts';
import { buildExportFile, serialiseJson } from '../../lib/export/json.ts';
import { exportFileNames, type ExportFileName } from '../../lib/export/schema.ts';
import { siteContextFrom } from '../../lib/export/site-url.ts';

export const getStaticPaths = (async () => {
  const corpus = getCacheKeys(await getKnowledgeBase()).corpusData();
  return exportFileNames.map((file) => ({ params: { file }, cacheKey: corpus }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const kb = await getKnowledgeBase();
  const body = serialiseJson(buildExportFile(params.file as ExportFileName, kb, siteContextFrom(import.meta.env)));
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
