// A fine-tuning dataset from the user's own cloud answers, so the local model can learn from them
// (opt-in: the `distillation` setting). Lines use OpenAI's chat fine-tuning format, the `messages`
// layout that the common open-source trainers read too; those may ignore the `weight` key.
import type { ConversationDetail, Message } from '../../contract/index.js';
import { DEFAULT_SYSTEM_PROMPT } from '../../contract/model-settings.js';

/** One message of a training example; `weight: 0` marks earlier answers that give context but are not learned. */
export interface DistillationTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
  weight?: 0;
}

/** The dataset: JSON Lines, one `{"messages": [...]}` per cloud answer, with what was written and left out. */
export interface DistillationResult {
  content: string;
  pairs: number;
  /** Cloud answers left out because a text in their example is private, or the router kept the question private. */
  skippedPrivate: number;
}

// Earlier question/answer turns kept before each answer. The local model runs with a 4k-token
// window, and each example repeats its context, so a long conversation would grow the file quadratically.
const MAX_CONTEXT_TURNS = 8;

interface Turn {
  question: Message;
  answer: Message;
}

/**
 * Every finished cloud answer as a training example: the system prompt the local model runs with,
 * the conversation's earlier turns as the user saw them, the question and the answer. Imported
 * ChatGPT answers count (they are cloud answers). Failed, empty and unfinished answers are left out,
 * and so is an answer replaced by "Ask the other side" (the re-run, the latest, is the one kept).
 * An example with any text `isPrivate` finds, or an answer the router marked private, is skipped and counted.
 */
export function toDistillationJsonl(details: ConversationDetail[], isPrivate: (text: string) => boolean): DistillationResult {
  const privateById = new Map<string, boolean>();
  const isPrivateMessage = (m: Message): boolean => {
    let found = privateById.get(m.id);
    if (found === undefined) {
      found = m.provenance?.reasons.some((r) => r.code === 'privacy') === true || isPrivate(m.content);
      privateById.set(m.id, found);
    }
    return found;
  };

  const lines: string[] = [];
  let skippedPrivate = 0;
  for (const { messages } of details) {
    const turns = turnsOf(messages);
    turns.forEach((turn, k) => {
      if (turn.answer.provenance?.target !== 'cloud') return;
      const included = [...turns.slice(Math.max(0, k - MAX_CONTEXT_TURNS), k), turn];
      if (included.some((t) => isPrivateMessage(t.question) || isPrivateMessage(t.answer))) {
        skippedPrivate++;
        return;
      }
      const example: DistillationTurn[] = [{ role: 'system', content: DEFAULT_SYSTEM_PROMPT }];
      included.forEach((t, i) => {
        example.push({ role: 'user', content: t.question.content });
        example.push(i < included.length - 1 ? { role: 'assistant', content: t.answer.content, weight: 0 } : { role: 'assistant', content: t.answer.content });
      });
      lines.push(JSON.stringify({ messages: example }));
    });
  }
  return { content: lines.map((line) => `${line}\n`).join(''), pairs: lines.length, skippedPrivate };
}

/**
 * The conversation as it stands: each question with its kept answer, the latest finished one among
 * the answer and its re-runs. Questions left without a finished answer drop out.
 */
function turnsOf(messages: Message[]): Turn[] {
  const indexById = new Map(messages.map((m, i) => [m.id, i]));
  const kept = new Map<number, Message>();
  messages.forEach((m, i) => {
    if (m.role !== 'assistant' || m.status !== 'complete' || m.content.trim() === '') return;
    // A re-run answers the question of the answer it re-ran, wherever in the list it was added.
    // Only links to earlier messages are followed, so a damaged chain cannot loop.
    let anchor = i;
    for (let at = rerunIndex(messages[i]!, indexById); at !== undefined && at < anchor; at = rerunIndex(messages[anchor]!, indexById)) {
      anchor = at;
    }
    const question = messages.slice(0, anchor).findLastIndex((q) => q.role === 'user');
    if (question >= 0) kept.set(question, m);
  });
  return [...kept.entries()].sort(([a], [b]) => a - b).map(([question, answer]) => ({ question: messages[question]!, answer }));
}

function rerunIndex(message: Message, indexById: Map<string, number>): number | undefined {
  return message.rerunOf === null ? undefined : indexById.get(message.rerunOf);
}
