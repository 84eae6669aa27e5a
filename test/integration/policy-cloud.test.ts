// The administrator's limits on the cloud beyond on/off: which endpoints it may be, how much it may
// cost per month, and the privacy level. Real core, real loopback cloud (a priced model name, so
// answers carry a cost), real OpenAI client on the core's endpoint.
import OpenAI, { APIError } from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_POLICY, type AppInfo, type Message, type PolicyInfo } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { CLOUD_GREETING_ANSWER, TINY_MODEL_FILE, UNSURE_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { askAndWait, valueOf, waitForModel } from '../support/core-driver.js';
import { startLoopbackCloud, type LoopbackCloud } from '../support/loopback-cloud.js';
import { makeTempDir } from '../support/temp-dir.js';

/** A model the price table knows, so cloud answers carry a cost. */
const PRICED_MODEL = 'gpt-4o-mini';
const ALLOWED = 'https://api.openai.com';

let cloud: LoopbackCloud;
let temp: ReturnType<typeof makeTempDir>;
let core: DuetCore | null = null;

beforeAll(async () => {
  cloud = await startLoopbackCloud({ model: PRICED_MODEL });
});
afterAll(async () => {
  await cloud.stop();
});
beforeEach(() => {
  temp = makeTempDir('policy-cloud');
});
afterEach(async () => {
  await core?.close();
  core = null;
  temp.remove();
});

/** A core with the loopback cloud saved as its endpoint (as if saved before the policy said otherwise) and its API endpoint on. */
async function open(policy: Partial<PolicyInfo>, modelPath = TINY_MODEL_FILE, model = PRICED_MODEL): Promise<DuetCore> {
  core = await createDuetCore({
    dataDir: temp.dir,
    modelPath,
    version: 'test',
    policy: { ...OPEN_POLICY, source: '/etc/duet/policy.json', ...policy },
    cloud: { presetId: 'custom', baseUrl: cloud.baseUrl, model },
    apiPort: 0,
  });
  await waitForModel(core);
  return core;
}

const info = async (c: DuetCore): Promise<AppInfo> => valueOf<AppInfo>(await c.call('app.info', {}));
const codes = (m: Message): string[] => m.provenance?.reasons.map((r) => r.code) ?? [];

/** What the core's OpenAI-compatible endpoint answers for one question to a Duet model. */
async function askApi(c: DuetCore, model: string): Promise<{ status: number; code: string | null | undefined; message: string } | { route: string | null }> {
  const { api } = await info(c);
  if (!api.baseUrl || !api.key) throw new Error(`The endpoint is not running: ${api.problem ?? 'off'}`);
  const client = new OpenAI({ baseURL: api.baseUrl, apiKey: api.key, maxRetries: 0 });
  try {
    const { response } = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hello' }] }).withResponse();
    return { route: response.headers.get('x-duet-route') };
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    return { status: error.status ?? 0, code: error.code, message: error.message };
  }
}

describe('allowed cloud endpoints', () => {
  it('never calls a saved endpoint the administrator does not allow: routing, "Ask the cloud" and the API all keep it here', async () => {
    const c = await open({ allowedCloudEndpoints: [ALLOWED] });
    valueOf(await c.call('settings.update', { mode: 'cloud' }));
    const before = cloud.chatRequests();

    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.provenance).toMatchObject({ target: 'local', route: 'local' });
    expect(codes(answer)).toEqual(['mode-cloud', 'policy-endpoint']);
    const why = answer.provenance?.reasons.find((r) => r.code === 'policy-endpoint')?.message;
    expect(why).toContain(ALLOWED);
    expect(why).toContain(new URL(cloud.baseUrl).origin);

    expect(await c.call('chat.askOther', { messageId: answer.id })).toMatchObject({ ok: false, error: { code: 'forbidden_by_policy' } });
    expect(await askApi(c, 'duet-cloud')).toMatchObject({ status: 403, code: 'forbidden_by_policy' });
    expect(await askApi(c, 'duet-auto')).toEqual({ route: 'local' });
    expect(cloud.chatRequests()).toBe(before);

    const shown = await info(c);
    expect(shown.cloud.configured).toBe(false);
    expect(shown.cloud.blockedByPolicy).toContain(ALLOWED);
  });

  it('refuses to save an endpoint off the list, naming the allowed ones, and saves one on it', async () => {
    const c = await open({ allowedCloudEndpoints: [ALLOWED, 'https://llm.example.com:8443'] });
    const refused = await c.call('cloud.configure', { presetId: 'custom', baseUrl: 'https://elsewhere.example.org/v1', model: PRICED_MODEL });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden_by_policy' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toContain('https://api.openai.com, https://llm.example.com:8443');
    expect(message).toContain('https://elsewhere.example.org');
    // The settings channel carries the endpoint too: the same refusal.
    const viaSettings = await c.call('settings.update', { cloud: { presetId: 'custom', baseUrl: 'https://elsewhere.example.org/v1', model: PRICED_MODEL } });
    expect(viaSettings).toMatchObject({ ok: false, error: { code: 'forbidden_by_policy' } });
    expect((await info(c)).settings.cloud?.baseUrl).toBe(cloud.baseUrl);

    valueOf(await c.call('cloud.configure', { presetId: 'custom', baseUrl: 'https://llm.example.com:8443/v1', model: PRICED_MODEL }));
    const shown = await info(c);
    expect(shown.settings.cloud?.baseUrl).toBe('https://llm.example.com:8443/v1');
    expect(shown.cloud).toMatchObject({ configured: true, blockedByPolicy: null });
  });

  it('answers from an endpoint whose origin is on the list', async () => {
    const c = await open({ allowedCloudEndpoints: [new URL(cloud.baseUrl).origin] });
    valueOf(await c.call('settings.update', { mode: 'cloud' }));
    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.content).toBe(CLOUD_GREETING_ANSWER);
    expect(answer.provenance?.target).toBe('cloud');
  });
});

