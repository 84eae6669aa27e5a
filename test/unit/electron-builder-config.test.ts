// electron-builder.yml and the installers workflow, checked here because no installer can be built on
// the machines this project is developed on (no Electron binary, no Windows or macOS, no internet).
// The configuration is validated against electron-builder's own JSON schema (what `electron-builder`
// checks before it builds), then for what an IT department relies on: a fixed MSI upgrade code, a
// per-machine MSI, the hardened runtime and its entitlements, the fuses, and an install folder that
// Duet never writes to.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultAppDataDir } from '../../src-main/core/paths.js';
import { llamaOptions } from '../../src-main/local/generation-settings.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// electron-builder's own dependencies (ajv 8, js-yaml 4, plist 3), so these checks use what it uses.
const require = createRequire(import.meta.url);
const { Ajv } = require('ajv') as typeof import('ajv');
const yaml = require('js-yaml') as { load(text: string): unknown };
const plist = require('plist') as { parse(xml: string): unknown };

/** The upgrade code of every Duet MSI ever released. Changing it breaks upgrades: see electron-builder.yml. */
const DUET_UPGRADE_CODE = '5BEA7C71-88DF-47FE-9767-3BCC578CD7C9';

type Config = Record<string, unknown>;

function readYaml(file: string): Config {
  return yaml.load(readFileSync(path.join(ROOT, file), 'utf8')) as Config;
}

function section(config: Config, key: string): Config {
  const value = config[key];
  expect(value, `no ${key} section`).toBeTypeOf('object');
  return value as Config;
}

/** The target names of a platform section, whether written as names or as { target } objects. */
function targetNames(platform: Config): string[] {
  const targets = Array.isArray(platform.target) ? platform.target : [platform.target];
  return targets.map((target: unknown) => (typeof target === 'string' ? target : (target as { target: string }).target));
}

