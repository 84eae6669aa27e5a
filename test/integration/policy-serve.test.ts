// A real `serve` reads the administrator's policy from DUET_POLICY_FILE at start and reports it,
// key by key, in app.info (what the settings screen shows as locked); a broken file starts the
// server anyway, locked down, with the reason in app.info and on the terminal.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../src-main/contract/index.js';
import { BridgeClient } from '../support/bridge-client.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { makeTempDir } from '../support/temp-dir.js';

const temp = makeTempDir('policy-serve');
const running: RunningServer[] = [];

afterAll(async () => {
  for (const server of running) await server.stop();
  temp.remove();
});

async function serveWithPolicy(name: string, text: string): Promise<{ server: RunningServer; info: AppInfo }> {
  const policyFile = path.join(temp.dir, `${name}.json`);
  writeFileSync(policyFile, text);
  const server = await startServer({ model: null, dataDir: path.join(temp.dir, `data-${name}`), env: { DUET_POLICY_FILE: policyFile } });
  running.push(server);
  return { server, info: await new BridgeClient(server.url).call<AppInfo>('app.info') };
}

describe('the policy a headless server reports', () => {
  it('has every key from the policy file, normalised', async () => {
    const hash = 'AB'.repeat(32);
    const { server, info } = await serveWithPolicy(
      'full',
      JSON.stringify({
        allowCloud: false,
        allowedCloudEndpoints: ['https://API.Example.com:443/'],
        forceMode: 'local',
        privacyLevel: 'strict',
        monthlyCloudSpendCapUsd: 12.5,
        allowModelDownloads: false,
        modelMirror: 'https://models.example.com/hf/',
        allowedModelHashes: [hash],
        allowApi: false,
        historyRetentionDays: 30,
      }),
    );
    expect(info.policy).toEqual({
      allowCloud: false,
      allowedCloudEndpoints: ['https://api.example.com'],
      forceMode: 'local',
      privacyLevel: 'strict',
      monthlyCloudSpendCapUsd: 12.5,
      allowModelDownloads: false,
      modelMirror: 'https://models.example.com/hf/',
      allowedModelHashes: [hash.toLowerCase()],
      allowApi: false,
      historyRetentionDays: 30,
      source: path.join(temp.dir, 'full.json'),
      problem: null,
    });
    await server.stop();
  });

  it('fails closed on a bad key, saying so in app.info and on the terminal', async () => {
    const { server, info } = await serveWithPolicy('typo', '{ "allowCloud": true, "histroyRetentionDays": 30 }');
    expect(info.policy).toMatchObject({ allowCloud: false, allowApi: false, allowModelDownloads: false, source: path.join(temp.dir, 'typo.json') });
    expect(info.policy.problem).toMatch(/typo\.json: "histroyRetentionDays" is not a Duet policy key\. The keys are allowCloud, allowedCloudEndpoints, /);
    expect(server.output()).toContain(info.policy.problem!);
    await server.stop();
  });
});
