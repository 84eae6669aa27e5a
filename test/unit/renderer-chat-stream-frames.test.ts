import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationSummary, Message } from '../../src-main/contract/entities.js';
import type { DuetEvent } from '../../src-main/contract/events.js';
import { nextFrame } from '../../src-renderer/lib/state/chat-stream.svelte.js';
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
  #waiting: (() => void)[] = [];
  /** How many times the stream asked for a frame. */
  requested = 0;
  readonly schedule = (flush: () => void): void => {
    this.requested++;
    this.#waiting.push(flush);
  };
  /** Draws one frame: runs what was waiting for it. */
  draw(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const flush of waiting) flush();
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
    const burst = words(2000);
    for (const word of burst) client.push(delta('a1', word));
    // Nothing is drawn between frames, so nothing needs to change yet; one frame was asked for.
    expect(answer(chat)?.content).toBe('');
    expect(frames.requested).toBe(1);
    frames.draw();
    expect(answer(chat)?.content).toBe(burst.join(''));

    const more = words(500, 2000);
    for (const word of more) client.push(delta('a1', word));
    frames.draw();
    expect(answer(chat)?.content).toBe([...burst, ...more].join(''));
    expect(frames.requested).toBe(2);
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
