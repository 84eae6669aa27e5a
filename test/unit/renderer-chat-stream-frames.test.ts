import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationSummary, Message } from '../../src-main/contract/entities.js';
import type { DuetEvent } from '../../src-main/contract/events.js';
import { FRAME_CHARS, nextFrame, sliceEnd } from '../../src-renderer/lib/state/chat-stream.svelte.js';
import { ChatState } from '../../src-renderer/lib/state/chat.svelte.js';
import { ScriptedClient } from '../support/scripted-client.js';

// Streamed text is applied once per frame: these tests hold the frames in their hands, so they can
// send a burst of deltas "between two frames" and see what the view shows before and after.

function message(id: string, conversationId: string, fields: Partial<Message> = {}): Message {
  return { id, conversationId, role: 'assistant', content: '', status: 'complete', createdAt: 1, provenance: null, error: null, rerunOf: null, ...fields };
}

function summary(id: string): ConversationSummary {
  return { id, title: `Chat ${id}`, createdAt: 1, updatedAt: 1, messageCount: 2, mode: null, localShare: null, pinned: false, client: null };
}

const delta = (messageId: string, text: string, conversationId = 'c1'): DuetEvent => ({ type: 'message.delta', conversationId, messageId, text });
const updated = (m: Message): DuetEvent => ({ type: 'message.updated', message: m });

/** Frames that come only when the test says so. */
class Frames {
  /** How many times the stream asked for a frame. */
  requested = 0;
  #waiting: ((hidden?: boolean) => void)[] = [];
  readonly schedule = (flush: (hidden?: boolean) => void): void => {
    this.requested++;
    this.#waiting.push(flush);
  };
  /** Draws one frame: runs what was waiting for it (`hidden`: the timer of a window that draws none). */
  draw(hidden?: boolean): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const flush of waiting) flush(hidden);
  }
  /** True while the stream waits for a frame. */
  get pending(): boolean {
    return this.#waiting.length > 0;
  }
}

/** A chat showing conversation c1 with a question and an answer `a1` that is streaming. */
async function streaming(): Promise<{ client: ScriptedClient; chat: ChatState; frames: Frames }> {
  const client = new ScriptedClient();
  const frames = new Frames();
  const chat = new ChatState(client, frames.schedule);
  client.subscribe((event) => chat.handle(event));
  const opening = chat.open('c1');
  client.take('conversations.open').ok({
    conversation: summary('c1'),
    messages: [message('u1', 'c1', { role: 'user', content: 'Tell me', createdAt: 1 }), message('a1', 'c1', { status: 'streaming', createdAt: 2 })],
  });
  await opening;
  return { client, chat, frames };
}

const answer = (chat: ChatState): Message | undefined => chat.messages.find((m) => m.id === 'a1');

