// The llama.cpp backend (CUDA, Vulkan, Metal or the CPU) that worked on this machine, remembered
// in a small file so that the next start asks node-llama-cpp for it directly instead of probing
// every GPU type (each failed probe costs a test process). The memory is keyed by node-llama-cpp's
// version, the platform and the GPU setting, expires after a week (a GPU may have been added), and
// is forgotten when a load fails, so a stale answer costs one slow start, never a broken one.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type Backend = false | 'cuda' | 'vulkan' | 'metal';

const BACKENDS: readonly Backend[] = [false, 'cuda', 'vulkan', 'metal'];
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Where the backend that worked is remembered, in a data folder. */
export function backendFileIn(dataDir: string): string {
  return path.join(dataDir, 'llama-backend.json');
}

/** node-llama-cpp's installed version, read from its package.json ('unknown' if that fails). */
export function llamaCppVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('node-llama-cpp');
    // The entry is <package>/dist/index.js; the package's exports do not list package.json.
    const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** What a remembered backend is valid for: node-llama-cpp's version, the platform and the GPU setting. */
export function backendKey(gpuSetting: string, version: string = llamaCppVersion()): string {
  return `node-llama-cpp@${version} ${process.platform}-${process.arch} gpu=${gpuSetting}`;
}

/** The backend remembered in `file` for `key`, or null when there is none, it is for another key, or it is too old. */
export function rememberedBackend(file: string, key: string, now: number = Date.now()): Backend | null {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; backend?: unknown; probedAt?: unknown };
    if (saved.key !== key || typeof saved.probedAt !== 'number' || now - saved.probedAt > MAX_AGE_MS) return null;
    return BACKENDS.find((backend) => backend === saved.backend) ?? null;
  } catch {
    return null;
  }
}

/** Remembers `backend` for `key`; a file that cannot be written only costs the next start a probe. */
export function rememberBackend(file: string, key: string, backend: Backend, now: number = Date.now()): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ key, backend, probedAt: now })}\n`);
  } catch {
    // Best effort.
  }
}

/** Forgets the remembered backend: the next start probes again. */
export function forgetBackend(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // A file that cannot be removed is still checked against its key and age.
  }
}
