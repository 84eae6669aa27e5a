// An in-memory `DuetClient` for unit tests of the renderer's state classes: every `call()` waits until
// the test answers it, in any order the test likes, and `push()` delivers a core event to subscribers.
// It stands in for the transport only; the e2e tests drive the real one against a real core.
import type { Channel, RequestOf, ResponseOf } from '../../src-main/contract/channels.js';
import type { DuetError, ErrorCode, Result } from '../../src-main/contract/envelope.js';
import type { DuetEvent } from '../../src-main/contract/events.js';
import type { ImportSummary } from '../../src-main/contract/history-entities.js';
import type { DuetClient } from '../../src-renderer/lib/client.js';

/** One call the state made, waiting for the test to answer it. */
export class PendingCall<C extends Channel = Channel> {
  answered = false;
  readonly #resolve: (result: Result<ResponseOf<C>>) => void;

  constructor(
    readonly channel: C,
    readonly request: RequestOf<C>,
    resolve: (result: Result<ResponseOf<C>>) => void,
  ) {
    this.#resolve = resolve;
  }

  /** Answers the call with a value. */
  ok(value: ResponseOf<C>): void {
    this.#settle({ ok: true, value });
  }

  /** Answers the call with an error. */
  fail(code: ErrorCode, message = `${this.channel} failed`): DuetError {
    const error: DuetError = { code, message };
    this.#settle({ ok: false, error });
    return error;
  }

  #settle(result: Result<ResponseOf<C>>): void {
    if (this.answered) throw new Error(`${this.channel} was answered twice`);
    this.answered = true;
    this.#resolve(result);
  }
}

/** A client whose answers and events the test scripts. */
export class ScriptedClient implements DuetClient {
  /** Every call made, answered or not, in order. */
  readonly calls: PendingCall[] = [];
  readonly #listeners = new Set<(event: DuetEvent) => void>();

  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    return new Promise((resolve) => {
      this.calls.push(new PendingCall(channel, request, resolve));
    });
  }

  subscribe(listener: (event: DuetEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onConnectionChange(): () => void {
    return () => undefined;
  }

  importFile(): Promise<Result<ImportSummary>> {
    return Promise.resolve({ ok: false, error: { code: 'internal', message: 'not scripted' } });
  }

  /** Delivers a core event to every subscriber. */
  push(event: DuetEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  /** The oldest unanswered call on a channel; fails the test when there is none. */
  take<C extends Channel>(channel: C): PendingCall<C> {
    const call = this.calls.find((c) => c.channel === channel && !c.answered);
    if (!call) throw new Error(`no unanswered ${channel} call (made: ${this.calls.map((c) => c.channel).join(', ') || 'none'})`);
    return call as unknown as PendingCall<C>;
  }

  /** The unanswered calls on a channel, oldest first. */
  waiting<C extends Channel>(channel: C): PendingCall<C>[] {
    return this.calls.filter((c) => c.channel === channel && !c.answered) as unknown as PendingCall<C>[];
  }

  /** The two unanswered calls on a channel, older first; fails the test unless there are exactly two. */
  twoWaiting<C extends Channel>(channel: C): [older: PendingCall<C>, newer: PendingCall<C>] {
    const [older, newer, ...more] = this.waiting(channel);
    if (!older || !newer || more.length > 0) throw new Error(`expected two unanswered ${channel} calls, found ${this.waiting(channel).length}`);
    return [older, newer];
  }
}

/** Lets every promise that is already settled run its continuations (the state's code after `await`). */
export function settle(): Promise<void> {
  // setImmediate runs after the whole microtask queue has drained, however long the await chains are.
  return new Promise((resolve) => setImmediate(resolve));
}