/** The words "w0 w1 … w(n-1) ". */
const words = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `w${from + i} `);

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('MessageStream: deltas applied once per frame', () => {
  it('shows a burst of deltas at the next frame, all of them, in order', async () => {
    const { client, chat, frames } = await streaming();
    const burst = words(200);
    for (const word of burst) client.push(delta('a1', word));
    // Nothing is drawn between frames, so nothing needs to change yet; one frame was asked for.
    expect(answer(chat)?.content).toBe('');
    expect(frames.requested).toBe(1);
    frames.draw();
    expect(answer(chat)?.content).toBe(burst.join(''));

    const more = words(50, 200);
    for (const word of more) client.push(delta('a1', word));
    frames.draw();
    expect(answer(chat)?.content).toBe([...burst, ...more].join(''));
    expect(frames.requested).toBe(2);
  });

  it('shows a burst larger than a frame over several frames, whole words first, ending on the exact text', async () => {
    const { client, chat, frames } = await streaming();
    const full = words(5000).join('');
    for (const word of words(5000)) client.push(delta('a1', word));
    let shown = '';
    let drawn = 0;
    while (frames.pending) {
      frames.draw();
      drawn++;
      const now = answer(chat)?.content ?? '';
      // Each frame adds a bounded piece, cut after a word, and the view is always the text's beginning.
      expect(now.length - shown.length).toBeGreaterThan(0);
      expect(now.length - shown.length).toBeLessThanOrEqual(FRAME_CHARS);
      expect(full.startsWith(now)).toBe(true);
      if (now !== full) expect(now.endsWith(' ')).toBe(true);
      shown = now;
    }
    expect(shown).toBe(full);
    expect(drawn).toBeGreaterThanOrEqual(Math.ceil(full.length / FRAME_CHARS));
  });

  it('lands the final update of an answer that came all at once after its text, exact, and drops a late delta', async () => {
    const { client, chat, frames } = await streaming();
    const full = words(5000).join('');
    for (const word of words(5000)) client.push(delta('a1', word));
    client.push(updated(message('a1', 'c1', { status: 'complete', content: full, createdAt: 2 })));
    client.push(delta('a1', 'late '));
    // The update waits behind the text still to be shown: applying it now would show it all at once.
    expect(answer(chat)).toMatchObject({ status: 'streaming', content: '' });
    expect(chat.streaming).toBe(true);
    frames.draw();
    expect(answer(chat)?.status).toBe('streaming');
    expect(answer(chat)?.content.length).toBeLessThanOrEqual(FRAME_CHARS);
    while (frames.pending) frames.draw();
    expect(answer(chat)).toMatchObject({ status: 'complete', content: full });
    expect(chat.streaming).toBe(false);
  });

  it('keeps the order of an answer that restarts behind a burst (a fallback to the other side)', async () => {
    const { client, chat, frames } = await streaming();
    for (const word of words(3000)) client.push(delta('a1', word));
    client.push(updated(message('a1', 'c1', { status: 'streaming', content: '', createdAt: 2 })));
    client.push(delta('a1', 'second '));
    client.push(delta('a1', 'side'));
    while (frames.pending) frames.draw();
    expect(answer(chat)?.content).toBe('second side');
  });

  it('applies everything at once in a hidden window, which draws no frames to spread it over', async () => {
    const { client, chat, frames } = await streaming();
    const full = words(5000).join('');
    for (const word of words(5000)) client.push(delta('a1', word));
    client.push(updated(message('a1', 'c1', { status: 'complete', content: full, createdAt: 2 })));
    frames.draw(true);
    expect(answer(chat)).toMatchObject({ status: 'complete', content: full });
    expect(frames.pending).toBe(false);
  });

  it('lands on the exact final text when the answer completes mid-burst, without waiting for a frame', async () => {
    const { client, chat, frames } = await streaming();
    const sent = words(300);
    for (const word of sent) client.push(delta('a1', word));
    const full = sent.join('');
    client.push(updated(message('a1', 'c1', { status: 'complete', content: full, createdAt: 2 })));
    expect(answer(chat)).toMatchObject({ status: 'complete', content: full });
    expect(chat.streaming).toBe(false);
    // A delta that was still on its way after the final update must not add to it.
    client.push(delta('a1', 'late '));
    frames.draw();
    expect(answer(chat)?.content).toBe(full);
  });

  it('shows an error at once, with the text that came before it', async () => {
    const { client, chat, frames } = await streaming();
    for (const word of words(100)) client.push(delta('a1', word));
    const partial = words(100).join('');
    const error: Message['error'] = { code: 'cloud_server_error', message: 'The cloud stopped answering.' };
    client.push(updated(message('a1', 'c1', { status: 'error', content: partial, error, createdAt: 2 })));
    expect(answer(chat)).toMatchObject({ status: 'error', content: partial, error });
    frames.draw();
    expect(answer(chat)?.content).toBe(partial);
  });

  it('keeps the order when the answer restarts mid-burst (a fallback to the other side)', async () => {
    const { client, chat, frames } = await streaming();
    for (const word of words(50)) client.push(delta('a1', word));
    // The core replaces what the first side said: an update with empty text, still streaming.
    client.push(updated(message('a1', 'c1', { status: 'streaming', content: '', createdAt: 2 })));
    client.push(delta('a1', 'second '));
    client.push(delta('a1', 'side'));
    frames.draw();
    expect(answer(chat)?.content).toBe('second side');
  });

  it('stops at the text the user saw plus what was on its way when Stop lands', async () => {
    const { client, chat, frames } = await streaming();
    for (const word of words(10)) client.push(delta('a1', word));
    frames.draw();
    for (const word of words(10, 10)) client.push(delta('a1', word));
    const stop = chat.stop();
    client.take('chat.stop').ok({ stopped: true });
    await stop;
    client.push(updated(message('a1', 'c1', { status: 'stopped', content: words(20).join(''), createdAt: 2 })));
    expect(answer(chat)).toMatchObject({ status: 'stopped', content: words(20).join('') });
    frames.draw();
    expect(answer(chat)?.content).toBe(words(20).join(''));
  });

  it('drops text on its way to a conversation the user has left', async () => {
    const { client, chat, frames } = await streaming();
    for (const word of words(10)) client.push(delta('a1', word));
    const opening = chat.open('c2');
    client.take('conversations.open').ok({ conversation: summary('c2'), messages: [message('a9', 'c2', { content: 'Other answer', createdAt: 5 })] });
    await opening;
    frames.draw();
    expect(chat.messages.map((m) => m.content)).toEqual(['Other answer']);
  });
});

describe('sliceEnd', () => {
  it('takes all of a text that fits', () => {
    expect(sliceEnd('short text', 100)).toBe(10);
  });

  it('ends after the last line break in the second half of the budget, else after the last space', () => {
    expect(sliceEnd('aaaaaaaaaaaa\nbbbb cc dd', 20)).toBe(13);
    expect(sliceEnd('aaaa\nbbbbbbbb cccccccccc', 20)).toBe(14);
    expect(sliceEnd('a\nbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 20)).toBe(20);
  });

  it('never ends inside a surrogate pair', () => {
    const text = 'x'.repeat(19) + '😀' + 'y'.repeat(10);
    expect(sliceEnd(text, 20)).toBe(19);
    expect(text.slice(0, sliceEnd(text, 21))).toBe('x'.repeat(19) + '😀');
  });
});

describe('nextFrame', () => {
  it('applies the text in a window that draws no frames (hidden), after a short while', () => {
    vi.useFakeTimers();
    // A hidden window: animation frames are never called back.
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const flush = vi.fn();
    nextFrame(flush);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('says the window is hidden when its timer runs for a hidden page, so the text is applied whole', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    const flush = vi.fn();
    nextFrame(flush);
    vi.advanceTimersByTime(1000);
    expect(flush).toHaveBeenCalledWith(true);
  });

  it('runs once per request when the frame comes first', () => {
    vi.useFakeTimers();
    let frame: FrameRequestCallback | undefined;
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => ((frame = callback), 1));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const flush = vi.fn();
    nextFrame(flush);
    frame?.(0);
    vi.advanceTimersByTime(1000);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
