import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIFFICULTY_THRESHOLD, defaultModelPath } from '../../src-main/router/difficulty.js';
import { DEFAULT_LOCAL_CONTEXT_TOKENS, defaultRouteInput, route, routeWithDefaults } from '../../src-main/router/route.js';
import type { RouteDecision, RouteInput } from '../../src-main/router/router-types.js';

const EASY = 0.1;
const HARD = 0.9;
const PRIVATE = 'Email the draft to anna@example.org please';
const LONG = 'word '.repeat(4000); // ~5,000 tokens: more than a 4,096-token window

/** A scorer that returns a fixed score and counts its calls. */
function scorer(score: number): { scoreDifficulty: (prompt: string) => number; calls: () => number } {
  let n = 0;
  return {
    scoreDifficulty: () => {
      n++;
      return score;
    },
    calls: () => n,
  };
}

/** Auto mode, cloud configured and online, no policy: change what a test is about. */
function input(change: Partial<RouteInput> = {}): RouteInput {
  return {
    prompt: 'What is the capital of France?',
    historyTokens: 0,
    mode: 'auto',
    policy: { allowCloud: true, forceMode: null },
    cloudConfigured: true,
    online: true,
    localModelAvailable: true,
    localContextTokens: 4096,
    threshold: 0.5,
    ...change,
  };
}

function codes(d: RouteDecision): string[] {
  return d.reasons.map((r) => r.code);
}

