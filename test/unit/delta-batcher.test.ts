// The page gets a streamed answer's pieces merged per frame, in the core's order, with nothing lost
// and the first piece at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DuetEvent } from '../../src-main/contract/index.js';
import { createDeltaBatcher, DELTA_WINDOW_MS } from '../../src-main/core/delta-batcher.js';

const delta = (messageId: string, text: string): DuetEvent => ({ type: 'message.delta', conversationId: 'c1', messageId, text });
const changed: DuetEvent = { type: 'conversations.changed', change: { kind: 'deleted', conversationId: 'c0' } };

/** What the page would show: the text per message, from the events sent. */
function textOf(sent: DuetEvent[]): Record<string, string> {
  const text: Record<string, string> = {};
  for (const event of sent) if (event.type === 'message.delta') text[event.messageId] = (text[event.messageId] ?? '') + event.text;
  return text;
}

let sent: DuetEvent[];
beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('streamed pieces merged per frame', () => {
  it('sends the first piece at once and 5,000 more as a handful of events, with the exact text', () => {
    const events = createDeltaBatcher((event) => sent.push(event));
    events.push(delta('m1', 'a'));
    expect(sent).toEqual([delta('m1', 'a')]);
    let expected = 'a';
    for (let i = 0; i < 5_000; i++) {
      events.push(delta('m1', `${i} `));
      expected += `${i} `;
      if (i % 1_000 === 999) vi.advanceTimersByTime(DELTA_WINDOW_MS);
    }
    vi.advanceTimersByTime(DELTA_WINDOW_MS);
    expect(sent.length).toBeLessThanOrEqual(7);
    expect(textOf(sent)).toEqual({ m1: expected });
  });

  it('sends what is held before any other event, so the answer is whole when it is marked done', () => {
    const events = createDeltaBatcher((event) => sent.push(event));
    events.push(delta('m1', 'Hel'));
    events.push(delta('m1', 'lo'));
    events.push(delta('m1', '!'));
    events.push(changed);
    expect(sent).toEqual([delta('m1', 'Hel'), delta('m1', 'lo!'), changed]);
  });

  it('keeps two answers apart and in order', () => {
    const events = createDeltaBatcher((event) => sent.push(event));
    events.push(delta('m1', 'a'));
    events.push(delta('m1', 'b'));
    events.push(delta('m2', 'x'));
    events.push(delta('m2', 'y'));
    vi.advanceTimersByTime(DELTA_WINDOW_MS);
    expect(sent).toEqual([delta('m1', 'a'), delta('m1', 'b'), delta('m2', 'xy')]);
  });

  it('after a quiet frame the next piece goes at once again', () => {
    const events = createDeltaBatcher((event) => sent.push(event));
    events.push(delta('m1', 'a'));
    vi.advanceTimersByTime(DELTA_WINDOW_MS * 3);
    events.push(delta('m1', 'b'));
    expect(sent).toEqual([delta('m1', 'a'), delta('m1', 'b')]);
  });

  it('close sends what is held and leaves no timer behind', () => {
    const events = createDeltaBatcher((event) => sent.push(event));
    events.push(delta('m1', 'a'));
    events.push(delta('m1', 'b'));
    events.close();
    expect(sent).toEqual([delta('m1', 'a'), delta('m1', 'b')]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
