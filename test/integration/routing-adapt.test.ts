// Duet adapts to its user, end to end: a real core with the tiny (sure) or unsure local model and a
// loopback cloud on 127.0.0.1. "Ask the cloud" / "Ask the local model" and the cascade's escalations
// train the user adapter, which routing applies, which lives in the history database and survives a
// restart, and which "reset what Duet learned" forgets.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message, RoutingInfo } from '../../src-main/contract/index.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { HISTORY_FILE } from '../../src-main/core/open-data-folder.js';
import { openHistory } from '../../src-main/history/index.js';
import { ESCALATION_THRESHOLD } from '../../src-main/router/escalation-threshold.js';
import { ADAPTER_FORMAT } from '../../src-main/router/user-adapter.js';
import { CLOUD_GREETING_ANSWER, TINY_MODEL_FILE, UNSURE_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { askAndWait, nextAnswer, valueOf } from '../support/core-driver.js';
import { useCoreWithCloud } from '../support/core-with-cloud.js';

const duet = useCoreWithCloud('routing-adapt');

async function open(modelPath = TINY_MODEL_FILE): Promise<DuetCore> {
  const core = await duet.open({ modelPath });
  // These tests are about what choices teach, not where the shipped scorer puts the question: a high
  // threshold keeps it local (where the cascade may escalate it) whatever weights are shipped.
  valueOf(await core.call('settings.update', { threshold: 0.9 }));
  return core;
}

const close = (): Promise<void> => duet.close();

async function routing(c: DuetCore): Promise<RoutingInfo> {
  return valueOf<{ routing: RoutingInfo }>(await c.call('app.info', {})).routing;
}

/** Re-runs an answer on the other side and waits for the new answer. */
async function askOther(c: DuetCore, answer: Message): Promise<Message> {
  const rerun = nextAnswer(c);
  valueOf(await c.call('chat.askOther', { messageId: answer.id }));
  return (await rerun).answer;
}

/** The difficulty score routing gives a question now (asked in a new conversation). */
async function scoreOf(c: DuetCore, question: string): Promise<number> {
  const { answer } = await askAndWait(c, question);
  expect(answer.provenance?.score).not.toBeNull();
  return answer.provenance!.score!;
}

const QUESTION = 'Hello! Can you suggest a name for my new goldfish?';

describe('routing adapts to the user', () => {
  it('learns from "Ask the cloud": the question scores harder next time, the choice is counted and kept, and reset forgets it', async () => {
    let c = await open();
    expect(await routing(c)).toMatchObject({ learnedChoices: 0, escalationThreshold: ESCALATION_THRESHOLD.initial });
    const { answer } = await askAndWait(c, QUESTION);
    expect(answer.provenance).toMatchObject({ target: 'local', route: 'local' });
    const first = answer.provenance!.score!;

    const cloudAnswer = await askOther(c, answer);
    expect(cloudAnswer).toMatchObject({ content: CLOUD_GREETING_ANSWER, rerunOf: answer.id });
    expect((await routing(c)).learnedChoices).toBe(1);
    const raised = await scoreOf(c, QUESTION);
    expect(raised).toBeGreaterThan(first);

    // Kept in the history database, so a restart routes the same.
    await close();
    const history = await openHistory(path.join(duet.tempDir, HISTORY_FILE));
    try {
      expect(history.getSettings().userAdapter).toMatchObject({ format: ADAPTER_FORMAT, counts: { neededCloud: 1 } });
    } finally {
      history.close();
    }
    c = await open();
    expect((await routing(c)).learnedChoices).toBe(1);
    expect(await scoreOf(c, QUESTION)).toBeCloseTo(raised, 6);

    // "Reset what Duet learned" forgets it all: the question scores as the shipped scorer says.
    valueOf(await c.call('settings.resetLearning', {}));
    expect(await routing(c)).toMatchObject({ learnedChoices: 0, learnedNudge: 0, escalationThreshold: ESCALATION_THRESHOLD.initial });
    expect(await scoreOf(c, QUESTION)).toBe(first);
  }, 180_000);

  it('learns "local was enough" when the user goes on past a local answer without asking the cloud', async () => {
    const c = await open();
    const { answer } = await askAndWait(c, QUESTION);
    expect(answer.provenance).toMatchObject({ target: 'local', route: 'local' });
    const first = answer.provenance!.score!;
    // Asked again elsewhere, nothing was learned yet: the user has not moved on.
    expect(await scoreOf(c, QUESTION)).toBe(first);
    await askAndWait(c, 'Thanks! And one for a cat?', answer.conversationId);
    expect(await scoreOf(c, QUESTION)).toBeLessThan(first);
    // Kept answers are not choices: the count the settings show is unchanged.
    expect((await routing(c)).learnedChoices).toBe(0);
  });

  it('learns from "Ask the local model" on a cloud answer: the question scores easier next time', async () => {
    const c = await open();
    valueOf(await c.call('settings.update', { mode: 'cloud' }));
    const { answer } = await askAndWait(c, QUESTION);
    expect(answer.provenance).toMatchObject({ target: 'cloud' });
    const first = answer.provenance!.score!;
    const local = await askOther(c, answer);
    expect(local.provenance).toMatchObject({ target: 'local', route: 'local' });
    expect((await routing(c)).learnedChoices).toBe(1);
    expect(await scoreOf(c, QUESTION)).toBeLessThan(first);
  });

  it('keeps the confidence that escalated an answer, learns a little from escalations, and lowers the cascade bar when the user wanted the local answer', async () => {
    const c = await open(UNSURE_MODEL_FILE);
    const { answer } = await askAndWait(c, QUESTION);
    expect(answer.provenance).toMatchObject({ target: 'cloud', route: 'escalated' });
    // The local attempt's confidence is stored with the escalated answer, as its reason says.
    const confidence = answer.provenance!.confidence!;
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThan(ESCALATION_THRESHOLD.initial);
    expect(answer.provenance?.reasons.at(-1)?.message).toContain(`confidence ${confidence.toFixed(2)}`);
    const first = answer.provenance!.score!;
    // An escalation is the model's doubt, not the user's choice: it teaches, but is not counted as one.
    expect((await routing(c)).learnedChoices).toBe(0);
    let latest = (await askAndWait(c, QUESTION)).answer;
    expect(latest.provenance?.route).toBe('escalated');
    expect(latest.provenance!.score!).toBeGreaterThan(first);

    // Each "Ask the local model" after an escalation lowers the bar, until this model's answers pass it.
    let bar: number = ESCALATION_THRESHOLD.initial;
    for (let choices = 1; latest.provenance?.route === 'escalated'; choices++) {
      expect(choices).toBeLessThanOrEqual(10);
      const local = await askOther(c, latest);
      expect(local.provenance).toMatchObject({ target: 'local', route: 'local' });
      const info = await routing(c);
      expect(info.learnedChoices).toBe(choices);
      expect(info.escalationThreshold).toBeLessThan(bar);
      expect(info.escalationThreshold).toBeGreaterThanOrEqual(ESCALATION_THRESHOLD.min);
      bar = info.escalationThreshold;
      latest = (await askAndWait(c, QUESTION)).answer;
    }
    // The same model, as unsure as before, now answers here: the learned bar is the one in force.
    expect(latest.provenance).toMatchObject({ target: 'local', route: 'local' });
    expect(latest.provenance?.confidence).toBeCloseTo(confidence, 6);
    expect(bar).toBeLessThan(confidence);
  }, 240_000);
});
