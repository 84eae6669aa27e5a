import type { LlamaContextSequence, SequenceEvaluateOptions, Token } from 'node-llama-cpp';
import type { ConfidenceWindow } from './confidence-window.js';

type Evaluate = LlamaContextSequence['evaluate'];
type NextInput = void | Token | Token[];

/**
 * Feeds `judge` the probability of every token a LlamaChatSession generates on `sequence` until
 * the window has a verdict; calls `onUnsure` when it finds the model unsure. Returns the function
 * that takes the hook off again.
 *
 * Why a hook: node-llama-cpp 3.21 exposes the probability of the chosen token only through
 * `sequence.evaluateWithMetadata(tokens, {confidence: true}, options)`; LlamaChatSession and
 * LlamaChat have no option for it. LlamaChat generates through `sequence.evaluate(tokens, options)`
 * (dist/evaluator/LlamaChat/LlamaChat.js, `createNewEvaluationIterator`), and `evaluate` is
 * `evaluateWithMetadata(tokens, {}, options)` passing on only the token. So for one checked answer
 * this instance's `evaluate` becomes the same evaluation with confidence; the chosen tokens are the
 * same (the token is picked before the probabilities are worked out), and everything else stays
 * LlamaChat's own: chat template, stop triggers, thought segments, context shift, abort, history.
 * Once the window has a verdict the hook evaluates without confidence again: for each token with
 * confidence llama.cpp's addon sorts the whole vocabulary.
 *
 * While it measures, the hook decodes greedily with no repeat penalty, whatever the answer's
 * sampling settings: the addon computes the confidence over the candidates left after the sampler
 * chain, so top-k, top-p, min-p, temperature and penalties would change what the threshold means
 * (it is calibrated on the full-vocabulary softmax of the greedy choice). The window is a few
 * tokens; after it the answer samples with its own settings.
 */
export function watchConfidence(sequence: LlamaContextSequence, judge: ConfidenceWindow, onUnsure: () => void): () => void {
  const ownBefore = Object.getOwnPropertyDescriptor(sequence, 'evaluate');
  // Kept unbound on purpose: it is only ever called as original.call(sequence, ...).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original: Evaluate = sequence.evaluate;

  async function* measuring(tokens: Token[], options?: SequenceEvaluateOptions): AsyncGenerator<Token, void, NextInput> {
    const iterator = sequence.evaluateWithMetadata(tokens, { confidence: true } as const, greedy(options));
    let input: NextInput = undefined;
    try {
      for (;;) {
        const step = await iterator.next(input);
        if (step.done) return;
        const { token, confidence } = step.value;
        if (judge.add(confidence) === 'unsure') onUnsure();
        input = yield token;
        if (judge.verdict === 'measuring') continue;
        // Decided: evaluate what comes next exactly as the iterator would have (the caller's
        // replacement tokens, or else the token just yielded), only without confidence.
        const next = Array.isArray(input) ? input : [input ?? token];
        await iterator.return();
        yield* original.call(sequence, next, options);
        return;
      }
    } finally {
      await iterator.return();
    }
  }

  const hooked: Evaluate = (tokens, options) => (judge.verdict === 'measuring' ? measuring(tokens, options) : original.call(sequence, tokens, options));
  sequence.evaluate = hooked;

  return () => {
    if (sequence.evaluate !== hooked) return;
    if (ownBefore) Object.defineProperty(sequence, 'evaluate', ownBefore);
    else Reflect.deleteProperty(sequence, 'evaluate');
  };
}

/** The caller's evaluation options, decoding greedily over the raw distribution (see watchConfidence). */
function greedy(options: SequenceEvaluateOptions | undefined): SequenceEvaluateOptions {
  const { repeatPenalty: _penalty, dryRepeatPenalty: _dry, xtc: _xtc, ...rest } = options ?? {};
  return { ...rest, temperature: 0 };
}
