/**
 * Renders .astro components to HTML outside a site build, with Astro's container API: Vite (with
 * Astro's plugins) compiles the components, the container renders them with the props given. Used
 * to look at components in isolation (scripts/charts-preview.ts) and to test them (tests/).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getViteConfig } from 'astro/config';
import { createServer } from 'vite';

export interface ComponentRenderer {
  /** Renders the component at `path` (from the project root, e.g. /src/components/X.astro). */
  render(path: string, props: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function componentRenderer(root: string): Promise<ComponentRenderer> {
  const config = await getViteConfig(
    { root, logLevel: 'error', server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom' },
    { root, logLevel: 'error' },
  )({ mode: 'development', command: 'serve' });
  // No file watcher: the components are compiled once. (watch: null above is lost in the merge with
  // Astro's own Vite settings, which watch the project; under bench/out that meant hundreds of
  // thousands of files, the system's watcher limit, and an ENOSPC error per file.)
  const server = await createServer({ ...config, configFile: false, server: { ...config.server, watch: null } });
  const container = await AstroContainer.create();
  return {
    async render(path, props) {
      const module = (await server.ssrLoadModule(path)) as { default: Parameters<typeof container.renderToString>[0] };
      return container.renderToString(module.default, { props });
    },
    close: () => server.close(),
  };
}
