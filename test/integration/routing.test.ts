import { OPEN_POLICY } from '../../src-main/contract/index.js';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { localShareAt, type ConversationSummary, type Message, type PolicyInfo, type Provenance, type RoutingInfo } from '../../src-main/contract/index.js';
import { HISTORY_FILE } from '../../src-main/core/open-data-folder.js';
import { openHistory } from '../../src-main/history/history-store.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { DEFAULT_DIFFICULTY_THRESHOLD, localShareCurve, scoreDifficulty } from '../../src-main/router/difficulty.js';
import { CLOUD_GREETING_ANSWER, TINY_GREETING_ANSWER, TINY_MODEL_FILE, UNSURE_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { askAndWait, nextAnswer, valueOf, waitForModel } from '../support/core-driver.js';
import { useCoreWithCloud } from '../support/core-with-cloud.js';

const duet = useCoreWithCloud('routing');

const open = (policy: PolicyInfo = OPEN_POLICY, withCloud = true, modelPath: string | null = TINY_MODEL_FILE): Promise<DuetCore> =>
  duet.open({ policy, withCloud, modelPath });

const codes = (m: Message): string[] => m.provenance?.reasons.map((r) => r.code) ?? [];

/** A local answer's provenance with the router's difficulty score. */
const scored = (score: number): Provenance => ({
  target: 'local',
  route: 'local',
  reasons: [{ code: 'easy', message: 'difficulty: easy' }],
  score,
  model: 'tiny',
  ttftMs: 10,
  tokens: 3,
  tokensPerSecond: 30,
  latencyMs: 100,
  promptTokens: 5,
  costUsd: null,
  confidence: null,
});

describe('routing', () => {
  it('answers an easy greeting locally, with its reason and score recorded', async () => {
    const c = await open();
    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.content).toBe(TINY_GREETING_ANSWER);
    expect(answer.provenance).toMatchObject({ target: 'local', route: 'local' });
    expect(codes(answer)).toContain('easy');
    // The recorded score is the router's own for this prompt, and 'easy' means it is under the threshold.
    const score = answer.provenance?.score;
    expect(score).toBe(scoreDifficulty('Hello'));
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(DEFAULT_DIFFICULTY_THRESHOLD);
    // The cascade measured the local model's confidence, and it is kept with the answer.
    const confidence = answer.provenance?.confidence;
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
    const reopened = valueOf<{ messages: Message[] }>(await c.call('conversations.open', { id: answer.conversationId }));
    expect(reopened.messages.at(-1)?.provenance?.confidence).toBe(confidence);
  });

  it('answers from the cloud in Cloud-only mode, with tokens and latency recorded', async () => {
    const c = await open();
    valueOf(await c.call('settings.update', { mode: 'cloud' }));
    const { answer, deltas } = await askAndWait(c, 'Hello');
    expect(answer.content).toBe(CLOUD_GREETING_ANSWER);
    expect(deltas.join('')).toBe(CLOUD_GREETING_ANSWER);
    expect(answer.provenance).toMatchObject({ target: 'cloud', route: 'cloud', model: duet.cloud.model });
    expect(codes(answer)).toContain('mode-cloud');
    expect(answer.provenance?.tokens).toBeGreaterThan(0);
    expect(answer.provenance?.latencyMs).toBeGreaterThan(0);
    expect(answer.provenance?.confidence).toBeNull();
  });

  it('keeps a message with an e-mail address local, even in Cloud-only mode', async () => {
    const c = await open();
    valueOf(await c.call('settings.update', { mode: 'cloud' }));
    const before = duet.cloud.chatRequests();
    const { answer } = await askAndWait(c, 'Hello, please write to jane.doe@example.com');
    expect(answer.provenance).toMatchObject({ target: 'local', route: 'local' });
    expect(codes(answer)).toContain('privacy');
    // Nothing left the machine: the loopback cloud saw no chat request for this question.
    expect(duet.cloud.chatRequests()).toBe(before);
  });

  it('keeps a named person with a personal detail local at the strict privacy level, which the standard level sends', async () => {
    const c = await open();
    valueOf(await c.call('settings.update', { mode: 'cloud' }));
    const about = 'Anna Keller is 34 years old. Write her a birthday poem.';
    expect((await askAndWait(c, about)).answer.provenance?.target).toBe('cloud');
    valueOf(await c.call('settings.update', { privacyLevel: 'strict' }));
    const { answer } = await askAndWait(c, about);
    expect(answer.provenance?.target).toBe('local');
    expect(answer.provenance?.reasons.find((r) => r.code === 'privacy')?.message).toMatch(/a named person's personal details/);
  });

  it("follows a conversation's own mode over the global one", async () => {
    const c = await open();
    const first = await askAndWait(c, 'Hello');
    expect(first.answer.provenance?.target).toBe('local');
    const summary = valueOf<ConversationSummary>(await c.call('conversations.setMode', { id: first.sent.conversationId, mode: 'cloud' }));
    expect(summary.mode).toBe('cloud');
    const second = await askAndWait(c, 'Hello again', first.sent.conversationId);
    expect(second.answer.content).toBe(CLOUD_GREETING_ANSWER);
    const list = valueOf<ConversationSummary[]>(await c.call('conversations.list', {}));
    expect(list[0]?.localShare).toBe(0.5);
  });

  it('falls back to the local model when the cloud fails, and never loses the question', async () => {
    const c = await open();
    valueOf(await c.call('settings.update', { mode: 'cloud' }));
    duet.cloud.setFault({ kind: 'status', status: 401 });
    const { answer, sent } = await askAndWait(c, 'Hello');
    expect(answer.content).toBe(TINY_GREETING_ANSWER);
    expect(answer.provenance).toMatchObject({ target: 'local', route: 'fallback' });
    const fallbackReason = answer.provenance?.reasons.find((r) => r.code === 'cloud-unavailable');
    expect(fallbackReason?.message).toMatch(/→ answered locally/);
    const detail = valueOf<{ messages: Message[] }>(await c.call('conversations.open', { id: sent.conversationId }));
    expect(detail.messages[0]).toMatchObject({ role: 'user', content: 'Hello' });
  });

  it('honours an admin policy that forbids the cloud', async () => {
    const c = await open({ ...OPEN_POLICY, allowCloud: false, source: '/etc/duet/policy.json' });
    valueOf(await c.call('settings.update', { mode: 'cloud' }));
    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.provenance?.target).toBe('local');
    expect(codes(answer)).toContain('policy-no-cloud');
    const rerun = await c.call('chat.askOther', { messageId: answer.id });
    expect(rerun).toMatchObject({ ok: false, error: { code: 'forbidden_by_policy' } });
  });

  it('answers locally with a reason when no cloud is set up', async () => {
    const c = await open(OPEN_POLICY, false);
    const { answer } = await askAndWait(c, 'Prove that there are infinitely many primes, step by step.');
    expect(answer.provenance?.target).toBe('local');
    expect(codes(answer)).toContain('no-cloud');
  });

  it('re-runs an answer on the other side and learns from the choice, within bounds', async () => {
    const c = await open();
    const { answer } = await askAndWait(c, 'Hello');
    const rerun = nextAnswer(c);
    valueOf(await c.call('chat.askOther', { messageId: answer.id }));
    const { answer: cloudAnswer } = await rerun;
    expect(cloudAnswer).toMatchObject({ content: CLOUD_GREETING_ANSWER, rerunOf: answer.id });
    expect(cloudAnswer.provenance).toMatchObject({ target: 'cloud' });
    expect(codes(cloudAnswer)).toEqual(['user-choice']);
    const info = valueOf<{ routing: RoutingInfo }>(await c.call('app.info', {}));
    expect(info.routing.learnedNudge).toBeCloseTo(-0.02);
    expect(info.routing.effectiveThreshold).toBeCloseTo(info.routing.defaultThreshold - 0.02);
    // The settings panel reads the expected local share off the shipped model's curve.
    expect(info.routing.localShareCurve).toHaveLength(101);
    expect(info.routing.localShareCurve).toEqual(localShareCurve());
    expect(valueOf(await c.call('settings.resetLearning', {}))).toEqual({ learnedNudge: 0 });

    const back = nextAnswer(c);
    valueOf(await c.call('chat.askOther', { messageId: cloudAnswer.id }));
    expect((await back).answer).toMatchObject({ content: TINY_GREETING_ANSWER, rerunOf: cloudAnswer.id });
  });

  it("says what share stays local from the user's own questions once there are 100", async () => {
    const routing = async (c: DuetCore): Promise<RoutingInfo> => valueOf<{ routing: RoutingInfo }>(await c.call('app.info', {})).routing;
    const fresh = await open(OPEN_POLICY, true, null);
    expect(await routing(fresh)).toMatchObject({ localShareQuestions: 0, localShareCurve: localShareCurve() });
    await duet.close();
    // 120 answered questions, half scored easy and half hard, as the router stored them; a re-run of one does not count.
    const history = await openHistory(path.join(duet.tempDir, HISTORY_FILE));
    const { id } = history.createConversation('Earlier');
    for (let i = 0; i < 120; i++) {
      history.addMessage({ conversationId: id, role: 'user', content: `Question ${i}`, status: 'complete' });
      history.addMessage({ conversationId: id, role: 'assistant', content: 'An answer.', status: 'complete', provenance: scored(i % 2 === 0 ? 0.1 : 0.5) });
    }
    const last = history.getConversation(id)!.messages.at(-1)!;
    history.addMessage({ conversationId: id, role: 'assistant', content: 'Again.', status: 'complete', provenance: scored(0.9), rerunOf: last.id });
    history.close();

    const info = await routing(await open(OPEN_POLICY, true, null));
    expect(info.localShareQuestions).toBe(120);
    expect(localShareAt(info.localShareCurve!, DEFAULT_DIFFICULTY_THRESHOLD)).toBeCloseTo(0.5, 10);
    expect(localShareAt(info.localShareCurve!, 0.6)).toBe(1);
  });

  it('escalates an easy question to the cloud when the local model is unsure of its answer', async () => {
    const c = await open(OPEN_POLICY, true, UNSURE_MODEL_FILE);
    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.content).toBe(CLOUD_GREETING_ANSWER);
    expect(answer.provenance).toMatchObject({ target: 'cloud', route: 'escalated' });
    expect(codes(answer)).toEqual(['easy', 'local-unsure']);
    expect(answer.provenance?.reasons[1]?.message).toMatch(/^escalated: local model unsure \(confidence 0\.\d+\)$/);
  });

  it('sends an easy question the local window cannot hold to the cloud, and keeps it local when it must stay', async () => {
    const c = await open();
    duet.cloud.setFault({ kind: 'large-window' });
    valueOf(await c.call('settings.update', { threshold: 1 }));
    // The router's estimate (four characters a token) thinks this fits the tiny model's window; its
    // tokenizer spends about a token a character, so only the engine's exact count finds it too long.
    const window = (await waitForModel(c)).contextSize ?? 0;
    const question = 'lorem ipsum dolor sit amet '.repeat(Math.ceil((window * 2) / 27)).trim();
    const { answer } = await askAndWait(c, question);
    expect(answer.content).toBe(CLOUD_GREETING_ANSWER);
    expect(answer.provenance).toMatchObject({ target: 'cloud', route: 'escalated' });
    expect(codes(answer)).toEqual(['easy', 'context-too-long']);

    valueOf(await c.call('settings.update', { mode: 'local' }));
    const local = await askAndWait(c, question);
    expect(local.answer).toMatchObject({ status: 'error', error: { code: 'context_too_long' } });
    expect(local.answer.provenance?.target).toBe('local');
  });

  it('keeps a sure local answer local: the tiny model is confident', async () => {
    const c = await open();
    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.provenance?.route).toBe('local');
    expect(codes(answer)).toEqual(['easy']);
  });

  it('answers locally after all when the local model is unsure and the cloud is down', async () => {
    const c = await open(OPEN_POLICY, true, UNSURE_MODEL_FILE);
    duet.cloud.setFault({ kind: 'status', status: 401 });
    const { answer } = await askAndWait(c, 'Hello');
    expect(answer.provenance).toMatchObject({ target: 'local', route: 'fallback' });
    expect(codes(answer)).toEqual(['easy', 'local-unsure', 'cloud-unavailable']);
    expect(answer.content).toMatch(/unclear\.$/);
  });

  it('refuses to send personal data to the cloud even when asked to re-run there', async () => {
    const c = await open();
    const { answer } = await askAndWait(c, 'My card is 4111 1111 1111 1111, hello');
    expect(codes(answer)).toContain('privacy');
    const rerun = await c.call('chat.askOther', { messageId: answer.id });
    expect(rerun).toMatchObject({ ok: false, error: { message: expect.stringMatching(/keeps it on this machine/) } });
  });

  it('keeps what only the learned check reads as personal local, and lets the person who asks the cloud overrule it at the standard level only', async () => {
    const c = await open();
    valueOf(await c.call('settings.update', { mode: 'cloud' }));
    // No rule finds anything here; the learned check reads it as someone's private life (above 0.9).
    const notes = 'can you turn my notes into an email: Marco off again Monday, third time this month, back pain he says, HR want a meeting';
    const before = duet.cloud.chatRequests();
    const { answer } = await askAndWait(c, notes);
    expect(answer.provenance?.target).toBe('local');
    expect(answer.provenance?.reasons.find((r) => r.code === 'privacy')?.message).toMatch(/reads like personal details about someone.*"Ask the cloud" sends it anyway/);
    expect(duet.cloud.chatRequests()).toBe(before);
    const rerun = nextAnswer(c);
    valueOf(await c.call('chat.askOther', { messageId: answer.id }));
    expect((await rerun).answer.provenance).toMatchObject({ target: 'cloud', reasons: [{ code: 'user-choice' }] });
    expect(duet.cloud.chatRequests()).toBe(before + 1);
    // At the strict level the person asked for the stricter gate: the guess holds.
    valueOf(await c.call('settings.update', { privacyLevel: 'strict' }));
    const strict = await askAndWait(c, notes);
    expect(strict.answer.provenance?.reasons.find((r) => r.code === 'privacy')?.message).not.toMatch(/Ask the cloud/);
    expect(await c.call('chat.askOther', { messageId: strict.answer.id })).toMatchObject({ ok: false, error: { code: 'kept_private' } });
  });

  it('refuses to re-run on the cloud when personal data was said earlier in the conversation', async () => {
    const c = await open();
    const first = await askAndWait(c, 'Hello, I am jane.doe@example.com');
    const second = await askAndWait(c, 'Hello again', first.sent.conversationId);
    // The later question alone is harmless, but the cloud would receive the whole conversation.
    expect(codes(second.answer)).toContain('privacy');
    const rerun = await c.call('chat.askOther', { messageId: second.answer.id });
    expect(rerun).toMatchObject({ ok: false, error: { message: expect.stringMatching(/e-mail address, so Duet keeps it on this machine/) } });
  });
});
