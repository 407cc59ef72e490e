import type { APIRoute } from 'astro';
import { getKnowledgeBase } from '../data/knowledge-base.ts';
import { isDynamicRoute, isPageFile, routeToPath, sitemapEntries, sitemapXml } from '../lib/export/sitemap.ts';
import { siteContextFrom } from '../lib/export/site-url.ts';

type PageModule = { getStaticPaths?: (options: unknown) => Promise<{ params: Record<string, string | undefined> }[]> | { params: Record<string, string | undefined> }[] };

// Every page file; dynamic ones are expanded with their own getStaticPaths, so the sitemap lists
// exactly the pages the build makes, whoever adds a route.
const pageModules = import.meta.glob<PageModule>('./**/*.{astro,md,mdx,html}');

const paginateUnsupported = () => {
  throw new Error('src/pages/sitemap.xml.ts cannot list paginated routes: teach it paginate() before using it in a page');
};

export const GET: APIRoute = async () => {
  const paths: string[] = [];
  for (const [key, load] of Object.entries(pageModules)) {
    const file = key.replace(/^\.\//, '');
    if (!isPageFile(file)) continue;
    if (!isDynamicRoute(file)) {
      paths.push(routeToPath(file));
      continue;
    }
    const module = await load();
    const entries = (await module.getStaticPaths?.({ paginate: paginateUnsupported, routePattern: file })) ?? [];
    for (const entry of entries.flat()) paths.push(routeToPath(file, entry.params));
  }
  const entries = sitemapEntries(paths, await getKnowledgeBase());
  return new Response(sitemapXml(entries, siteContextFrom(import.meta.env)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
