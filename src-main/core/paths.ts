import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The OS's per-user app-data folder for Duet (what Electron's `userData` is for an app named Duet). */
export function defaultAppDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Duet');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Duet');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Duet');
}

/** The data folder: the --data flag, else DUET_DATA_DIR, else the default. */
export function resolveDataDir(opts: { flag?: string | null; env?: NodeJS.ProcessEnv; defaultDir: string }): string {
  const chosen = opts.flag || (opts.env ?? process.env).DUET_DATA_DIR || opts.defaultDir;
  return path.resolve(chosen);
}

/** The model named at start: the --model flag, else DUET_MODEL; null means "use the saved setting". */
export function resolveModelPath(opts: { flag?: string | null; env?: NodeJS.ProcessEnv }): string | null {
  const chosen = opts.flag || (opts.env ?? process.env).DUET_MODEL;
  return chosen ? path.resolve(chosen) : null;
}

/** The app's root folder (where package.json lives), from source and from dist-main alike. */
export function appRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}
