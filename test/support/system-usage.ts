import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What the code needs from the operating system, read from its source: the commands it spawns, the absolute
 * system paths it opens (Chromium) and the tesseract languages it asks for. test/foundation/system-packages.spec.ts
 * maps these to Debian packages and compares them with scripts/system-packages.json.
 */
export type SystemUse =
  | { kind: 'command'; name: string; where: string }
  | { kind: 'file'; path: string; where: string }
  | { kind: 'tesseractLang'; lang: string; where: string };

/**
 * child_process calls plus the project's wrappers around them (src/documents/inspection/child-process.ts `runTool`
 * and its local `exec`, test/fixtures/pdf-builders.ts `withTool`), with a literal command as first argument.
 * A wrapper whose first argument is a variable is covered by its callers, which pass literals.
 */
const SPAWN =
  /(?<![.\w$])(?:spawn|spawnSync|execFile|execFileSync|execSync|exec|runTool|withTool)\(\s*(['"`])([^'"`\s]+)/g;
/** A system file opened by path (Chromium's executable): under /usr or /opt. */
// A quoted path to one file (a PATH list, with its colons, names folders, not a file a package installs).
const SYSTEM_PATH = /['"`]((?:\/usr|\/opt)\/[^'"`\s$:]+)['"`]/g;
/** `'-l', 'tha+eng'` or `'-l', opts.lang ?? 'tha+eng'`: tesseract's language list. */
const TESSERACT_LANG = /['"]-l['"],[^,\]\n]*?['"]([a-z]{3}(?:\+[a-z]{3})*)['"]/g;
/** playwright-core's Chromium started from a path in a variable (test/support/browser.ts). */
const CHROMIUM_LAUNCH = /\bchromium\.launch\(/;

export function scanSource(text: string, where: string): SystemUse[] {
  const uses: SystemUse[] = [];
  for (const m of text.matchAll(SPAWN)) uses.push({ kind: 'command', name: m[2], where });
  for (const m of text.matchAll(SYSTEM_PATH)) uses.push({ kind: 'file', path: m[1], where });
  for (const m of text.matchAll(TESSERACT_LANG))
    for (const lang of m[1].split('+')) uses.push({ kind: 'tesseractLang', lang, where });
  if (CHROMIUM_LAUNCH.test(text) && !uses.some((u) => u.kind === 'file'))
    throw new Error(
      `${where} launches Chromium without a literal executable path the scan can map to a package`,
    );
  return uses;
}

const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** Every use in the folders `npm test` runs code from, except in `skip` (files that quote the patterns). */
export function scanFolders(root: string, folders: string[], skip: string[] = []): SystemUse[] {
  return folders.flatMap((folder) =>
    sourceFiles(join(root, folder))
      .map((file) => relative(root, file))
      .filter((file) => !skip.includes(file))
      .flatMap((file) => scanSource(readFileSync(join(root, file), 'utf8'), file)),
  );
}
