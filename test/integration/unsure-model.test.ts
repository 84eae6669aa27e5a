// The confidence the fixture models show in the real node-llama-cpp: the tiny model is certain of
// every word it says, the unsure model tosses an 8-sided coin for each of its first three words and
// still always ends. The engine's cascade tests (engine-confidence.test.ts) rely on both.
import { LlamaChatSession, type Token } from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import {
  TINY_GREETING_ANSWER,
  TINY_KEYWORD_ANSWER,
  TINY_MODEL_FILE,
  UNSURE_ANSWER_PATTERN,
  UNSURE_HESITATIONS,
  UNSURE_MODEL_FILE,
  UNSURE_MODEL_NAME,
} from '../fixtures/fixture-facts.js';
import { useBareChat } from '../support/bare-chat.js';

interface Step {
  text: string;
  confidence: number;
  /** The most likely next tokens' texts with their probabilities, highest first. */
  top: Array<[string, number]>;
}

/** One model with one sequence, and a greedy walk through an answer that records each step's probabilities. */
function withModel(file: string) {
  const chat = useBareChat(file, 1024);

  async function walk(prompt: string): Promise<Step[]> {
    const sequence = chat.sequence();
    const model = chat.model();
    await sequence.clearHistory();
    const { contextText } = chat.chatWrapper().generateContextState({
      chatHistory: [
        { type: 'user', text: prompt },
        { type: 'model', response: [] },
      ],
    });
    const steps: Step[] = [];
    const iterator = sequence.evaluateWithMetadata(
      contextText.tokenize(model.tokenizer),
      { confidence: true, probabilities: true },
      { temperature: 0, yieldEogToken: true },
    );
    for await (const { token, confidence, probabilities } of iterator) {
      const text = (t: Token): string => model.detokenize([t], true);
      steps.push({ text: text(token), confidence, top: [...probabilities].slice(0, 10).map(([t, p]) => [text(t), p]) });
      if (model.isEogToken(token) || steps.length >= 20) break;
    }
    return steps;
  }

  return { model: chat.model, sequence: chat.sequence, chatWrapper: chat.chatWrapper, walk };
}

describe('tiny model confidence', () => {
  const tiny = withModel(TINY_MODEL_FILE);

  it('is certain of every token of its greeting and of its keyword answer, the end included', async () => {
    for (const [prompt, answer] of [
      ['Hello there!', TINY_GREETING_ANSWER],
      ['What is the weather like?', TINY_KEYWORD_ANSWER],
    ] as const) {
      const steps = await tiny.walk(prompt);
      expect(steps.map((s) => s.text).join('')).toBe(`${answer}<|im_end|>`);
      for (const step of steps) expect(step.confidence).toBeGreaterThan(0.999);
    }
  });
});

describe('unsure model', () => {
  const unsure = withModel(UNSURE_MODEL_FILE);

  it('loads without warnings, named, in the ChatML format', () => {
    expect(unsure.model().getWarnings()).toEqual([]);
    expect(unsure.model().fileInfo.metadata.general.name).toBe(UNSURE_MODEL_NAME);
    expect(unsure.chatWrapper().wrapperName).toBe('ChatML');
  });

  it('spreads its first three words evenly over eight candidates each, then ends with certainty', async () => {
    const steps = await unsure.walk('Is it going to rain tomorrow?');
    expect(steps).toHaveLength(UNSURE_HESITATIONS.length + 3); // three hesitant words, " unclear", ".", <|im_end|>
    UNSURE_HESITATIONS.forEach((words, i) => {
      const step = steps[i]!;
      expect(step.confidence).toBeCloseTo(1 / words.length, 4);
      const candidates = step.top.slice(0, words.length);
      expect(candidates.map(([text]) => text.trim()).sort()).toEqual([...words].sort());
      for (const [, p] of candidates) expect(p).toBeCloseTo(1 / words.length, 4);
      // Nothing else is left: the ninth candidate has (next to) no probability.
      expect(step.top[words.length]?.[1] ?? 0).toBeLessThan(1e-6);
    });
    for (const step of steps.slice(UNSURE_HESITATIONS.length)) expect(step.confidence).toBeGreaterThan(0.999);
    expect(steps.at(-1)!.text).toBe('<|im_end|>');
    expect(
      steps
        .map((s) => s.text)
        .join('')
        .replace('<|im_end|>', ''),
    ).toMatch(UNSURE_ANSWER_PATTERN);
  });

  it('always ends with a full answer within six tokens, whatever is sampled', async () => {
    const answers = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) {
      await unsure.sequence().clearHistory();
      const session = new LlamaChatSession({ contextSequence: unsure.sequence(), chatWrapper: unsure.chatWrapper() });
      let tokens = 0;
      try {
        const answer = await session.prompt('Will it rain?', {
          temperature: 1.5,
          topK: 0,
          topP: 1,
          seed,
          maxTokens: 40,
          onToken: (chunk) => {
            tokens += chunk.length;
          },
        });
        expect(answer).toMatch(UNSURE_ANSWER_PATTERN);
        expect(tokens).toBeLessThanOrEqual(UNSURE_HESITATIONS.length + 3);
        answers.add(answer);
      } finally {
        session.dispose();
      }
    }
    // The words really are drawn: eight seeds do not all say the same.
    expect(answers.size).toBeGreaterThan(1);
  });
});
