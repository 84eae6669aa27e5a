import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportedConversation } from '../history-types.js';
import { chatGptConversation, isChatGptEntry } from './import-chatgpt.js';
import { looksLikeDuetExport, readDuetExport, requireUniqueIds } from './import-duet.js';
import { JsonEntrySplitter } from './json-elements.js';
import { invalidFile } from './transfer-error.js';

/** What an import file turned out to be, and its conversations ready for the store. */
export interface ParsedHistoryFile {
  format: 'duet' | 'chatgpt';
  conversations: ImportedConversation[];
}

const NOT_AN_EXPORT = 'This file is not a Duet or ChatGPT export';
const WHAT_TO_PICK = 'Choose a .json file exported from Duet, or conversations.json from the unzipped folder of a ChatGPT data export.';
/** How much of the file is read (and split) between two turns of the event loop. */
const PIECE_CHARS = 1024 * 1024;
/** Duet conversations checked between two turns of the event loop. */
const ENTRIES_PER_TURN = 50;

/**
 * Reads an import file piece by piece, recognising its format from the content: a Duet export
 * (JSON, checked against the contract) or ChatGPT's conversations.json. Each conversation is
 * parsed and checked on its own as its text completes, so no step holds the whole file at once.
 * Errors are HistoryErrors ('invalid_request') that say what is wrong and what to pick instead.
 */
export class HistoryFileReader {
  private readonly splitter = new JsonEntrySplitter();
  /** A Duet export's entries, checked once the envelope (format, version) is known. */
  private readonly duetEntries: unknown[] = [];
  /** ChatGPT conversations, converted as they come so the raw entries are not kept. */
  private readonly chatGpt: ImportedConversation[] = [];
  private entries = 0;
  private start = '';
  private notJson: { cause: unknown } | null = null;
  private notChatGpt = false;
  private firstProblem: Error | null = null;

  /** Reads the next piece of the file. */
  feed(text: string): void {
    if (this.start.length < 16) this.start += text.slice(0, 16);
    for (const raw of this.splitter.feed(text)) this.take(raw, this.entries++);
  }

  /** Checks the file as a whole once all of it was fed; yields between conversations. */
  *finish(): Generator<void, ParsedHistoryFile> {
    const rest = this.splitter.rest();
    if (this.notJson || rest === null) throw this.notJsonError(this.notJson?.cause);
    let data: unknown;
    try {
      data = JSON.parse(rest);
    } catch (e) {
      throw this.notJsonError(e);
    }
    if (this.splitter.topLevel === 'array') {
      if (this.notChatGpt) throw invalidFile(`${NOT_AN_EXPORT}: ${describeShape(data)}. ${WHAT_TO_PICK}`);
      if (this.firstProblem) throw this.firstProblem;
      requireUniqueIds(this.chatGpt, 'ChatGPT export');
      return { format: 'chatgpt', conversations: this.chatGpt };
    }
    if (this.splitter.streamedList) (data as { conversations: unknown[] }).conversations = this.duetEntries;
    if (looksLikeDuetExport(data)) return { format: 'duet', conversations: yield* readDuetExport(data) };
    throw invalidFile(`${NOT_AN_EXPORT}: ${describeShape(data)}. ${WHAT_TO_PICK}`);
  }

  private take(raw: string, index: number): void {
    if (this.notJson) return;
    let entry: unknown;
    try {
      entry = JSON.parse(raw);
    } catch (e) {
      this.notJson = { cause: e };
      return;
    }
    if (this.splitter.topLevel !== 'array') {
      this.duetEntries.push(entry);
      return;
    }
    // A list that is not all ChatGPT conversations is not a ChatGPT export, whatever its first entries were.
    if (!isChatGptEntry(entry)) this.notChatGpt = true;
    if (this.notChatGpt || this.firstProblem) return;
    try {
      const conversation = chatGptConversation(entry, index);
      if (conversation) this.chatGpt.push(conversation);
    } catch (e) {
      this.firstProblem = e as Error;
    }
  }

  private notJsonError(cause: unknown): Error {
    const hint = /^\s*(?:<|PK)/.test(this.start.replace(/^\uFEFF/, '')) ? ' (it looks like HTML or a zip archive)' : '';
    return invalidFile(`${NOT_AN_EXPORT}: it is not JSON${hint}. ${WHAT_TO_PICK}`, cause);
  }
}

/** Reads an import file held in memory, all at once (small files, tests). */
export function parseHistoryFile(content: string): ParsedHistoryFile {
  const reader = new HistoryFileReader();
  reader.feed(content);
  const steps = reader.finish();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Reads an import file held in memory, letting other work run between pieces. */
export async function parseHistoryText(content: string): Promise<ParsedHistoryFile> {
  const reader = new HistoryFileReader();
  for (let at = 0; at < content.length; at += PIECE_CHARS) {
    reader.feed(content.slice(at, at + PIECE_CHARS));
    await nextTurn();
  }
  return finishYielding(reader);
}

/**
 * Reads an import file from disk as a stream, letting other work run between pieces; refuses a
 * file over `maxBytes` before reading it.
 */
export async function readHistoryFile(file: string, maxBytes: number): Promise<ParsedHistoryFile> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (e) {
    throw invalidFile('Duet could not read that file: it is no longer there or cannot be opened. Check the file, then import it again.', e);
  }
  if (size > maxBytes) throw invalidFile(`That file is too large to import (${Math.round(maxBytes / 1024 / 1024)} MiB at most).`);
  const reader = new HistoryFileReader();
  try {
    for await (const piece of createReadStream(file, { encoding: 'utf8', highWaterMark: PIECE_CHARS })) reader.feed(piece as string);
  } catch (e) {
    throw invalidFile('Duet could not read that file to the end. Check the file (and the disk it is on), then import it again.', e);
  }
  return finishYielding(reader);
}

async function finishYielding(reader: HistoryFileReader): Promise<ParsedHistoryFile> {
  const steps = reader.finish();
  for (let n = 1; ; n++) {
    const step = steps.next();
    if (step.done) return step.value;
    if (n % ENTRIES_PER_TURN === 0) await nextTurn();
  }
}

function describeShape(data: unknown): string {
  if (Array.isArray(data)) return 'it is a list, but its entries are not ChatGPT conversations (they have no "mapping")';
  if (typeof data === 'object' && data !== null) {
    const format = (data as { format?: unknown }).format;
    return typeof format === 'string' ? `its format is "${format.slice(0, 60)}"` : 'it is JSON without a "format" field';
  }
  return `it holds a single ${data === null ? 'null' : typeof data} value`;
}
