import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const FOLDERS = ['src/documents/inspection', 'src/documents/text'];

/**
 * Source files newer than their compiled copy in dist/. The sandbox worker runs the compiled code (a Worker does
 * not go through Jest's transform), so a stale dist would make the corpus test old code without saying so.
 */
export function staleCompiledFiles(): string[] {
  const stale: string[] = [];
  for (const folder of FOLDERS) {
    for (const file of readdirSync(join(ROOT, folder)).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'),
    )) {
      const source = join(ROOT, folder, file);
      const compiled = join(ROOT, 'dist', folder, file.replace(/\.ts$/, '.js'));
      if (mtime(compiled) < mtime(source)) stale.push(`${folder}/${file}`);
    }
  }
  return stale;
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
