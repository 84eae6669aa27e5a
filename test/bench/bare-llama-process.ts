// Bare node-llama-cpp in a process of its own, with Duet's exact settings and none of Duet's code
// path: the baseline of bench:local. Driven over IPC: {type:'run'} → {type:'sample', sample}.
import { getLlama, LlamaChatSession, resolveChatWrapper } from 'node-llama-cpp';
import { contextOptions, llamaOptions, modelOptions, promptOptions, sessionOptions } from '../../src-main/local/generation-settings.js';
import { PROMPT, timeAnswer } from './time-answer.js';

const modelPath = process.argv[2];
if (!modelPath || !process.send) throw new Error('Usage: fork(bare-llama-process.ts, [MODEL]) with an IPC channel.');
const send = process.send.bind(process);

const llama = await getLlama(llamaOptions());
const model = await llama.loadModel(modelOptions(modelPath));
const context = await model.createContext(contextOptions(llama));
const session = new LlamaChatSession({ contextSequence: context.getSequence(), chatWrapper: resolveChatWrapper(model), ...sessionOptions() });
const initialHistory = session.getChatHistory();

/** One answer from a fresh conversation, as each of Duet's rounds is. */
function run() {
  session.setChatHistory(initialHistory);
  const controller = new AbortController();
  return timeAnswer(
    async (onChunk) => {
      await session.prompt(PROMPT, { ...promptOptions(), signal: controller.signal, onTextChunk: (text) => text.length > 0 && onChunk() });
    },
    () => controller.abort(),
  );
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'run')
    run().then(
      (sample) => send({ type: 'sample', sample }),
      (error: unknown) => send({ type: 'error', message: String(error) }),
    );
  if (message.type === 'exit') void llama.dispose().then(() => process.exit(0));
});
send({ type: 'ready' });
