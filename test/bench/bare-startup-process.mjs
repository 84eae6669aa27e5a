// Bare node-llama-cpp started from nothing: bench:startup's baseline. Plain JavaScript run by plain
// `node`, as `node dist-main/server/cli.js` is, so neither side pays for a TypeScript loader. It
// loads the model and context with the options bench:startup computed from Duet's own settings
// (argv[2], JSON), asks one question, and sends each phase's wall-clock time over IPC; it exits
// when told to, so that its memory can be read while it idles.
import { performance } from 'node:perf_hooks';

const now = () => performance.timeOrigin + performance.now();
const started = performance.timeOrigin;
const script = now();
const send = process.send?.bind(process);
const options = JSON.parse(process.argv[2] ?? '{}');
if (!send || !options.model) throw new Error('Usage: fork(bare-startup-process.mjs, [OPTIONS_JSON]) with an IPC channel.');

const { getLlama, LlamaChatSession, resolveChatWrapper } = await import('node-llama-cpp');
const imported = now();
const llama = await getLlama(options.llama);
const llamaAt = now();
const model = await llama.loadModel(options.model);
const modelAt = now();
// Duet's threads: the cores this process may use, capped by llama.cpp's count of math cores.
const threads = Math.max(1, Math.min(options.cores, llama.cpuMathCores > 0 ? llama.cpuMathCores : options.cores));
const context = await model.createContext({ ...options.context, threads });
const session = new LlamaChatSession({ contextSequence: context.getSequence(), chatWrapper: resolveChatWrapper(model), systemPrompt: options.systemPrompt });
const readyAt = now();
let firstTokenAt = 0;
await session.prompt(options.prompt, {
  ...options.promptOptions,
  onTextChunk: (text) => {
    if (text.length > 0 && firstTokenAt === 0) firstTokenAt = now();
  },
});
send({ type: 'timings', started, script, imported, llama: llamaAt, model: modelAt, ready: readyAt, firstToken: firstTokenAt });
process.on('message', (message) => {
  if (message?.type === 'exit') void llama.dispose().then(() => process.exit(0));
});
