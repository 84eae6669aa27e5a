import { describe, expect, it } from 'vitest';
import { answerReserve, estimateTokens, fitsLocalContext } from '../../src-main/router/context-fit.js';

describe('estimateTokens', () => {
  it('counts about four Latin characters per token', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
    expect(estimateTokens('x'.repeat(4000))).toBe(1000);
  });

  it('counts one token per Chinese character', () => {
    expect(estimateTokens('你好世界')).toBe(4);
    expect(estimateTokens('请用三句话介绍长城。')).toBe(10);
  });

  it('adds the two in mixed text', () => {
    // 长城, 年历史: 5 CJK characters; " is 2000 ": 9 others, 3 tokens.
    expect(estimateTokens('长城 is 2000 年历史')).toBe(5 + 3);
  });

  it('counts an emoji or a rare ideograph (a surrogate pair) once', () => {
    expect(estimateTokens('😀')).toBe(1);
    expect(estimateTokens('𠀀𠀁')).toBe(2);
  });
});

describe('fitsLocalContext', () => {
  it('fits when prompt, history and the answer reserve fit in the window', () => {
    expect(fitsLocalContext(1000, 2000, 4096, 1024)).toBe(true);
    expect(fitsLocalContext(1000, 2072, 4096, 1024)).toBe(true);
    expect(fitsLocalContext(1000, 2073, 4096, 1024)).toBe(false);
  });

  it('does not fit a prompt that alone exceeds the window', () => {
    expect(fitsLocalContext(5000, 0, 4096, 0)).toBe(false);
  });
});

describe('answerReserve', () => {
  it('keeps a quarter of a small window and 1024 tokens of a large one', () => {
    expect(answerReserve(2048)).toBe(512);
    expect(answerReserve(4096)).toBe(1024);
    expect(answerReserve(32768)).toBe(1024);
  });
});
