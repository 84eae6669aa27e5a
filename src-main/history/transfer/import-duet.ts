import { z } from 'zod';
import { ConversationDetail } from '../../contract/index.js';
import type { ImportedConversation, ImportedMessage } from '../history-types.js';
import { DUET_EXPORT_FORMAT, DUET_EXPORT_VERSION } from './export-json.js';
import { entryName, firstIssue, invalidFile } from './transfer-error.js';

// The envelope first, conversations one by one after: an error can then name the conversation.
const DuetEnvelope = z.object({
  format: z.literal(DUET_EXPORT_FORMAT),
  formatVersion: z.number().int().min(1),
  app: z.string().optional(),
  exportedAt: z.string().optional(),
  conversations: z.array(z.unknown()),
});

/** True when parsed JSON claims to be a Duet export (whether or not it is a valid one). */
export function looksLikeDuetExport(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && (data as { format?: unknown }).format === DUET_EXPORT_FORMAT;
}

/**
 * The conversations of a Duet export, checked against the contract. A file from a newer Duet,
 * a damaged conversation, or an id used twice fails the whole import, naming what is wrong.
 */
export function parseDuetExport(data: unknown): ImportedConversation[] {
  const steps = readDuetExport(data);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `parseDuetExport` one conversation at a time: it yields after each, so a caller can let other work run. */
export function* readDuetExport(data: unknown): Generator<void, ImportedConversation[]> {
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > DUET_EXPORT_VERSION) {
    throw invalidFile(
      `This file was exported by a newer version of Duet (export format ${version}; this Duet reads format ${DUET_EXPORT_VERSION}). ` +
        'Update Duet, then import it again.',
    );
  }
  const envelope = DuetEnvelope.safeParse(data);
  if (!envelope.success) {
    throw invalidFile(`This Duet export is damaged and cannot be imported (${firstIssue(envelope.error)}). Export it from Duet again.`);
  }
  const conversations: ImportedConversation[] = [];
  for (const [index, entry] of envelope.data.conversations.entries()) {
    const detail = ConversationDetail.safeParse(entry);
    if (!detail.success) {
      const title = (entry as { conversation?: { title?: unknown } } | null)?.conversation?.title;
      throw invalidFile(
        `${entryName(index, title)} in this Duet export is damaged (${firstIssue(detail.error)}), so nothing was imported. ` + 'Export it from Duet again.',
      );
    }
    conversations.push(toImportedConversation(detail.data));
    yield;
  }
  requireUniqueIds(conversations, 'Duet export');
  return conversations;
}

/** A conversation as the store imports it: its own ids, times, mode, pin and every message. */
export function toImportedConversation({ conversation, messages }: ConversationDetail): ImportedConversation {
  const earlier = new Set<string>();
  const imported = messages.map((m): ImportedMessage => {
    const message: ImportedMessage = {
      id: m.id,
      role: m.role,
      content: m.content,
      // Nothing will ever finish an answer that was being written when the file was made.
      status: m.status === 'streaming' ? 'interrupted' : m.status,
      createdAt: Math.round(m.createdAt),
      provenance: m.provenance,
      error: m.error,
      // The link must name an earlier answer of this conversation (the store checks it as a foreign key).
      rerunOf: m.rerunOf !== null && earlier.has(m.rerunOf) ? m.rerunOf : null,
    };
    earlier.add(m.id);
    return message;
  });
  return {
    id: conversation.id,
    title: conversation.title,
    createdAt: Math.round(conversation.createdAt),
    updatedAt: Math.round(conversation.updatedAt),
    mode: conversation.mode,
    pinned: conversation.pinned,
    client: conversation.client,
    messages: imported,
  };
}

/** Fails when a conversation or message id appears twice in one file: the store could keep only one. */
export function requireUniqueIds(conversations: ImportedConversation[], source: string): void {
  const conversationAt = new Map<string, number>();
  const messageIds = new Set<string>();
  conversations.forEach((c, index) => {
    const first = conversationAt.get(c.id);
    if (first !== undefined) {
      throw invalidFile(
        `${entryName(index, c.title)} in this ${source} has the same id as conversation ${first + 1}, so nothing was imported. ` +
          'Remove one of the two from the file and import it again.',
      );
    }
    conversationAt.set(c.id, index);
    for (const m of c.messages) {
      if (messageIds.has(m.id)) {
        throw invalidFile(
          `${entryName(index, c.title)} in this ${source} reuses message id "${m.id}" from another message, so nothing was imported. ` +
            'The file has been edited or damaged; export it again.',
        );
      }
      messageIds.add(m.id);
    }
  });
}
