import type { ConversationDetail, Message, Provenance, RouteMode } from '../../contract/index.js';
import { escapeInline, localDateTime, sealMarkdown } from './markdown-text.js';

const ROUTE_WORDS: Readonly<Record<Provenance['route'], string>> = {
  local: 'Answered on this computer',
  cloud: 'Answered by the cloud',
  escalated: 'Escalated to the cloud',
  fallback: 'Fallback: answered on this computer because the cloud failed',
};

const MODE_WORDS: Readonly<Record<RouteMode, string>> = {
  auto: 'Auto',
  local: 'Local only',
  cloud: 'Cloud',
};

/**
 * Conversations as one readable Markdown document: a heading per conversation with its date, then
 * each message under a heading that says who wrote it and, for answers, where it ran and why.
 * Message content is kept verbatim (it is Markdown already); only constructs it leaves open are closed.
 */
export function conversationsToMarkdown(details: ConversationDetail[], exportedAt: Date): string {
  const count = details.length === 1 ? '1 conversation' : `${details.length === 0 ? 'no' : details.length} conversations`;
  const head = `*Exported from Duet on ${localDateTime(exportedAt.getTime())} · ${count}*\n`;
  return [head, ...details.map(conversationMarkdown)].join('\n---\n\n');
}

function conversationMarkdown({ conversation, messages }: ConversationDetail): string {
  const facts = [`Created ${localDateTime(conversation.createdAt)}`, messages.length === 1 ? '1 message' : `${messages.length} messages`];
  if (conversation.mode) facts.push(`mode: ${MODE_WORDS[conversation.mode]}`);
  if (conversation.pinned) facts.push('pinned');
  const title = escapeInline(conversation.title) || 'Untitled conversation';
  return [`# ${title}\n\n*${facts.join(' · ')}*\n`, ...messages.map(messageMarkdown)].join('\n');
}

function messageMarkdown(message: Message): string {
  const parts = [`## ${speaker(message)}\n`];
  const route = message.provenance ? routeLine(message.provenance) : null;
  if (route) parts.push(`*${route}*\n`);
  const content = sealMarkdown(message.content);
  if (content) parts.push(`${content}\n`);
  const status = statusLine(message);
  if (status) parts.push(`*${status}*\n`);
  return parts.join('\n');
}

function speaker(message: Message): string {
  if (message.role === 'user') return 'You';
  const p = message.provenance;
  return p ? `Duet (${p.target} · ${escapeInline(p.model)})` : 'Duet';
}

function routeLine(p: Provenance): string {
  const reasons = p.reasons.map((r) => escapeInline(r.message)).filter(Boolean);
  return reasons.length ? `${ROUTE_WORDS[p.route]}: ${reasons.join('; ')}` : ROUTE_WORDS[p.route];
}

function statusLine(message: Message): string | null {
  switch (message.status) {
    case 'complete':
      return null;
    case 'stopped':
      return 'Stopped before the answer was finished.';
    case 'interrupted':
      return 'Interrupted: Duet closed before the answer was finished.';
    case 'streaming':
      return 'Still being written when this was exported.';
    case 'error':
      return message.error ? `The answer failed: ${escapeInline(message.error.message)}` : 'The answer failed.';
  }
}
