// A client for the headless server's HTTP bridge, as the browser tab uses it: calls and Server-Sent Events.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import { HTTP_UPLOAD_IMPORT, type DuetEvent, type ImportSummary, type Result } from '../../src-main/contract/index.js';

/** Calls the contract over HTTP; built from the address the server printed (`…/?token=…`). */
export class BridgeClient {
  readonly base: string;
  readonly token: string;

  constructor(readyUrl: string) {
    const url = new URL(readyUrl);
    this.base = url.origin;
    this.token = url.searchParams.get('token') ?? '';
  }

  /** The raw envelope of one call. */
  async result(channel: string, request: unknown = {}): Promise<Result<unknown>> {
    const res = await fetch(`${this.base}/api/call/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(request),
    });
    return (await res.json()) as Result<unknown>;
  }

  /** The value of one call; a failed call throws with its code and message. */
  async call<T>(channel: string, request: unknown = {}): Promise<T> {
    const result = await this.result(channel, request);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  }

  /** Imports a history file as the browser tab does: its raw bytes as the body, streamed from disk. */
  uploadImport(file: string): Promise<{ status: number; body: Result<ImportSummary> }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${this.base}${HTTP_UPLOAD_IMPORT}?fileName=conversations.json`,
        { method: 'POST', headers: { authorization: `Bearer ${this.token}`, 'content-length': statSync(file).size } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Result<ImportSummary> }));
        },
      );
      req.on('error', reject);
      createReadStream(file).pipe(req);
    });
  }

  /** Subscribes to the event stream; resolves once the server has accepted the subscription. */
  async events(): Promise<EventStream> {
    const controller = new AbortController();
    const res = await fetch(`${this.base}/api/events?token=${encodeURIComponent(this.token)}`, { signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`The event stream was refused: HTTP ${res.status}`);
    return new EventStream(res.body, controller);
  }
}

type Waiter = { test: (event: DuetEvent) => boolean; resolve: (event: DuetEvent) => void; reject: (error: Error) => void };

/** Every event the server pushed since subscribing, and a way to wait for the next one that matches. */
export class EventStream {
  readonly received: DuetEvent[] = [];
  private readonly waiters = new Set<Waiter>();
  private ended: Error | null = null;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly controller: AbortController,
  ) {
    void this.pump(body);
  }

  /** Resolves with the first event (already received or still to come) that passes `test`. */
  waitFor(test: (event: DuetEvent) => boolean, timeoutMs: number, what = 'an event'): Promise<DuetEvent> {
    const seen = this.received.find(test);
    if (seen) return Promise.resolve(seen);
    if (this.ended) return Promise.reject(new Error(`Waiting for ${what}, but the event stream ended: ${this.ended.message}`));
    return new Promise<DuetEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`No ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        test,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Stops listening. */
  close(): void {
    this.controller.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) this.deliver(JSON.parse(data.slice('data: '.length)) as DuetEvent);
        }
      }
      this.end(new Error('the server closed it'));
    } catch (error) {
      // A killed server or close() ends the stream here.
      this.end(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private deliver(event: DuetEvent): void {
    this.received.push(event);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(event)) {
        this.waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
  }

  private end(error: Error): void {
    this.ended = error;
    for (const waiter of this.waiters) waiter.reject(new Error(`The event stream ended: ${error.message}`));
    this.waiters.clear();
  }
}