/** The schema errors for a configuration, one readable line each; empty when it is valid. */
function schemaErrors(config: Config): string[] {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  // As electron-builder compiles it (strict off: the schema uses keywords ajv's strict mode rejects),
  // but without coerceTypes, so "true" where a boolean belongs is an error here.
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (validate(config)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

const config = readYaml('electron-builder.yml');

describe("electron-builder.yml against electron-builder's schema", () => {
  it('is a valid configuration for the installed electron-builder', () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('would catch a misspelt option (the schema refuses unknown keys)', () => {
    const misspelt = { ...config, msi: { ...section(config, 'msi'), perMachne: true } };
    expect(schemaErrors(misspelt).join('\n')).toContain('perMachne');
  });
});

describe('the installers an IT department gets', () => {
  it('builds MSI and NSIS on Windows, DMG and zip on macOS, AppImage and deb on Linux', () => {
    expect(targetNames(section(config, 'win')).sort()).toEqual(['msi', 'nsis']);
    expect(targetNames(section(config, 'mac')).sort()).toEqual(['dmg', 'zip']);
    expect(targetNames(section(config, 'linux')).sort()).toEqual(['AppImage', 'deb']);
  });

  it('gives the MSI a fixed upgrade code, a valid GUID, so a new version replaces the old one', () => {
    const { upgradeCode } = section(config, 'msi');
    expect(upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(upgradeCode, 'the MSI upgrade code must never change once released').toBe(DUET_UPGRADE_CODE);
  });

  it('installs the MSI per machine and lets NSIS users choose per user or per machine', () => {
    expect(section(config, 'msi')).toMatchObject({ perMachine: true });
    // Assisted NSIS with perMachine off shows the "only for me / anyone" page (and takes /allusers).
    expect(section(config, 'nsis')).toMatchObject({ oneClick: false, perMachine: false });
  });

  it('never deletes the data folder on uninstall', () => {
    expect(section(config, 'nsis').deleteAppDataOnUninstall).toBe(false);
  });

  it('signs macOS builds with the hardened runtime and notarises them when credentials are in the environment', () => {
    const mac = section(config, 'mac');
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.notarize).toBe(true);
    // Credentials come only from the environment (CSC_LINK, APPLE_*), never from this file.
    expect(mac).not.toHaveProperty('identity');
    expect(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')).not.toMatch(/(password|appleId|apiKey)\s*:/i);
  });

  it('has entitlements files that parse as plists and ask only for what Duet needs', () => {
    const mac = section(config, 'mac');
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const file = mac[key];
      expect(file, `mac.${key}`).toBeTypeOf('string');
      expect(existsSync(path.join(ROOT, file as string)), `${file as string} exists`).toBe(true);
      const entitlements = plist.parse(readFileSync(path.join(ROOT, file as string), 'utf8'));
      // V8 needs JIT in every process; nothing else (see the comments in the file for what is left out and why).
      expect(entitlements, `${file as string}`).toEqual({ 'com.apple.security.cs.allow-jit': true });
    }
  });

  it('flips the fuses as documented, keeping runAsNode for node-llama-cpp', () => {
    expect(section(config, 'electronFuses')).toEqual({
      runAsNode: true,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
    expect(config.asar, 'the app is packed into an asar (the integrity fuse checks it)').not.toBe(false);
  });
});

describe('the install folder', () => {
  it('holds only what the app reads: no extra files, no portable target', () => {
    expect(config).not.toHaveProperty('extraFiles');
    for (const platform of ['win', 'mac', 'linux']) {
      expect(targetNames(section(config, platform))).not.toContain('portable');
      expect(section(config, platform)).not.toHaveProperty('extraFiles');
    }
  });

  it("puts Duet's data in the user's profile on every platform, never beside the app", () => {
    const home = os.homedir();
    expect(defaultAppDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' })).toBe(path.join('C:\\Users\\ada\\AppData\\Roaming', 'Duet'));
    expect(defaultAppDataDir('darwin', {})).toBe(path.join(home, 'Library', 'Application Support', 'Duet'));
    expect(defaultAppDataDir('linux', {})).toBe(path.join(home, '.config', 'Duet'));
  });

  it('is reached from the code only by the reviewed, read-only uses', () => {
    // appRoot(), getAppPath() and resourcesPath point into the install folder once packaged. Each use
    // below only reads; a new one must be checked the same way (and never write) before it is added here.
    const reviewed = ['core/model-downloads.ts', 'core/paths.ts', 'core/version.ts', 'electron/main.ts', 'server/serve.ts'];
    const uses = sourceFiles(path.join(ROOT, 'src-main')).filter((file) => /\bappRoot\(|getAppPath\(|resourcesPath\b/.test(readFileSync(file, 'utf8')));
    expect(uses.map((file) => path.relative(path.join(ROOT, 'src-main'), file).split(path.sep).join('/')).sort()).toEqual(reviewed);
  });

  it('never gets a llama.cpp build compiled into it', () => {
    // Inside Electron node-llama-cpp defaults to build: "never" (a build would write into
    // app.asar.unpacked/node_modules/node-llama-cpp/llama/localBuilds); no getLlama call may ask for one.
    expect(llamaOptions().build ?? 'never').toBe('never');
    for (const file of sourceFiles(path.join(ROOT, 'src-main'))) {
      expect(readFileSync(file, 'utf8'), path.relative(ROOT, file)).not.toMatch(/\bbuild:\s*['"](auto|autoAttempt|try|forceRebuild)['"]/);
    }
  });
});

describe('the installers workflow', () => {
  const workflow = readYaml('.github/workflows/installers.yml');
  const job = section(section(workflow, 'jobs'), 'installers');
  const steps = job.steps as Config[];
  const scripts = steps.map((step) => (typeof step.run === 'string' ? step.run : ''));

  it('builds on Windows, macOS and Ubuntu runners with npm ci and npm run dist', () => {
    const include = (job.strategy as { matrix: { include: { os: string }[] } }).matrix.include;
    expect(include.map((entry) => entry.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(scripts).toContain('npm ci');
    expect(scripts.some((script) => script.startsWith('npm run dist'))).toBe(true);
  });

  it('smoke-tests each platform and uploads the installers', () => {
    for (const os of ['Windows', 'macOS', 'Linux']) {
      expect(
        steps.some((step) => step.if === `runner.os == '${os}'` && String(step.name).startsWith('Smoke test')),
        os,
      ).toBe(true);
    }
    expect(steps.some((step) => String(step.uses).startsWith('actions/upload-artifact@'))).toBe(true);
  });

  it('passes secrets through env only, never into a script', () => {
    for (const script of scripts) expect(script).not.toContain('secrets.');
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}
