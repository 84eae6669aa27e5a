// A question sent while the model the user just chose is still on its way to loading waits for it,
// rather than being refused with "no local model is loaded".
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { nextAnswer, valueOf } from '../support/core-driver.js';
import { useCoreWithCloud } from '../support/core-with-cloud.js';

const duet = useCoreWithCloud('load-then-ask');

describe('a question sent right after choosing a model', () => {
  it('is answered by that model once it has loaded', async () => {
    const core = await duet.open({ modelPath: null, withCloud: false, dataSubdir: 'data', waitForModel: false });
    const finished = nextAnswer(core);
    // The window sends both at once: the load is not awaited before the question.
    const loading = core.call('model.load', { path: TINY_MODEL_FILE });
    const sent = core.call('chat.send', { conversationId: null, text: 'Hello' });
    valueOf(await sent);
    valueOf(await loading);
    const { answer } = await finished;
    expect(answer.error).toBeNull();
    expect(answer.status).toBe('complete');
    expect(answer.content).toBe(TINY_GREETING_ANSWER);
  });

  it('says why the chosen file failed to load, not that no model is loaded', async () => {
    const core = await duet.open({ modelPath: null, withCloud: false, dataSubdir: 'data', waitForModel: false });
    const broken = path.join(duet.tempDir, 'broken.gguf');
    writeFileSync(broken, 'not a model at all');
    const finished = nextAnswer(core);
    const loading = core.call('model.load', { path: broken });
    valueOf(await core.call('chat.send', { conversationId: null, text: 'Hello' }));
    expect((await loading).ok).toBe(false);
    const { answer } = await finished;
    expect(answer.status).toBe('error');
    expect(answer.error?.code).toBe('model_invalid');
    expect(answer.error?.message).toContain('broken.gguf');
  });

  it('can be stopped while it waits for the model', async () => {
    const core = await duet.open({ modelPath: null, withCloud: false, dataSubdir: 'data', waitForModel: false });
    const finished = nextAnswer(core);
    const loading = core.call('model.load', { path: TINY_MODEL_FILE });
    const { conversationId } = valueOf<{ conversationId: string }>(await core.call('chat.send', { conversationId: null, text: 'Hello' }));
    valueOf(await core.call('chat.stop', { conversationId }));
    const { answer } = await finished;
    expect(answer.status).toBe('stopped');
    valueOf(await loading);
    // The model it waited for is there for the next question.
    const again = nextAnswer(core);
    valueOf(await core.call('chat.send', { conversationId, text: 'Hello' }));
    expect((await again).answer.content).toBe(TINY_GREETING_ANSWER);
  });
});