describe('monthly cloud spend cap', () => {
  it('stops the cloud once this month’s spend (an escalated answer included) reaches the cap, everywhere, with the figures', async () => {
    // The unsure model escalates a greeting to the cloud; one priced answer costs far more than this cap.
    const c = await open({ monthlyCloudSpendCapUsd: 0.000001 }, UNSURE_MODEL_FILE);
    expect((await info(c)).cloud.budget).toEqual({ spentUsd: 0, capUsd: 0.000001, unpricedModels: [] });

    const first = await askAndWait(c, 'Hello');
    expect(first.answer.provenance).toMatchObject({ target: 'cloud', route: 'escalated' });
    const cost = first.answer.provenance?.costUsd ?? 0;
    expect(cost).toBeGreaterThan(0.000001);
    const shown = await info(c);
    expect(shown.cloud.budget?.spentUsd).toBeCloseTo(cost, 12);
    expect(shown.cloud.blockedByPolicy).toMatch(/monthly cloud budget is reached/);

    const before = cloud.chatRequests();
    const second = await askAndWait(c, 'Hello');
    expect(second.answer.provenance?.target).toBe('local');
    expect(codes(second.answer)).toEqual(['policy-budget']);
    expect(second.answer.provenance?.reasons[0]?.message).toMatch(/monthly cloud budget is reached \(cloud spend this month \$\S+ of the \$0\.000001 monthly cap\)/);

    const rerun = await c.call('chat.askOther', { messageId: second.answer.id });
    expect(rerun).toMatchObject({ ok: false, error: { code: 'forbidden_by_policy' } });
    expect(rerun.ok ? '' : rerun.error.message).toMatch(/monthly cloud budget is reached/);
    expect(await askApi(c, 'duet-cloud')).toMatchObject({ status: 403, code: 'forbidden_by_policy' });
    expect(cloud.chatRequests()).toBe(before);
  });

  it('keeps answering under the cap, and names a model without a price, whose answers count as $0', async () => {
    const c = await open({ monthlyCloudSpendCapUsd: 5 }, TINY_MODEL_FILE, 'acme-unpriced-llm');
    const { cloud: shown } = await info(c);
    expect(shown.budget).toEqual({ spentUsd: 0, capUsd: 5, unpricedModels: ['acme-unpriced-llm'] });
    expect(shown.blockedByPolicy).toBeNull();
  });
});

describe('privacy level set by the administrator', () => {
  it('routes with the forced strict level over the user’s standard one, and refuses a change', async () => {
    const c = await open({ privacyLevel: 'strict' });
    valueOf(await c.call('settings.update', { mode: 'cloud' }));
    expect((await info(c)).settings.privacyLevel).toBe('standard');
    const before = cloud.chatRequests();
    const { answer } = await askAndWait(c, 'Anna Keller is 34 years old. Write her a birthday poem.');
    expect(answer.provenance?.target).toBe('local');
    expect(codes(answer)).toContain('privacy');
    expect(cloud.chatRequests()).toBe(before);
    expect(await c.call('settings.update', { privacyLevel: 'standard' })).toMatchObject({ ok: false, error: { code: 'forbidden_by_policy' } });
    valueOf(await c.call('settings.update', { privacyLevel: 'strict' }));
  });
});
