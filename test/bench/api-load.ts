// Concurrent streaming clients against Duet's OpenAI-compatible endpoint: each loops one request at
// a time until the deadline, with short varied prompts; the run's latencies, routes and errors.
import { performance } from 'node:perf_hooks';
import { benchClient, describeError, expectedTinyAnswer, streamAnswer } from './api-stream.js';

/** Short, varied questions; some hold the tiny model's keyword, so its two answers both occur. */
export const PROMPTS = [
  'Hello',
  'What is the weather like today?',
  'Summarise this in one line: the meeting moved to Thursday.',
  'Give me a synonym for quick.',
  'Translate "good morning" into French.',
  'Will the weather hold for a picnic?',
  'What is 17 times 3?',
  'Name three primary colours.',
  'Write a haiku about coffee.',
  'How do I reverse a list in Python?',
  'Any weather warnings this weekend?',
  'Suggest a name for a grey cat.',
];

export interface LoadOptions {
  baseURL: string;
  apiKey: string;
  clients: number;
  seconds: number;
  /** Share of requests (0–1) sent to duet-auto; the rest go to duet-local. */
  autoShare: number;
}

export interface LoadResult {
  elapsedS: number;
  completed: number;
  totalMs: number[];
  firstTokenMs: number[];
  routes: Record<string, number>;
  byModel: Record<string, number>;
  /** Distinct errors (wrong answers included) and how often each happened. */
  errors: Map<string, number>;
}

/** Which model a client's j-th request asks for: a fixed pattern, so runs compare. */
function modelFor(client: number, request: number, autoShare: number): string {
  return (client * 7 + request * 13) % 100 < autoShare * 100 ? 'duet-auto' : 'duet-local';
}

/** Runs `clients` loops for `seconds`; a request started before the deadline is waited for and counted. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { elapsedS: 0, completed: 0, totalMs: [], firstTokenMs: [], routes: {}, byModel: {}, errors: new Map() };
  const fail = (what: string): void => void result.errors.set(what, (result.errors.get(what) ?? 0) + 1);
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const loop = async (index: number): Promise<void> => {
    const client = benchClient(options.baseURL, options.apiKey);
    for (let request = 0; performance.now() < deadline; request++) {
      const model = modelFor(index, request, options.autoShare);
      const prompt = PROMPTS[(index + request) % PROMPTS.length]!;
      result.byModel[model] = (result.byModel[model] ?? 0) + 1;
      try {
        const answer = await streamAnswer(client, model, prompt);
        result.routes[answer.route] = (result.routes[answer.route] ?? 0) + 1;
        if (answer.text !== expectedTinyAnswer(prompt)) fail(`unexpected answer from ${model}: ${JSON.stringify(answer.text.slice(0, 80))}`);
        else {
          result.completed++;
          result.totalMs.push(answer.totalMs);
          result.firstTokenMs.push(answer.firstTokenMs);
        }
      } catch (error) {
        fail(`${model}: ${describeError(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, index) => loop(index)));
  result.elapsedS = (performance.now() - started) / 1000;
  return result;
}