describe('route: the gates in order', () => {
  it('1. Local only keeps everything here, before any other gate', () => {
    const d = route(input({ mode: 'local', prompt: PRIVATE, online: false, cloudConfigured: false, policy: { allowCloud: false, forceMode: null } }), scorer(HARD));
    expect(d.target).toBe('local');
    expect(codes(d)).toEqual(['mode-local']);
  });

  it('1. Cloud skips the difficulty gate: an easy prompt goes to the cloud', () => {
    const d = route(input({ mode: 'cloud' }), scorer(EASY));
    expect(d.target).toBe('cloud');
    expect(codes(d)).toEqual(['mode-cloud']);
  });

  it('1. Cloud does not need the context gate either', () => {
    const d = route(input({ mode: 'cloud', prompt: LONG }), scorer(EASY));
    expect(codes(d)).toEqual(['mode-cloud']);
  });

  it('2. an admin who forbids the cloud keeps Auto and Cloud local', () => {
    const policy = { allowCloud: false, forceMode: null };
    const auto = route(input({ policy }), scorer(HARD));
    expect(auto.target).toBe('local');
    expect(codes(auto)).toEqual(['policy-no-cloud']);
    const cloud = route(input({ mode: 'cloud', policy }), scorer(HARD));
    expect(cloud.target).toBe('local');
    expect(codes(cloud)).toEqual(['mode-cloud', 'policy-no-cloud']);
  });

  it('2. an admin-forced mode replaces the user’s, both ways', () => {
    const forcedLocal = route(input({ mode: 'cloud', policy: { allowCloud: true, forceMode: 'local' } }), scorer(HARD));
    expect(forcedLocal.target).toBe('local');
    expect(codes(forcedLocal)).toEqual(['policy-forced', 'mode-local']);
    expect(forcedLocal.reasons[0]!.message).toContain('administrator set the mode to Local only');

    const forcedCloud = route(input({ mode: 'local', policy: { allowCloud: true, forceMode: 'cloud' } }), scorer(EASY));
    expect(forcedCloud.target).toBe('cloud');
    expect(codes(forcedCloud)).toEqual(['policy-forced', 'mode-cloud']);

    const forcedAuto = route(input({ mode: 'local', policy: { allowCloud: true, forceMode: 'auto' } }), scorer(HARD));
    expect(forcedAuto.target).toBe('cloud');
    expect(codes(forcedAuto)).toEqual(['policy-forced', 'difficult']);
  });

  it('2. a forced Cloud with the cloud forbidden resolves to local', () => {
    const d = route(input({ policy: { allowCloud: false, forceMode: 'cloud' } }), scorer(HARD));
    expect(d.target).toBe('local');
    expect(codes(d)).toEqual(['policy-forced', 'mode-cloud', 'policy-no-cloud']);
  });

  it('3. no cloud configured, or offline, keeps it local (in Cloud mode too)', () => {
    expect(codes(route(input({ cloudConfigured: false }), scorer(HARD)))).toEqual(['no-cloud']);
    expect(codes(route(input({ online: false }), scorer(HARD)))).toEqual(['offline']);
    expect(codes(route(input({ cloudConfigured: false, online: false }), scorer(HARD)))).toEqual(['no-cloud']);
    const cloudOffline = route(input({ mode: 'cloud', online: false }), scorer(HARD));
    expect(cloudOffline.target).toBe('local');
    expect(codes(cloudOffline)).toEqual(['mode-cloud', 'offline']);
  });

  it('4. personal data stays local, with a message that names the kind but not the value', () => {
    const d = route(input({ prompt: PRIVATE }), scorer(HARD));
    expect(d.target).toBe('local');
    expect(d.reasons).toEqual([{ code: 'privacy', message: 'privacy: the message contains an e-mail address, so it stays on this machine' }]);
    expect(JSON.stringify(d)).not.toContain('anna@example.org');
  });

  it('4. privacy holds in Cloud mode', () => {
    const d = route(input({ mode: 'cloud', prompt: '我的手机号是13812345678，帮我写个签名' }), scorer(HARD));
    expect(d.target).toBe('local');
    expect(codes(d)).toEqual(['mode-cloud', 'privacy']);
    expect(d.reasons[1]!.message).toContain('a phone number');
  });

  it('4. privacy reads the history that would be sent along', () => {
    const d = route(input({ prompt: 'Summarise what I told you', history: ['Hi', 'My card is 4111 1111 1111 1111', 'Noted.'] }), scorer(HARD));
    expect(d.target).toBe('local');
    expect(d.reasons[0]!.message).toBe('privacy: an earlier message in this conversation contains a payment card number, so it stays on this machine');
  });

  it('4. privacy wins over a context that does not fit', () => {
    const d = route(input({ prompt: `${PRIVATE} ${LONG}` }), scorer(HARD));
    expect(d.target).toBe('local');
    expect(codes(d)).toEqual(['privacy']);
  });

  it('5. a conversation longer than the local window goes to the cloud, even if easy', () => {
    const d = route(input({ prompt: LONG }), scorer(EASY));
    expect(d.target).toBe('cloud');
    expect(codes(d)).toEqual(['context-too-long']);
    expect(d.reasons[0]!.message).toContain("local model's 4096-token window");

    const history = route(input({ historyTokens: 3500 }), scorer(EASY));
    expect(codes(history)).toEqual(['context-too-long']);
  });

  it('5. an unknown window skips the context gate', () => {
    const d = route(input({ prompt: LONG, localContextTokens: null }), scorer(EASY));
    expect(codes(d)).toEqual(['easy']);
  });

  it('6. a score above the threshold goes to the cloud', () => {
    const d = route(input(), scorer(0.51));
    expect(d.target).toBe('cloud');
    expect(codes(d)).toEqual(['difficult']);
    expect(d.reasons[0]!.message).toBe('difficulty: this looks hard for the local model (score 0.51, threshold 0.50), so it goes to the cloud');
  });

  it('7. a score at or below the threshold stays local', () => {
    const d = route(input(), scorer(0.5));
    expect(d.target).toBe('local');
    expect(codes(d)).toEqual(['easy']);
    expect(d.reasons[0]!.message).toBe('difficulty: the local model should handle this (score 0.50, threshold 0.50), so it stays on this machine');
  });

  it('only an easy query in Auto may escalate; a gate that kept it local forbids it', () => {
    expect(route(input(), scorer(EASY)).mayEscalate).toBe(true);
    expect(route(input({ mode: 'local' }), scorer(EASY)).mayEscalate).toBe(false);
    expect(route(input({ online: false }), scorer(EASY)).mayEscalate).toBe(false);
    expect(route(input({ prompt: PRIVATE }), scorer(EASY)).mayEscalate).toBe(false);
    expect(route(input({ policy: { allowCloud: false, forceMode: null } }), scorer(EASY)).mayEscalate).toBe(false);
    expect(route(input(), scorer(HARD)).mayEscalate).toBe(false);
  });

  it('the threshold is the user’s dial', () => {
    expect(route(input({ threshold: 0.2 }), scorer(0.3)).target).toBe('cloud');
    expect(route(input({ threshold: 0.4 }), scorer(0.3)).target).toBe('local');
  });
});

describe('route: the score', () => {
  it('is the difficulty score on every path, computed once', () => {
    const inputs: RouteInput[] = [
      input({ mode: 'local' }),
      input({ mode: 'cloud' }),
      input({ policy: { allowCloud: false, forceMode: null } }),
      input({ online: false }),
      input({ prompt: PRIVATE }),
      input({ prompt: LONG }),
      input(),
    ];
    for (const i of inputs) {
      const s = scorer(0.37);
      expect(route(i, s).score).toBe(0.37);
      expect(s.calls()).toBe(1);
    }
  });

  it('is kept within 0..1 whatever the scorer returns', () => {
    expect(route(input(), scorer(1.7)).score).toBe(1);
    expect(route(input(), scorer(-0.2)).score).toBe(0);
    const nan = route(input(), scorer(Number.NaN));
    expect(nan.score).toBe(0);
    expect(nan.target).toBe('local');
  });
});

