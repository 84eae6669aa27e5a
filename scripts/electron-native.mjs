// Builds better-sqlite3 for Electron's ABI into .electron-native/better_sqlite3.node, leaving the
// Node build in node_modules alone (the tests need it): the package is copied to a temporary folder
// and compiled there with node-gyp against Electron's headers. Skips when an up-to-date build exists.
// Usage: node scripts/electron-native.mjs [--force]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, '.electron-native');
const OUT_FILE = path.join(OUT_DIR, 'better_sqlite3.node');
const STAMP_FILE = path.join(OUT_DIR, 'better_sqlite3.json');
const LOG_FILE = path.join(OUT_DIR, 'build.log');
const HEADERS_URL = 'https://electronjs.org/headers';

const require = createRequire(path.join(ROOT, 'package.json'));
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** A reason to give up, said in one line. */
class Failure extends Error {}

function stop(reason) {
  console.error(`electron-native: ${reason}`);
  process.exit(1);
}

let electronVersion;
let sqliteDir;
let sqliteVersion;
let nodeGyp;
try {
  electronVersion = readJson(require.resolve('electron/package.json')).version;
  sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
} catch (error) {
  stop(`electron, better-sqlite3 or node-gyp is missing from node_modules (${error.message}); run npm install.`);
}

const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
const force = process.argv.includes('--force');
if (!force && existsSync(OUT_FILE) && existsSync(STAMP_FILE)) {
  try {
    const built = readJson(STAMP_FILE);
    if (Object.entries(wanted).every(([key, value]) => built[key] === value)) {
      console.log(`electron-native: better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is up to date.`);
      process.exit(0);
    }
  } catch {
    // An unreadable stamp means "rebuild".
  }
}

mkdirSync(OUT_DIR, { recursive: true });
const work = mkdtempSync(path.join(os.tmpdir(), 'duet-electron-native-'));
const buildDir = path.join(work, 'better-sqlite3');
console.log(`electron-native: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})...`);

try {
  // Sources only: the Node build in build/ must not leak into (or be replaced by) this one.
  cpSync(sqliteDir, buildDir, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(sqliteDir, source);
      return relative !== 'build' && !relative.startsWith(`build${path.sep}`) && !relative.startsWith('node_modules');
    },
  });

  // npm passes its config to scripts as npm_config_*; node-gyp would read a stray target or
  // dist-url from there, so only the flags below decide what is built.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
  const result = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', '--jobs=max', `--target=${electronVersion}`, `--arch=${process.arch}`, `--dist-url=${HEADERS_URL}`],
    { cwd: buildDir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.stack}` : ''}`;
  writeFileSync(LOG_FILE, output);

  if (result.status !== 0) throw new Failure(`${explain(output)} Full log: ${path.relative(ROOT, LOG_FILE)}`);

  const built = path.join(buildDir, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Failure(`node-gyp finished but ${path.relative(work, built)} is missing. Full log: ${path.relative(ROOT, LOG_FILE)}`);

  // Copy then rename, so that a half-written file never looks like a finished build.
  const partial = `${OUT_FILE}.partial`;
  copyFileSync(built, partial);
  renameSync(partial, OUT_FILE);
  writeFileSync(STAMP_FILE, `${JSON.stringify({ ...wanted, builtAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`electron-native: wrote ${path.relative(ROOT, OUT_FILE)}.`);
} catch (error) {
  process.exitCode = 1;
  console.error(`electron-native: ${error instanceof Failure ? error.message : `could not build better-sqlite3 for Electron (${error.message}).`}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** One line saying why node-gyp failed, for the usual causes. */
function explain(output) {
  if (/network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|fetch failed|getaddrinfo|self[- ]signed|certificate/i.test(output)) {
    return `could not download the Electron ${electronVersion} headers from ${HEADERS_URL} (no network?); better-sqlite3 was not built for Electron, so the desktop app cannot open its database.`;
  }
  if (/Could not find any Python|You need to install the latest version of Python/i.test(output))
    return 'node-gyp needs Python 3 to build better-sqlite3 for Electron; install it and run again.';
  if (/not found: make|make: not found|g\+\+: not found|c\+\+: not found|find VS|Visual Studio/i.test(output)) {
    return 'node-gyp needs a C++ toolchain (make and g++, Xcode tools, or Visual Studio Build Tools) to build better-sqlite3 for Electron.';
  }
  return `node-gyp failed to build better-sqlite3 for Electron ${electronVersion}.`;
}
