import { describe, expect, it } from 'vitest';
import { answerTokenLimit, contextTooLongMessage, minimumAnswerTokens } from '../../src-main/local/context-room.js';

describe('the room an answer has in the local window', () => {
  it('keeps the caller limit when there is room for it', () => {
    expect(answerTokenLimit(1000, 4096, 500)).toBe(500);
  });

  it('cuts the answer to the room left, so nothing is shifted out of the window', () => {
    expect(answerTokenLimit(3000, 4096, 2048)).toBe(4096 - 3000 - 16);
  });

  it('refuses when less than the shortest useful answer is left, or nothing at all', () => {
    expect(minimumAnswerTokens(4096)).toBe(256);
    expect(answerTokenLimit(4096 - 16 - 255, 4096, 2048)).toBeNull();
    expect(answerTokenLimit(4096 - 16 - 256, 4096, 2048)).toBe(256);
    expect(answerTokenLimit(5000, 4096, 2048)).toBeNull();
  });

  it('lets a caller that asks for a short answer use a nearly full window', () => {
    expect(answerTokenLimit(4096 - 16 - 10, 4096, 10)).toBe(10);
  });

  it('says the counts and what to do', () => {
    expect(contextTooLongMessage(5000, 4096)).toBe(
      'This question and the conversation before it are too long for the local model (5000 tokens; its window holds 4096, with room for an answer). Start a new chat, shorten the question, or ask the cloud.',
    );
  });
});
