import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { ModelStatus, PolicyInfo } from '../../src-main/contract/index.js';
import { OPEN_POLICY } from '../../src-main/contract/open-policy.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { valueOf, waitForModel } from './core-driver.js';
import { startLoopbackCloud, type LoopbackCloud } from './loopback-cloud.js';
import { makeTempDir } from './temp-dir.js';

/** How a test's core starts: every field has the common default. */
export interface CoreOptions {
  /** The local model; null for none. Default: the tiny fixture model. */
  modelPath?: string | null;
  /** Default: the open policy (nothing locked). */
  policy?: PolicyInfo;
  /** Whether the loopback cloud is set up as the user's cloud. Default: true. */
  withCloud?: boolean;
  /** A folder inside the test's temporary folder; default: the temporary folder itself. */
  dataSubdir?: string;
  /** Wait until the model has loaded (or failed to). Default: when there is a model. */
  waitForModel?: boolean;
}

/** One test file's in-process core next to the loopback cloud; fresh data for every test. */
export interface CoreWithCloud {
  readonly cloud: LoopbackCloud;
  /** The test's temporary folder (removed after each test). */
  readonly tempDir: string;
  /** Starts the core (closing one this test started before, so a test can "restart" Duet). */
  open(options?: CoreOptions): Promise<DuetCore>;
  /** Closes the core, as quitting Duet would. */
  close(): Promise<void>;
}

/**
 * Registers the hooks that integration tests driving a whole core share: one loopback cloud per
 * file, reset to no fault before each test, and a temporary data folder removed after it.
 */
export function useCoreWithCloud(name: string): CoreWithCloud {
  let cloud: LoopbackCloud | null = null;
  let temp: ReturnType<typeof makeTempDir> | null = null;
  let core: DuetCore | null = null;

  beforeAll(async () => {
    cloud = await startLoopbackCloud();
  });
  afterAll(async () => {
    await cloud?.stop();
  });
  beforeEach(() => {
    temp = makeTempDir(name);
    cloud?.setFault({ kind: 'none' });
  });
  afterEach(async () => {
    await close();
    temp?.remove();
    temp = null;
  });

  async function close(): Promise<void> {
    await core?.close();
    core = null;
  }

  const fixture: CoreWithCloud = {
    get cloud() {
      if (!cloud) throw new Error('the loopback cloud is not started yet (use it inside a test)');
      return cloud;
    },
    get tempDir() {
      if (!temp) throw new Error('no temporary folder outside a test');
      return temp.dir;
    },
    async open(options: CoreOptions = {}) {
      await close();
      const modelPath = options.modelPath === undefined ? TINY_MODEL_FILE : options.modelPath;
      const { baseUrl, model } = fixture.cloud;
      core = await createDuetCore({
        dataDir: options.dataSubdir ? `${fixture.tempDir}/${options.dataSubdir}` : fixture.tempDir,
        modelPath,
        version: 'test',
        policy: options.policy ?? OPEN_POLICY,
        cloud: options.withCloud === false ? null : { presetId: 'custom', baseUrl, model },
      });
      if (options.waitForModel ?? modelPath !== null) await waitForModel(core);
      return core;
    },
    close,
  };
  return fixture;
}

/** The local model's status as Settings shows it. */
export async function modelStatus(core: DuetCore): Promise<ModelStatus> {
  return valueOf<{ model: ModelStatus }>(await core.call('app.info', {})).model;
}
