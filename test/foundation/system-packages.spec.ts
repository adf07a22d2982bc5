import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, realpathSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { scanFolders, scanSource, type SystemUse } from '../support/system-usage';

/**
 * scripts/system-packages.json is what `npm test` installs; this compares it with what the code actually uses
 * (test/support/system-usage.ts reads spawned commands, system paths and tesseract languages from test/, src/ and
 * workers/). On Debian each use is mapped to its package by dpkg itself (`dpkg -S`), not by a table kept by hand.
 * A use is covered when its package is listed, a dependency of a listed one, or Essential (on every Debian).
 */
const ROOT = resolve(__dirname, '../..');
interface Listed {
  name: string;
  why: string;
  detect: { command?: string; file?: string; tesseractLang?: string };
}
const LISTED = (
  JSON.parse(readFileSync(join(ROOT, 'scripts/system-packages.json'), 'utf8')) as { packages: Listed[] }
).packages;
/** Node 20 is the project's precondition, from whatever source: not a package the tests install. */
const NODE_ITSELF = new Set(['node', 'npm', 'npx']);

function output(cmd: string, args: string[]): string | undefined {
  const result = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? `${result.stdout}${result.stderr}` : undefined;
}

const hasDpkg = output('dpkg-query', ['--version']) !== undefined;

function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * The package that installed `path` ("chromium: /usr/bin/chromium"), without its architecture. With merged /usr,
 * dpkg may know a file only by its /bin name (coreutils' /bin/true is found on PATH as /usr/bin/true).
 */
function owner(path: string): string | undefined {
  const aliases = [path, realpathSync(path), path.replace(/^\/usr\/(s?bin|lib)\//, '/$1/')];
  for (const alias of aliases) {
    const pkg = output('dpkg', ['-S', alias])?.split('\n')[0].split(':')[0].trim();
    if (pkg) return pkg;
  }
  return undefined;
}

function tessdata(lang: string): string | undefined {
  // First line: List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):
  const dir = /"([^"]+)"/.exec(output('tesseract', ['--list-langs']) ?? '')?.[1];
  return dir && join(dir, `${lang}.traineddata`);
}

/** The Debian package a use needs; `undefined` for Node itself; an Error when it cannot be told. */
function packageFor(use: SystemUse): string | undefined | Error {
  if (use.kind === 'command' && NODE_ITSELF.has(use.name)) return undefined;
  const path = use.kind === 'command' ? which(use.name) : use.kind === 'file' ? use.path : tessdata(use.lang);
  const fromList = LISTED.find((p) =>
    use.kind === 'command'
      ? p.detect.command === use.name
      : use.kind === 'file'
        ? p.detect.file === use.path
        : p.detect.tesseractLang === use.lang,
  )?.name;
  if (!hasDpkg) return fromList ?? new Error(`nothing in the list provides ${label(use)}`);
  const pkg = path ? owner(path) : undefined;
  return pkg ?? new Error(`${label(use)} is not installed here, so it is not in the list (${use.where})`);
}

function label(use: SystemUse): string {
  return use.kind === 'command'
    ? `command ${use.name}`
    : use.kind === 'file'
      ? use.path
      : `tesseract ${use.lang}`;
}

function dependsOf(pkg: string): string[] {
  const depends = output('dpkg-query', ['-W', '-f=${Depends}', pkg]) ?? '';
  return depends.split(/[,|]/).map((d) => d.trim().split(/[\s:]/)[0]);
}

const isEssential = (pkg: string): boolean => output('dpkg-query', ['-W', '-f=${Essential}', pkg]) === 'yes';

describe('scripts/system-packages.json matches what the code uses', () => {
  // The scanner and this spec quote the patterns (the sample below): they spawn nothing. child-env.spec
  // writes made-up PATH and TESSDATA_PREFIX values to see what a child inherits: no system files.
  const uses = scanFolders(
    ROOT,
    ['test', 'src', 'workers'],
    [
      'test/support/system-usage.ts',
      'test/foundation/system-packages.spec.ts',
      'test/documents/child-env.spec.ts',
    ],
  );
  const mapped = uses.map((use) => ({ use, pkg: packageFor(use) }));

  it('finds the uses it maps (a scan that silently found nothing would pass the checks below)', () => {
    expect(uses.map(label)).toEqual(
      expect.arrayContaining([
        'command tesseract',
        'command pdftoppm',
        'command redis-server',
        '/usr/bin/chromium',
        'tesseract tha',
      ]),
    );
  });

  it('reads spawned commands, system paths and tesseract languages from source', () => {
    const sample = [
      "execFile('qpdf', ['--encrypt'], cb);",
      "child = spawn(\n  'redis-server',\n  ['--port', '0'],\n);",
      "const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';",
      "runTool('tesseract', [png, 'stdout', '-l', opts.lang ?? 'tha+eng']);",
      "const m = /x/.exec('not-a-command'); run(process.execPath, []);",
    ].join('\n');
    expect(scanSource(sample, 'sample.ts').map(label)).toEqual([
      'command qpdf',
      'command redis-server',
      'command tesseract',
      '/usr/bin/chromium',
      'tesseract tha',
      'tesseract eng',
    ]);
  });

  it('lists every package the tests and the product spawn or open (or it comes with one listed)', () => {
    const listed = new Set(LISTED.map((p) => p.name));
    const dependencies = new Set(hasDpkg ? LISTED.flatMap((p) => dependsOf(p.name)) : []);
    const uncovered = mapped.flatMap(({ use, pkg }) => {
      if (pkg instanceof Error) return [pkg.message];
      if (pkg === undefined || listed.has(pkg) || dependencies.has(pkg) || isEssential(pkg)) return [];
      return [`${use.where}: ${label(use)} needs the Debian package ${pkg}, which is not listed`];
    });
    expect([...new Set(uncovered)]).toEqual([]);
  });

  it('lists nothing that the code does not use', () => {
    const used = new Set(mapped.map(({ pkg }) => pkg).filter((p): p is string => typeof p === 'string'));
    expect(LISTED.map((p) => p.name).filter((name) => !used.has(name))).toEqual([]);
  });
});
