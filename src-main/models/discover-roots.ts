import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ModelSource } from '../contract/index.js';

/** Where to look: injectable so tests build fake app folders in a temporary home. */
export interface DiscoverPlace {
  home: string;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** Also look in folders outside the home (Ollama's Linux service keeps its models in /usr/share/ollama). */
  systemFolders: boolean;
}

/** One folder an app keeps models in; `ollama` folders hold manifests and blobs, the others .gguf files. */
export interface ModelRoot {
  source: ModelSource;
  kind: 'files' | 'ollama';
  folder: string;
  /** How many folders deep a model file may lie below `folder`. */
  maxDepth: number;
}

/** The machine this process runs on, with its real home and environment. */
export function thisMachine(): DiscoverPlace {
  return { home: os.homedir(), env: process.env, platform: process.platform, systemFolders: true };
}

/**
 * The default model folders of LM Studio, Jan, GPT4All and Ollama on this platform (they need
 * not exist). Each app can be told to use another folder; the ones it says where to find are read.
 */
export async function modelRoots(place: DiscoverPlace): Promise<ModelRoot[]> {
  const { home, env, platform } = place;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const roots: ModelRoot[] = [];
  const add = (source: ModelSource, folder: string, maxDepth: number, kind: ModelRoot['kind'] = 'files'): void => {
    if (!roots.some((root) => root.folder === folder)) roots.push({ source, kind, folder, maxDepth });
  };

  // LM Studio 0.3+: <home>/.lmstudio/models/<publisher>/<repo>/<file>.gguf. A moved LM Studio home
  // is named in ~/.lmstudio-home-pointer. Before 0.3: ~/.cache/lm-studio/models, same layout.
  const lmHome = (await readPointer(p.join(home, '.lmstudio-home-pointer'))) ?? p.join(home, '.lmstudio');
  add('lmstudio', p.join(lmHome, 'models'), 3);
  add('lmstudio', p.join(home, '.cache', 'lm-studio', 'models'), 3);

  // Jan before 0.5: ~/jan/models/<id>/<file>.gguf. Later: a data folder in the app-data place,
  // with models/ (Cortex) or llamacpp/models/ (the llama.cpp extension, 0.6+).
  add('jan', p.join(home, 'jan', 'models'), 3);
  const janData = p.join(appData(place, p), 'Jan', 'data');
  add('jan', p.join(janData, 'models'), 4);
  add('jan', p.join(janData, 'llamacpp', 'models'), 3);

  // GPT4All keeps its .gguf files side by side in one folder.
  const gpt4all =
    platform === 'win32'
      ? p.join(env.LOCALAPPDATA ?? p.join(home, 'AppData', 'Local'), 'nomic.ai', 'GPT4All')
      : platform === 'darwin'
        ? p.join(home, 'Library', 'Application Support', 'nomic.ai', 'GPT4All')
        : p.join(env.XDG_DATA_HOME ?? p.join(home, '.local', 'share'), 'nomic.ai', 'GPT4All');
  add('gpt4all', gpt4all, 1);

  // Ollama: OLLAMA_MODELS, else ~/.ollama/models; the Linux installer's service runs as user ollama.
  add('ollama', env.OLLAMA_MODELS?.trim() || p.join(home, '.ollama', 'models'), 0, 'ollama');
  if (place.systemFolders && platform === 'linux') add('ollama', '/usr/share/ollama/.ollama/models', 0, 'ollama');
  return roots;
}

/** Where apps keep per-user data: %APPDATA%, ~/Library/Application Support, or $XDG_CONFIG_HOME. */
function appData(place: DiscoverPlace, p: path.PlatformPath): string {
  if (place.platform === 'win32') return place.env.APPDATA ?? p.join(place.home, 'AppData', 'Roaming');
  if (place.platform === 'darwin') return p.join(place.home, 'Library', 'Application Support');
  return place.env.XDG_CONFIG_HOME ?? p.join(place.home, '.config');
}

/** The folder a pointer file names, or null when there is none (or it is not a plain path). */
async function readPointer(file: string): Promise<string | null> {
  try {
    const text = (await fs.readFile(file, 'utf8')).trim();
    return text.length > 0 && text.length < 4096 && !text.includes('\n') ? text : null;
  } catch {
    return null;
  }
}
