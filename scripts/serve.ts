/** npm start / npm run preview: serves the built site on http://localhost:4321 (PORT to change). */
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { startStaticServer } from './lib/static-server.ts';

const dir = resolve(process.env.OUT_DIR ?? 'dist');
if (!existsSync(dir)) {
  console.error(`No built site in ${dir}: run "npm run build" first (npm start does both).`);
  process.exit(1);
}
const base = process.env.BASE_PATH ?? '/';
const { url } = await startStaticServer(dir, { base, port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? '127.0.0.1' });
console.log(`Serving ${dir} at ${url} (Ctrl+C to stop)`);
