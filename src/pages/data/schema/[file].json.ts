import type { APIRoute, GetStaticPaths } from 'astro';
import { serialiseJson } from '../../../lib/export/json.ts';
import { exportFileNames, exportJsonSchema, type ExportFileName } from '../../../lib/export/schema.ts';
import { absoluteUrl, dataPaths, siteContextFrom } from '../../../lib/export/site-url.ts';

// A schema depends on code and the site address only, which Astro's own checks cover: a constant key.
export const getStaticPaths = (() => exportFileNames.map((file) => ({ params: { file }, cacheKey: 'json-schema' }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params.file as ExportFileName;
  const schemaUrl = absoluteUrl(siteContextFrom(import.meta.env), dataPaths.schema(name));
  return new Response(serialiseJson(exportJsonSchema(name, schemaUrl)), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
