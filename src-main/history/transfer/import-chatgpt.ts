import type { Provenance } from '../../contract/index.js';
import type { ImportedConversation, ImportedMessage } from '../history-types.js';
import { chatGptText } from './chatgpt-content.js';
import { ChatGptConversation, chatGptTime, type ChatGptNode } from './chatgpt-schema.js';
import { requireUniqueIds } from './import-duet.js';
import { entryName, firstIssue, invalidFile } from './transfer-error.js';

/** The title given to a ChatGPT conversation that has none. */
export const FALLBACK_TITLE = 'Imported conversation';

/** The reason every imported ChatGPT answer carries, so its badge and search can tell it apart. */
export const IMPORTED_REASON = { code: 'imported', message: 'imported from ChatGPT' } as const;

/** True when parsed JSON has the shape of ChatGPT's conversations.json: a list of conversations with a `mapping`. */
export function looksLikeChatGptExport(data: unknown): data is unknown[] {
  return Array.isArray(data) && data.every(isChatGptEntry);
}

/** True when one entry of a list has the shape of a ChatGPT conversation (it has a `mapping`). */
export function isChatGptEntry(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && 'mapping' in entry;
}

/**
 * The conversations of ChatGPT's conversations.json, each as the branch the user last saw. A
 * conversation that cannot be read fails the whole import, naming which one, so nothing is
 * half-imported; conversations without a single user or assistant message are left out.
 */
export function parseChatGptExport(data: unknown[]): ImportedConversation[] {
  const conversations: ImportedConversation[] = [];
  data.forEach((entry, index) => {
    const conversation = chatGptConversation(entry, index);
    if (conversation) conversations.push(conversation);
  });
  requireUniqueIds(conversations, 'ChatGPT export');
  return conversations;
}

/**
 * One entry of conversations.json (the `index`-th, counting from 0) as the branch the user last saw;
 * null when it holds no user or assistant message. Throws, naming the conversation, when it cannot be read.
 */
export function chatGptConversation(entry: unknown, index: number): ImportedConversation | null {
  const parsed = ChatGptConversation.safeParse(entry);
  const title = (entry as { title?: unknown } | null)?.title;
  const fail = (problem: string) =>
    invalidFile(
      `${entryName(index, title)} in this ChatGPT export could not be read (${problem}), so nothing was imported. ` +
        'Export your data from ChatGPT again, or remove that conversation from conversations.json.',
    );
  if (!parsed.success) throw fail(firstIssue(parsed.error));
  const conversation = toConversation(parsed.data, fail);
  return conversation.messages.length > 0 ? conversation : null;
}

function toConversation(source: ChatGptConversation, fail: (problem: string) => Error): ImportedConversation {
  const id = source.id ?? source.conversation_id;
  if (!id) throw fail('it has no id');
  const nodes = currentBranch(source, fail);
  const created = chatGptTime(source.create_time) ?? chatGptTime(source.update_time) ?? firstTime(nodes) ?? 0;
  const messages: ImportedMessage[] = [];
  for (const [nodeId, node] of nodes) {
    const message = node.message;
    const content = message ? chatGptText(message) : null;
    if (!message || content === null) continue;
    const role = message.author.role === 'user' ? 'user' : 'assistant';
    const previous = messages.at(-1);
    // One answer in ChatGPT can be several nodes (code, then the text after it ran): one answer here.
    if (role === 'assistant' && previous?.role === 'assistant') {
      previous.content += `\n\n${content}`;
      continue;
    }
    messages.push({
      // Prefixed with the conversation: "Branch in new chat" copies nodes, ids and all, into a new conversation.
      id: `${id}-${nodeId}`,
      role,
      content,
      status: 'complete',
      createdAt: chatGptTime(message.create_time) ?? created,
      provenance: role === 'assistant' ? importedProvenance(message.metadata?.model_slug) : null,
      error: null,
      rerunOf: null,
    });
  }
  const lastMessage = messages.reduce((latest, m) => Math.max(latest, m.createdAt), created);
  return {
    id,
    title: source.title?.trim() || FALLBACK_TITLE,
    createdAt: created,
    updatedAt: chatGptTime(source.update_time) ?? lastMessage,
    mode: null,
    pinned: false,
    messages,
  };
}

/**
 * The nodes from the root down to `current_node`: the branch on screen when the export was made
 * (regenerated answers and edited questions are siblings; the others are dropped). Without a usable
 * `current_node`, the newest child is followed from the root.
 */
function currentBranch(source: ChatGptConversation, fail: (problem: string) => Error): Array<[string, ChatGptNode]> {
  const { mapping } = source;
  const seen = new Set<string>();
  const branch: Array<[string, ChatGptNode]> = [];
  const visit = (nodeId: string) => {
    if (seen.has(nodeId)) throw fail(`its message tree loops back on node "${nodeId}"`);
    seen.add(nodeId);
    branch.push([nodeId, mapping[nodeId]!]);
  };
  if (source.current_node && mapping[source.current_node]) {
    for (let at: string | null | undefined = source.current_node; at && mapping[at]; at = mapping[at]!.parent) visit(at);
    return branch.reverse();
  }
  const root = Object.keys(mapping).find((key) => {
    const parent = mapping[key]!.parent;
    return !parent || !mapping[parent];
  });
  for (let at = root; at !== undefined; at = (mapping[at]!.children ?? []).filter((c) => mapping[c]).at(-1)) visit(at);
  return branch;
}

function firstTime(nodes: Array<[string, ChatGptNode]>): number | null {
  for (const [, node] of nodes) {
    const time = chatGptTime(node.message?.create_time);
    if (time !== null) return time;
  }
  return null;
}

function importedProvenance(modelSlug: string | null | undefined): Provenance {
  return {
    target: 'cloud',
    route: 'cloud',
    reasons: [{ ...IMPORTED_REASON }],
    score: null,
    model: modelSlug?.trim() || 'chatgpt',
    ttftMs: null,
    tokens: 0,
    tokensPerSecond: null,
    latencyMs: null,
    promptTokens: null,
    costUsd: null,
    confidence: null,
  };
}
