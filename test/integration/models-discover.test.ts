// "Found on disk": the models LM Studio, Jan, GPT4All and Ollama downloaded, read from fake app
// folders in a temporary home with real GGUF files (and broken ones that must be left out).
import { copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FoundModel } from '../../src-main/contract/index.js';
import { modelRoots } from '../../src-main/models/discover-roots.js';
import { findModelsOnDisk } from '../../src-main/models/discover.js';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { buildFakeApps, encodeQwenLike, putOllamaModel, QWEN_FACTS } from '../support/fake-model-apps.js';
import { makeTempDir } from '../support/temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('discover');
});
afterEach(() => temp.remove());

const linux = (home: string, env: Record<string, string> = {}) => ({ place: { home, env, platform: 'linux' as const, systemFolders: false } });
const byPath = (models: FoundModel[]) => new Map(models.map((m) => [m.path, m]));

describe('models found on disk', () => {
  it('finds each app’s models in place, with what their headers say', async () => {
    const apps = buildFakeApps(temp.dir);
    const found = await findModelsOnDisk(linux(temp.dir));
    expect(found.complete).toBe(true);
    const models = byPath(found.models);
    expect([...models.keys()].sort()).toEqual(Object.values(apps).sort());

    expect(models.get(apps.lmStudio)).toMatchObject({
      source: 'lmstudio',
      name: 'duet-tiny-chat',
      facts: { architecture: 'llama', quantisation: 'F32', contextLength: 4096 },
    });
    expect(models.get(apps.lmStudio)?.sizeBytes).toBeGreaterThan(200_000);
    expect(models.get(apps.lmStudio)?.facts.parameters).toBeGreaterThan(10_000);
    expect(models.get(apps.lmStudioOld)).toMatchObject({ source: 'lmstudio', facts: QWEN_FACTS });
    expect(models.get(apps.janOld)?.source).toBe('jan');
    expect(models.get(apps.janNew)).toMatchObject({ source: 'jan', facts: QWEN_FACTS });
    expect(models.get(apps.gpt4all)?.source).toBe('gpt4all');
    // Ollama's blob is the GGUF file itself, used where it is, under the name `ollama run` knows.
    expect(models.get(apps.ollamaBlob)).toMatchObject({ source: 'ollama', name: 'qwen2.5:0.5b', facts: QWEN_FACTS });
    expect(path.dirname(apps.ollamaBlob)).toBe(path.join(temp.dir, '.ollama/models/blobs'));
    expect(found.searched).toEqual(expect.arrayContaining([path.join(temp.dir, '.lmstudio/models'), path.join(temp.dir, '.ollama/models')]));
  });

  it('leaves out broken, non-GGUF, partial and projector files without failing', async () => {
    buildFakeApps(temp.dir);
    const names = (await findModelsOnDisk(linux(temp.dir))).models.map((m) => path.basename(m.path));
    for (const bad of [
      'truncated.gguf',
      'not-a-model.gguf',
      'absurd-counts.gguf',
      'huge-key.gguf',
      'mmproj-tiny-F32.gguf',
      'incomplete-half-downloaded.gguf',
      'README.txt',
    ]) {
      expect(names).not.toContain(bad);
    }
    expect(names.some((n) => n.endsWith('-partial'))).toBe(false);
  });

  it('lists a file reached by two routes once (a link, two Ollama tags of one blob)', async () => {
    const apps = buildFakeApps(temp.dir);
    mkdirSync(path.join(temp.dir, 'jan/models/linked'), { recursive: true });
    symlinkSync(apps.lmStudio, path.join(temp.dir, 'jan/models/linked/model.gguf'));
    putOllamaModel(path.join(temp.dir, '.ollama/models'), { model: 'qwen2.5', tag: 'latest' }, encodeQwenLike());
    putOllamaModel(path.join(temp.dir, '.ollama/models'), { registry: 'hf.co', namespace: 'someone', model: 'Tiny-GGUF', tag: 'Q4_K_M' }, Buffer.from('GGUF broken'));

    const found = await findModelsOnDisk(linux(temp.dir));
    const tiny = found.models.filter((m) => m.facts.name === 'duet-tiny-chat' && m.source !== 'gpt4all' && !m.path.includes('tiny-jan'));
    expect(tiny).toHaveLength(1);
    const ollama = found.models.filter((m) => m.source === 'ollama');
    expect(ollama).toHaveLength(1);
    expect(['qwen2.5:0.5b', 'qwen2.5:latest']).toContain(ollama[0]?.name);
  });

  it('follows linked folders, and a link loop ends the walk instead of hanging it', async () => {
    const apps = buildFakeApps(temp.dir);
    const elsewhere = path.join(temp.dir, 'external-disk/models');
    mkdirSync(elsewhere, { recursive: true });
    symlinkSync(path.join(temp.dir, '.lmstudio/models'), path.join(temp.dir, '.lmstudio/models/duet-community/loop'));
    mkdirSync(path.join(temp.dir, '.lmstudio/models/linked-pub'), { recursive: true });
    symlinkSync(elsewhere, path.join(temp.dir, '.lmstudio/models/linked-pub/Repo-GGUF'));
    const onExternal = path.join(elsewhere, 'external.gguf');
    putCopy(apps.gpt4all, onExternal);

    const found = await findModelsOnDisk(linux(temp.dir));
    expect(found.complete).toBe(true);
    expect(found.models.map((m) => m.path)).toContain(path.join(temp.dir, '.lmstudio/models/linked-pub/Repo-GGUF/external.gguf'));
  });

  it('stops at its limits and says the list is incomplete; a model too deep is not looked for', async () => {
    const wide = path.join(temp.dir, '.lmstudio/models/pub');
    for (let i = 0; i < 300; i += 1) mkdirSync(path.join(wide, `repo-${String(i).padStart(3, '0')}`), { recursive: true });
    const limited = await findModelsOnDisk({ ...linux(temp.dir), maxEntries: 100 });
    expect(limited.complete).toBe(false);

    const deep = path.join(temp.dir, 'jan/models/a/b/c/d/e/deep.gguf');
    putCopy(undefined, deep);
    const found = await findModelsOnDisk(linux(temp.dir));
    expect(found.complete).toBe(true);
    expect(found.models.map((m) => m.path)).not.toContain(deep);
  });

  it('reads OLLAMA_MODELS and a moved LM Studio home', async () => {
    const ollamaElsewhere = path.join(temp.dir, 'big-disk/ollama');
    const blob = putOllamaModel(ollamaElsewhere, { namespace: 'someone', model: 'qwen', tag: 'q4' }, encodeQwenLike());
    const lmHome = path.join(temp.dir, 'big-disk/lmstudio');
    const lmModel = path.join(lmHome, 'models/pub/Repo-GGUF/moved.gguf');
    putCopy(undefined, lmModel);
    putText(path.join(temp.dir, '.lmstudio-home-pointer'), `${lmHome}\n`);

    const found = await findModelsOnDisk(linux(temp.dir, { OLLAMA_MODELS: ollamaElsewhere }));
    expect(byPath(found.models).get(blob)?.name).toBe('someone/qwen:q4');
    expect(byPath(found.models).get(lmModel)?.source).toBe('lmstudio');
  });

  it('looks in macOS’s Application Support folders for Jan and GPT4All', async () => {
    const jan = path.join(temp.dir, 'Library/Application Support/Jan/data/models/huggingface.co/someone/tiny/model.gguf');
    const gpt = path.join(temp.dir, 'Library/Application Support/nomic.ai/GPT4All/tiny.gguf');
    putCopy(undefined, jan);
    putCopy(undefined, gpt);
    const found = await findModelsOnDisk({ place: { home: temp.dir, env: {}, platform: 'darwin', systemFolders: false } });
    expect(byPath(found.models).get(jan)?.source).toBe('jan');
    expect(byPath(found.models).get(gpt)?.source).toBe('gpt4all');
  });

  it('knows Windows’s folders (%APPDATA%, %LOCALAPPDATA%, the user profile)', async () => {
    const roots = await modelRoots({
      home: 'C:\\Users\\ada',
      env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' },
      platform: 'win32',
      systemFolders: true,
    });
    expect(roots.map((r) => `${r.source} ${r.folder}`)).toEqual(
      expect.arrayContaining([
        'lmstudio C:\\Users\\ada\\.lmstudio\\models',
        'jan C:\\Users\\ada\\AppData\\Roaming\\Jan\\data\\models',
        'gpt4all C:\\Users\\ada\\AppData\\Local\\nomic.ai\\GPT4All',
        'ollama C:\\Users\\ada\\.ollama\\models',
      ]),
    );
  });

  it('finds nothing, quickly and without error, in an empty home', async () => {
    const found = await findModelsOnDisk(linux(temp.dir));
    expect(found).toEqual({ models: [], searched: [], complete: true });
    expect(readdirSync(temp.dir)).toEqual([]);
  });
});

function putCopy(from: string | undefined, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from ?? TINY_MODEL_FILE, to);
}

function putText(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
