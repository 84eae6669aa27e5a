// Bare node-llama-cpp in a process of its own, with Duet's exact generation settings and none of
// Duet's code path: bench:api's baseline for one whole answer. Driven over IPC:
// {type:'run', prompt} → {type:'sample', firstTokenMs, totalMs, text}, timed inside this process,
// as an app that calls node-llama-cpp directly would see it.
import { performance } from 'node:perf_hooks';
import { getLlama, LlamaChatSession, resolveChatWrapper, type ChatHistoryItem } from 'node-llama-cpp';
import { answerTokenLimit } from '../../src-main/local/context-room.js';
import { contextOptions, llamaOptions, modelOptions, promptOptions, sessionOptions } from '../../src-main/local/generation-settings.js';

const modelPath = process.argv[2];
if (!modelPath || !process.send) throw new Error('Usage: fork(bare-api-process.ts, [MODEL]) with an IPC channel.');
const send = process.send.bind(process);

const llama = await getLlama(llamaOptions());
const model = await llama.loadModel(modelOptions(modelPath));
const context = await model.createContext(contextOptions(llama));
const session = new LlamaChatSession({ contextSequence: context.getSequence(), chatWrapper: resolveChatWrapper(model), ...sessionOptions() });
const initialHistory = session.getChatHistory();

/** The answer's token limit as Duet's worker sets it: capped to the room the window has left. */
function maxTokensFor(prompt: string): number {
  const chatHistory: ChatHistoryItem[] = [...initialHistory, { type: 'user', text: prompt }, { type: 'model', response: [] }];
  const inputTokens = session.chatWrapper.generateContextState({ chatHistory }).contextText.tokenize(model.tokenizer).length;
  const limit = answerTokenLimit(inputTokens, context.contextSize);
  if (limit === null) throw new Error('The prompt does not fit the context.');
  return limit;
}

/** One whole answer in a fresh conversation, as each API request without earlier turns is. */
async function run(prompt: string): Promise<{ firstTokenMs: number; totalMs: number; text: string }> {
  const started = performance.now();
  let firstAt = 0;
  session.setChatHistory(initialHistory);
  const text = await session.prompt(prompt, {
    ...promptOptions(maxTokensFor(prompt)),
    onTextChunk: (chunk) => {
      if (chunk.length > 0 && firstAt === 0) firstAt = performance.now();
    },
  });
  const ended = performance.now();
  return { firstTokenMs: (firstAt || ended) - started, totalMs: ended - started, text };
}

process.on('message', (message: { type: string; prompt?: string }) => {
  if (message.type === 'run')
    run(message.prompt ?? '').then(
      (sample) => send({ type: 'sample', ...sample }),
      (error: unknown) => send({ type: 'error', message: String(error) }),
    );
  if (message.type === 'exit') void llama.dispose().then(() => process.exit(0));
});
send({ type: 'ready' });
