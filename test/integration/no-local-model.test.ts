// Before any local model is set up, the cloud answers in Auto and the route says why; personal
// data is still never sent, and Local only still needs a model.
import { OPEN_POLICY } from '../../src-main/contract/index.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message, PolicyInfo } from '../../src-main/contract/index.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { CLOUD_GREETING_ANSWER } from '../fixtures/fixture-facts.js';
import { askAndWait, valueOf } from '../support/core-driver.js';
import { modelStatus, useCoreWithCloud } from '../support/core-with-cloud.js';

const duet = useCoreWithCloud('no-local-model');

/** A core with the loopback cloud set up and no local model (or one whose file is missing). */
const open = (modelPath: string | null = null, policy: PolicyInfo = OPEN_POLICY): Promise<DuetCore> =>
  duet.open({ modelPath, policy, dataSubdir: 'data', waitForModel: false });

const codes = (m: Message): string[] => m.provenance?.reasons.map((r) => r.code) ?? [];

describe('no local model yet', () => {
  it('Auto: the cloud answers, and the route says there is no local model yet', async () => {
    const c = await open();
    expect(await modelStatus(c)).toMatchObject({ state: 'none', sleeping: false });
    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.status).toBe('complete');
    expect(answer.content).toBe(CLOUD_GREETING_ANSWER);
    expect(answer.provenance).toMatchObject({ target: 'cloud', route: 'cloud', model: duet.cloud.model });
    expect(codes(answer)).toEqual(['no-local-model']);
    expect(answer.provenance?.reasons[0]?.message).toMatch(/^no local model yet: set one up to keep questions on this computer/);
  });

  it('a model that failed to load counts as none: the cloud answers', async () => {
    const c = await open(path.join(duet.tempDir, 'gone.gguf'));
    await expect.poll(async () => (await modelStatus(c)).state).toBe('error');
    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.content).toBe(CLOUD_GREETING_ANSWER);
    expect(codes(answer)).toEqual(['no-local-model']);
  });

  it('personal data is refused with nothing sent: a local model is needed for it', async () => {
    const c = await open();
    const before = duet.cloud.chatRequests();
    const { answer } = await askAndWait(c, 'Please write to jane.doe@example.com about the invoice');
    expect(answer.status).toBe('error');
    expect(answer.content).toBe('');
    expect(answer.error?.code).toBe('model_missing');
    expect(answer.error?.message).toMatch(/^Nothing was sent to the cloud: .*e-?mail address.*no local model is set up yet.*Set up a local model/);
    expect(codes(answer)).toEqual(['privacy']);
    expect(duet.cloud.chatRequests()).toBe(before);
  });

  it('Local only, or a policy without the cloud: the usual "no local model" error, nothing sent', async () => {
    const c = await open();
    const before = duet.cloud.chatRequests();
    valueOf(await c.call('settings.update', { mode: 'local' }));
    const local = await askAndWait(c, 'Hello');
    expect(local.answer.status).toBe('error');
    expect(local.answer.error?.code).toBe('model_missing');
    expect(codes(local.answer)).toEqual(['mode-local']);
    await c.close();

    const locked = await open(null, { ...OPEN_POLICY, allowCloud: false, source: '/etc/duet/policy.json' });
    valueOf(await locked.call('settings.update', { mode: 'auto' }));
    const refused = await askAndWait(locked, 'Hello');
    expect(refused.answer.error?.code).toBe('model_missing');
    expect(codes(refused.answer)).toEqual(['policy-no-cloud']);
    expect(duet.cloud.chatRequests()).toBe(before);
  });
});
