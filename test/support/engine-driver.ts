import type { ModelStatus, Result } from '../../src-main/contract/index.js';
import type { ChatTurn, ConfidenceCheck, GenerateOutcome, LocalEngine } from '../../src-main/local/engine-types.js';

export interface Answer {
  result: Result<GenerateOutcome>;
  chunks: string[];
}

export interface AskOptions {
  conversationId?: string;
  history?: ChatTurn[];
  maxTokens?: number;
  check?: ConfidenceCheck;
  /** Called per streamed chunk; may act mid-answer (stop, kill). */
  onChunk?: (chunk: string, index: number) => void;
  signal?: AbortSignal;
}

/** Asks the engine one question and collects the streamed chunks. */
export async function ask(engine: LocalEngine, prompt: string, options: AskOptions = {}): Promise<Answer> {
  const chunks: string[] = [];
  const result = await engine.generate(
    {
      conversationId: options.conversationId ?? `c-${Math.random()}`,
      history: options.history ?? [],
      prompt,
      ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
      ...(options.check === undefined ? {} : { confidenceCheck: options.check }),
    },
    (chunk) => {
      chunks.push(chunk);
      options.onChunk?.(chunk, chunks.length - 1);
    },
    options.signal ?? new AbortController().signal,
  );
  return { result, chunks };
}

/** The outcome of an answer that succeeded; a failed one throws with its code and message. */
export function outcomeOf(answer: Answer): GenerateOutcome {
  if (!answer.result.ok) throw new Error(`expected an answer, got ${answer.result.error.code}: ${answer.result.error.message}`);
  return answer.result.value;
}

/**
 * Asks, and stops the answer right after chunk `stopAfterChunk` arrives. Returns the answer and how
 * long the engine took to resolve after the stop (the 100 ms target is measured by bench:local;
 * tests only check that the stop took effect).
 */
export async function askThenStop(
  engine: LocalEngine,
  prompt: string,
  stopAfterChunk: number,
  options: Omit<AskOptions, 'signal' | 'onChunk'> = {},
): Promise<Answer & { resolvedAfterMs: number }> {
  const controller = new AbortController();
  let stoppedAt = 0;
  const answer = await ask(engine, prompt, {
    ...options,
    signal: controller.signal,
    onChunk: (_, index) => {
      if (index === stopAfterChunk) {
        stoppedAt = performance.now();
        controller.abort();
      }
    },
  });
  return { ...answer, resolvedAfterMs: performance.now() - stoppedAt };
}

/** Resolves with the engine's status once it matches (at once if it already does); rejects after `timeoutMs`. */
export function waitForStatus(engine: LocalEngine, predicate: (status: ModelStatus) => boolean, timeoutMs = 60_000): Promise<ModelStatus> {
  return new Promise((resolve, reject) => {
    if (predicate(engine.status())) return resolve(engine.status());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`status never matched; last: ${JSON.stringify(engine.status())}`));
    }, timeoutMs);
    const stop = engine.onStatus((status) => {
      if (!predicate(status)) return;
      clearTimeout(timer);
      stop();
      resolve(status);
    });
  });
}

/**
 * Closes every engine a test file started, then kills any worker still there (and `alsoKill`, e.g.
 * workers a test froze): a failing test must not leave llama.cpp processes behind.
 */
export async function closeEngines(engines: LocalEngine[], alsoKill: number[] = []): Promise<void> {
  const pids = [...engines.map((e) => e.workerPid()).filter((p): p is number => p !== null), ...alsoKill];
  await Promise.all(engines.map((e) => e.close()));
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
}
