// Removes compiled files whose TypeScript source is gone (a deleted migration must not stay in
// dist/migrations, where the migrator would still run it). tsc's incremental build never deletes.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

function walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.js(\.map)?$/.test(name)) {
      const source = join(root, relative(dist, path)).replace(/\.js(\.map)?$/, '.ts');
      if (!existsSync(source)) rmSync(path);
    }
  }
}
walk(dist);
