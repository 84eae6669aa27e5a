import type { ImportedConversation } from '../history-types.js';
import { looksLikeChatGptExport, parseChatGptExport } from './import-chatgpt.js';
import { looksLikeDuetExport, parseDuetExport } from './import-duet.js';
import { invalidFile } from './transfer-error.js';

/** What an import file turned out to be, and its conversations ready for the store. */
export interface ParsedHistoryFile {
  format: 'duet' | 'chatgpt';
  conversations: ImportedConversation[];
}

const NOT_AN_EXPORT = 'This file is not a Duet or ChatGPT export';
const WHAT_TO_PICK =
  'Choose a .json file exported from Duet, or conversations.json from the unzipped folder of a ChatGPT data export.';

/**
 * Reads an import file, recognising its format from the content: a Duet export (JSON, checked
 * against the contract) or ChatGPT's conversations.json. Throws a HistoryError ('invalid_request')
 * that says what is wrong and what to pick instead.
 */
export function parseHistoryFile(content: string): ParsedHistoryFile {
  let data: unknown;
  try {
    // Editors on Windows may save JSON with a byte-order mark, which JSON.parse rejects.
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (e) {
    const hint = /^\s*(?:<|PK)/.test(content) ? ' (it looks like HTML or a zip archive)' : '';
    throw invalidFile(`${NOT_AN_EXPORT}: it is not JSON${hint}. ${WHAT_TO_PICK}`, e);
  }
  if (looksLikeDuetExport(data)) return { format: 'duet', conversations: parseDuetExport(data) };
  if (looksLikeChatGptExport(data)) return { format: 'chatgpt', conversations: parseChatGptExport(data) };
  throw invalidFile(`${NOT_AN_EXPORT}: ${describeShape(data)}. ${WHAT_TO_PICK}`);
}

function describeShape(data: unknown): string {
  if (Array.isArray(data)) return 'it is a list, but its entries are not ChatGPT conversations (they have no "mapping")';
  if (typeof data === 'object' && data !== null) {
    const format = (data as { format?: unknown }).format;
    return typeof format === 'string' ? `its format is "${format.slice(0, 60)}"` : 'it is JSON without a "format" field';
  }
  return `it holds a single ${data === null ? 'null' : typeof data} value`;
}
