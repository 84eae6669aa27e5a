// Bare node-llama-cpp switching models in a process of its own, with Duet's exact load and sampling
// settings and none of Duet's code path: the baseline of bench:models. Driven over IPC:
// {type:'switch', modelPath, prompt} → {type:'loaded'} once the model and its context are ready,
// {type:'first-token'} at the first streamed text, {type:'done'} once the answer has stopped.
import { getLlama, LlamaChatSession, resolveChatWrapper, type LlamaContext, type LlamaModel } from 'node-llama-cpp';
import { contextOptions, llamaOptions, modelOptions, promptOptions, sessionOptions } from '../../src-main/local/generation-settings.js';

if (!process.send) throw new Error('Usage: fork(bare-switch-process.ts) with an IPC channel.');
const send = process.send.bind(process);

const llama = await getLlama(llamaOptions());
let current: { model: LlamaModel; context: LlamaContext } | null = null;

/** What Duet's worker does on a switch: free the old model, load the new one with its context and session, answer. */
async function switchTo(modelPath: string, prompt: string): Promise<void> {
  if (current) {
    await current.context.dispose();
    await current.model.dispose();
    current = null;
  }
  const model = await llama.loadModel(modelOptions(modelPath));
  const context = await model.createContext(contextOptions(llama));
  current = { model, context };
  const session = new LlamaChatSession({ contextSequence: context.getSequence(), chatWrapper: resolveChatWrapper(model), ...sessionOptions() });
  send({ type: 'loaded' });
  const controller = new AbortController();
  let first = true;
  await session.prompt(prompt, {
    ...promptOptions(),
    signal: controller.signal,
    onTextChunk: (text) => {
      if (!first || text.length === 0) return;
      first = false;
      send({ type: 'first-token' });
      controller.abort(); // the first token is all that is timed
    },
  });
  session.dispose();
  send({ type: 'done' });
}

process.on('message', (message: { type: string; modelPath?: string; prompt?: string }) => {
  if (message.type === 'switch') {
    switchTo(message.modelPath!, message.prompt!).catch((error: unknown) => send({ type: 'error', message: String(error) }));
  }
  if (message.type === 'exit') void llama.dispose().then(() => process.exit(0));
});
send({ type: 'ready' });
