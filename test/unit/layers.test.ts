// The layer map (eslint.config.js) fails the lint when a layer is crossed. Each case lints a small
// file, placed by its path in one layer, with the project's own config; only the type-aware rules
// are turned off (the files are not on disk, so no tsconfig holds them, and the layer rule needs no
// types).
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [{ ...tseslint.configs.disableTypeChecked, files: ['**/*.ts', '**/*.svelte'] }, { languageOptions: { parserOptions: { projectService: false } } }],
});

/** The layer-rule messages for `code` saved as `filePath`; an empty list when the layers hold. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(fatal.map((m) => m.message).join('\n'));
  return messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

const use = (name: string) => `\nexport const used = ${name};\n`;

describe('layer map', () => {
  it('refuses router importing the core, and allows it the contract', async () => {
    const broken = await layerErrors('src-main/router/probe.ts', `import { createDuetCore } from '../core/create-core.js';${use('createDuetCore')}`);
    expect(broken).toEqual([expect.stringContaining('src-main/router may import only router, contract')]);
    expect(await layerErrors('src-main/router/probe.ts', `import { Target } from '../contract/index.js';${use('Target')}`)).toEqual([]);
  });

  it('keeps the services apart: cloud may not import local, nested folders included', async () => {
    expect(await layerErrors('src-main/cloud/probe.ts', `import type { LocalEngine } from '../local/engine-types.js';\nexport type T = LocalEngine;\n`)).toHaveLength(1);
    expect(
      await layerErrors('src-main/history/transfer/probe.ts', `import { SYSTEM_PROMPT } from '../../local/generation-settings.js';${use('SYSTEM_PROMPT')}`),
    ).toHaveLength(1);
    expect(await layerErrors('src-main/history/transfer/probe.ts', `import { openHistory } from '../history-store.js';${use('openHistory')}`)).toEqual([]);
  });

  it('lets the shells see the core and the contract only, and the contract nothing of ours', async () => {
    expect(await layerErrors('src-main/server/probe.ts', `import { workerEnvironment } from '../local/worker-env.js';${use('workerEnvironment')}`)).toHaveLength(1);
    expect(await layerErrors('src-main/electron/probe.ts', `import { workerEnvironment } from '../core/shell-parts.js';${use('workerEnvironment')}`)).toEqual([]);
    expect(await layerErrors('src-main/contract/probe.ts', `import type { DuetCore } from '../core/core-types.js';\nexport type T = DuetCore;\n`)).toHaveLength(1);
    expect(await layerErrors('src-main/contract/probe.ts', `import { readFile } from 'node:fs/promises';${use('readFile')}`)).toHaveLength(1);
  });

  it('keeps the OpenAI wire format to the contract and its port: the core composes it, the shells do not touch it', async () => {
    expect(await layerErrors('src-main/openai/probe.ts', `import { ChatService } from '../core/chat-service.js';${use('ChatService')}`)).toHaveLength(1);
    expect(await layerErrors('src-main/openai/probe.ts', `import { ErrorCode } from '../contract/index.js';${use('ErrorCode')}`)).toEqual([]);
    expect(await layerErrors('src-main/core/probe.ts', `import { createApiHandler } from '../openai/api-handler.js';${use('createApiHandler')}`)).toEqual([]);
    expect(await layerErrors('src-main/server/probe.ts', `import { createApiHandler } from '../openai/api-handler.js';${use('createApiHandler')}`)).toHaveLength(1);
  });

  it('shares the HTTP request guards with both servers, and lets the guards import nothing of ours', async () => {
    const guard = `import { isLoopbackHost } from '../http/request-guards.js';${use('isLoopbackHost')}`;
    expect(await layerErrors('src-main/server/probe.ts', guard)).toEqual([]);
    expect(await layerErrors('src-main/openai/probe.ts', guard)).toEqual([]);
    expect(await layerErrors('src-main/http/probe.ts', `import { ErrorCode } from '../contract/index.js';${use('ErrorCode')}`)).toHaveLength(1);
  });

  it('keeps zod out of the renderer: contract types anywhere, values only from browser-safe modules', async () => {
    const file = 'src-renderer/lib/probe.ts';
    expect(await layerErrors(file, `import { Message } from '../../src-main/contract/entities.js';${use('Message')}`)).toHaveLength(1);
    expect(await layerErrors(file, `import type { Message } from '../../src-main/contract/entities.js';\nexport type T = Message;\n`)).toEqual([]);
    // `import { type X }` still loads the module under verbatimModuleSyntax: refused too.
    const [inline] = await eslint.lintText(`import { type Message } from '../../src-main/contract/entities.js';\nexport type T = Message;\n`, { filePath: file });
    expect(inline?.messages.map((m) => m.ruleId)).toEqual(['@typescript-eslint/no-import-type-side-effects']);
    expect(await layerErrors(file, `import { HTTP_EVENTS } from '../../src-main/contract/transport.js';${use('HTTP_EVENTS')}`)).toEqual([]);
    expect(await layerErrors(file, `import type { DuetCore } from '../../src-main/core/core-types.js';\nexport type T = DuetCore;\n`)).toHaveLength(1);
    const svelte = `<script lang="ts">\n  import { Message } from '../../../src-main/contract/entities.js';\n  console.log(Message);\n</script>\n`;
    expect(await layerErrors('src-renderer/lib/components/Probe.svelte', svelte)).toHaveLength(1);
  });

  it('keeps the browser-safe contract modules free of zod', async () => {
    expect(await layerErrors('src-main/contract/threshold.ts', `import { z } from 'zod';${use('z')}`)).toHaveLength(1);
    expect(await layerErrors('src-main/contract/threshold.ts', `import { Target } from './entities.js';${use('Target')}`)).toHaveLength(1);
    expect(await layerErrors('src-main/contract/events.ts', `import type { Message } from './entities.js';\nexport type T = Message;\n`)).toEqual([]);
  });
});
