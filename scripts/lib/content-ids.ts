/** Lists of existing taxonomy ids, so scaffolded files show the valid choices inline. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function ids(folder: string): string {
  try {
    return readdirSync(join(process.cwd(), 'content', folder)).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort().join(', ');
  } catch {
    return '(none yet)';
  }
}

export const attackTypesList = () => ids('attack-types');
export const controlsList = () => ids('controls');
