// Splits a JSON file into its conversations as it is read, so a 60 MiB export is never one giant
// JSON.parse: each conversation is parsed on its own, between reads of the file.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/** The member of a Duet export whose entries are streamed. */
const STREAMED_MEMBER = /[{,]\s*"conversations"\s*:\s*$/;

/** What the file's top level is: a list (ChatGPT), an object (Duet), or anything else. */
export type TopLevel = 'array' | 'object' | 'other';

/**
 * Feeds on text in pieces of any size and hands back the raw text of each entry of the streamed
 * list: the top-level list itself, or the `conversations` list of a top-level object. Everything
 * else (the envelope, with that list left empty) is kept as `rest()`. It only tracks strings and
 * nesting; every piece it hands out is still checked by JSON.parse.
 */
export class JsonEntrySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The depth whose direct children are entries, while inside the streamed list; -1 outside it. */
  private entryDepth = -1;
  private streamed = false;
  private entriesSeen = 0;
  private emptyEntry = false;
  private top: TopLevel | null = null;
  private readonly head: string[] = [];
  private entry: string[] = [];

  /** Whether the entries handed out came from a list (the top level's, or the object's `conversations`). */
  get streamedList(): boolean {
    return this.streamed;
  }

  /** The kind of top level, once the first character has been read. */
  get topLevel(): TopLevel | null {
    return this.top;
  }

  /** Reads the next piece of the file; returns the entries it completed, as raw JSON text. */
  feed(text: string): string[] {
    const done: string[] = [];
    let from = 0;
    const finishEntry = (to: number, next: number, closing: boolean): void => {
      this.entry.push(text.slice(from, to));
      from = next;
      const raw = this.entry.join('').trim();
      this.entry = [];
      // "[]" has no entries; "[1,]" or "[,1]" has an empty one, which is not JSON.
      if (raw === '' && !(closing && this.entriesSeen === 0)) this.emptyEntry = true;
      if (raw !== '') done.push(raw);
      this.entriesSeen++;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (this.top === null) {
        if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
        this.top = c === OPEN_BRACKET ? 'array' : c === OPEN_BRACE ? 'object' : 'other';
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE) this.depth++;
      else if (c === OPEN_BRACKET) {
        this.depth++;
        if (!this.streamed && this.startsStreamedList(text.slice(from, i))) {
          this.head.push(text.slice(from, i + 1));
          from = i + 1;
          this.entryDepth = this.depth;
          this.streamed = true;
        }
      } else if (c === COMMA && this.depth === this.entryDepth) finishEntry(i, i + 1, false);
      else if (c === CLOSE_BRACKET) {
        if (this.depth === this.entryDepth) {
          finishEntry(i, i, true);
          this.entryDepth = -1;
        }
        this.depth--;
      } else if (c === CLOSE_BRACE) this.depth--;
    }
    (this.entryDepth === -1 ? this.head : this.entry).push(text.slice(from));
    return done;
  }

  /**
   * The text outside the streamed entries (`[]` for a list; the envelope with `"conversations":[]`
   * for an object), or null when the file ended inside a string or a list (cut off, or not JSON).
   */
  rest(): string | null {
    if (this.inString || this.depth !== 0 || this.entryDepth !== -1 || this.emptyEntry) return null;
    return this.head.join('').replace(/^\uFEFF/, '');
  }

  private startsStreamedList(before: string): boolean {
    if (this.top === 'array') return this.depth === 1;
    if (this.top !== 'object' || this.depth !== 2) return false;
    const tail = (this.head.join('').slice(-200) + before).slice(-200);
    return STREAMED_MEMBER.test(tail);
  }
}