describe("route: an app's tools", () => {
  it('Auto sends an easy question with tools to the cloud, which alone can call them, and says why', () => {
    const d = route(input({ needsTools: true }), scorer(EASY));
    expect(d.target).toBe('cloud');
    expect(codes(d)).toEqual(['tools']);
    expect(d.mayEscalate).toBe(false);
  });

  it('does not outrank the gates that keep a question here: mode, policy, no cloud, offline, privacy', () => {
    expect(codes(route(input({ needsTools: true, mode: 'local' }), scorer(EASY)))).toEqual(['mode-local']);
    expect(codes(route(input({ needsTools: true, policy: { allowCloud: false, forceMode: null } }), scorer(EASY)))).toEqual(['policy-no-cloud']);
    expect(codes(route(input({ needsTools: true, cloudConfigured: false }), scorer(EASY)))).toEqual(['no-cloud']);
    expect(codes(route(input({ needsTools: true, online: false }), scorer(EASY)))).toEqual(['offline']);
    expect(codes(route(input({ needsTools: true, prompt: PRIVATE }), scorer(EASY)))).toEqual(['privacy']);
  });
});

describe('route: no local model yet', () => {
  const none = { localModelAvailable: false, localContextTokens: null };

  it('Auto sends an easy question to the cloud and says why', () => {
    const d = route(input(none), scorer(EASY));
    expect(d.target).toBe('cloud');
    expect(codes(d)).toEqual(['no-local-model']);
    expect(d.reasons[0]!.message).toBe('no local model yet: set one up to keep questions on this computer; until then it goes to the cloud');
  });

  it('wins over the context and difficulty gates, which are about a local model', () => {
    expect(codes(route(input({ ...none, prompt: LONG, localContextTokens: 4096 }), scorer(HARD)))).toEqual(['no-local-model']);
  });

  it('the privacy gate still wins: personal data stays local (and the caller refuses it)', () => {
    const d = route(input({ ...none, prompt: PRIVATE }), scorer(EASY));
    expect(d.target).toBe('local');
    expect(codes(d)).toEqual(['privacy']);
    const earlier = route(input({ ...none, history: [PRIVATE], prompt: 'Summarise that' }), scorer(EASY));
    expect(codes(earlier)).toEqual(['privacy']);
  });

  it('Local only, a policy without cloud, no cloud or offline: still local', () => {
    expect(codes(route(input({ ...none, mode: 'local' }), scorer(EASY)))).toEqual(['mode-local']);
    expect(codes(route(input({ ...none, policy: { allowCloud: false, forceMode: null } }), scorer(EASY)))).toEqual(['policy-no-cloud']);
    expect(codes(route(input({ ...none, cloudConfigured: false }), scorer(EASY)))).toEqual(['no-cloud']);
    expect(codes(route(input({ ...none, online: false }), scorer(EASY)))).toEqual(['offline']);
  });

  it('Cloud mode goes to the cloud as before, with no extra reason', () => {
    expect(codes(route(input({ ...none, mode: 'cloud' }), scorer(EASY)))).toEqual(['mode-cloud']);
  });
});

describe('routeWithDefaults', () => {
  it('is Auto with a cloud configured and online, the default window and threshold', () => {
    expect(defaultRouteInput('hi')).toEqual({
      prompt: 'hi',
      historyTokens: 0,
      mode: 'auto',
      policy: { allowCloud: true, forceMode: null },
      cloudConfigured: true,
      online: true,
      localModelAvailable: true,
      localContextTokens: DEFAULT_LOCAL_CONTEXT_TOKENS,
      threshold: DEFAULT_DIFFICULTY_THRESHOLD,
    });
    expect(routeWithDefaults('hi', scorer(HARD)).target).toBe('cloud');
    expect(routeWithDefaults('hi', scorer(EASY)).target).toBe('local');
    expect(codes(routeWithDefaults(PRIVATE, scorer(HARD)))).toEqual(['privacy']);
  });

  it.skipIf(!fs.existsSync(defaultModelPath()))('uses the shipped difficulty model by default', () => {
    const d = routeWithDefaults('Prove that there are infinitely many primes, then generalise to arithmetic progressions.');
    expect(d.score).toBeGreaterThanOrEqual(0);
    expect(d.score).toBeLessThanOrEqual(1);
    expect(codes(d)).toEqual([d.score > DEFAULT_DIFFICULTY_THRESHOLD ? 'difficult' : 'easy']);
  });
});

describe('a broken difficulty scorer', () => {
  it('still routes, scoring the query as easy', () => {
    const failing = (): number => {
      throw new Error('weights file missing');
    };
    const decision = route(defaultRouteInput('Hello'), { scoreDifficulty: failing });
    expect(decision).toMatchObject({ target: 'local', score: 0 });
    expect(decision.reasons.map((r) => r.code)).toEqual(['easy']);
  });
});
