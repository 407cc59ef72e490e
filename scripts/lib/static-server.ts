/**
 * A small static file server for the built site: used by `npm start`, the browser tests and the
 * benchmark. It serves `dir` under `base` (e.g. /cyber-kb/), answers directories with their
 * index.html, and serves the site's 404 page for anything missing. Loopback only.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bib': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  server: Server;
  /** Origin plus base path, ending with a slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

export function resolveRequest(root: string, base: string, pathname: string): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) return undefined;
  let rel = decodeURIComponent(pathname.slice(prefix.length - 1));
  rel = normalize(rel).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, rel);
  if (!resolve(file).startsWith(resolve(root))) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export function startStaticServer(root: string, options: { base?: string; port?: number; host?: string } = {}): Promise<StaticServer> {
  const base = options.base ?? '/';
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = resolveRequest(root, base, url.pathname);
    const headers: Record<string, string> = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    if (!file) {
      const notFound = join(root, '404.html');
      response.writeHead(404, { ...headers, 'Content-Type': types['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise) => {
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        server,
        url: `http://${host}:${port}${base.endsWith('/') ? base : `${base}/`}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
