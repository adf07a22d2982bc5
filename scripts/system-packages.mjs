// The Debian packages the tests use (listed in system-packages.json): which are missing, and installing them the
// way `playwright install --with-deps` does: apt-get as root, one `apt-get update` first, quietly. Where it cannot
// install (not root, no apt-get) it says which command to run instead, before any test has started.
//   node scripts/system-packages.mjs           install what is missing (scripts/test.mjs calls ensureSystemPackages)
//   node scripts/system-packages.mjs --check   only report; exit 1 when something is missing
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIST = fileURLToPath(new URL('./system-packages.json', import.meta.url));

/** @typedef {{ command?: string, file?: string, env?: string, tesseractLang?: string }} Detect */
/** @typedef {{ name: string, why: string, detect: Detect }} SystemPackage */

/** @returns {SystemPackage[]} */
export function systemPackages() {
  return JSON.parse(readFileSync(LIST, 'utf8')).packages;
}

/** The absolute path of `command` on PATH, or undefined. */
export function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const path = join(dir, command);
    if (isExecutable(path)) return path;
  }
  return undefined;
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether `tesseract --list-langs` names `lang` (tesseract 4 lists on stderr, 5 on stdout). */
function tesseractHas(lang) {
  if (!onPath('tesseract')) return false;
  const result = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8', timeout: 10_000 });
  return new RegExp(`^${lang}$`, 'm').test(`${result.stdout}\n${result.stderr}`);
}

/** @param {SystemPackage} pkg */
export function isPresent(pkg) {
  const { command, file, env, tesseractLang } = pkg.detect;
  if (command) return onPath(command) !== undefined;
  // The tests honour the same variable (e.g. CHROMIUM_PATH), so a browser elsewhere counts as present.
  if (file) return isExecutable((env && process.env[env]) || file);
  if (tesseractLang) return tesseractHas(tesseractLang);
  throw new Error(`system-packages.json: "${pkg.name}" has no detect rule`);
}

export function missingSystemPackages() {
  return systemPackages().filter((pkg) => !isPresent(pkg));
}

function installCommand(names, asRoot) {
  const sudo = asRoot ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${names.join(' ')}`;
}

/** One message, then exit 1: nothing has run yet, so the developer sees this instead of failing tests. */
function stop(missing, reason) {
  const list = missing.map((p) => `${p.name} (${p.why})`).join(', ');
  const asRoot = process.getuid?.() === 0;
  const command = installCommand(
    missing.map((p) => p.name),
    asRoot,
  );
  console.error(
    `\nnpm test: missing system packages: ${list}.\n${reason} Run once, then npm test again:\n  ${command}\n`,
  );
  process.exit(1);
}

/** apt-get, quiet; on failure its output is shown, since that is where the reason is. */
function apt(args) {
  const result = spawnSync('apt-get', ['-qq', '-o', 'DPkg::Lock::Timeout=120', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status === 0) return;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
  console.error(
    `\nnpm test: apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${output}`,
  );
  process.exit(1);
}

/** Installs the missing packages (as root, with apt-get) or stops with the command to run. */
export function ensureSystemPackages() {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name);
  if (!onPath('apt-get'))
    stop(
      missing,
      'This machine has no apt-get: install the same tools with its package manager, or on Debian:',
    );
  if (process.getuid?.() !== 0) stop(missing, 'Installing them needs root.');
  const started = Date.now();
  console.log(`npm test: installing ${missing.map((p) => `${p.name} (${p.why})`).join(', ')} with apt-get`);
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...names]);
  const still = missingSystemPackages();
  if (still.length) stop(still, 'apt-get finished but they are still not usable.');
  console.log(`npm test: installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const missing = missingSystemPackages();
    if (missing.length) stop(missing, 'Nothing was installed (--check).');
    console.log(
      `system packages: all present (${systemPackages()
        .map((p) => p.name)
        .join(', ')})`,
    );
  } else ensureSystemPackages();
}
