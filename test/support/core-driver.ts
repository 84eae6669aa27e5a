import type { DuetEvent, Message, ModelStatus, Result } from '../../src-main/contract/index.js';
import type { DuetCore } from '../../src-main/core/core-types.js';

/** The value of a successful envelope; a failed one throws with its code and message. */
export function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Waits until the local model has finished loading (or failed to). */
export async function waitForModel(core: DuetCore): Promise<ModelStatus> {
  for (;;) {
    const info = valueOf<{ model: ModelStatus }>(await core.call('app.info', {}));
    if (info.model.state !== 'loading' && info.model.state !== 'none') return info.model;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves with the next assistant answer that finishes (any status but streaming), with its streamed pieces. */
export function nextAnswer(core: DuetCore): Promise<{ answer: Message; deltas: string[] }> {
  const deltas: string[] = [];
  return new Promise((resolve) => {
    const unsubscribe = core.subscribe((event: DuetEvent) => {
      if (event.type === 'message.delta') deltas.push(event.text);
      if (event.type === 'message.updated' && event.message.role === 'assistant' && event.message.status !== 'streaming') {
        unsubscribe();
        resolve({ answer: event.message, deltas });
      }
    });
  });
}

/** Sends a question and resolves with the finished answer, collecting the streamed pieces. */
export async function askAndWait(core: DuetCore, text: string, conversationId: string | null = null) {
  const finished = nextAnswer(core);
  const sent = valueOf<{ conversationId: string; assistantMessage: Message }>(await core.call('chat.send', { conversationId, text }));
  const { answer, deltas } = await finished;
  return { sent, answer, deltas };
}
