import { Marked } from 'marked';

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

// A model's answer is untrusted: raw HTML in it is shown as text, never rendered.
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

/** Markdown to (unsanitized) HTML in one go, raw HTML escaped. */
export function markdownToHtml(source: string): string {
  return marked.parse(source, { async: false });
}

/** What an incremental render shows: the finished blocks (append-only) and the block still being written. */
export interface MarkdownBlocks {
  /** Sanitized HTML of finished blocks; earlier entries never change while the source only grows. */
  finished: readonly string[];
  /** Sanitized HTML of the last, unfinished block (re-rendered on every update). */
  live: string;
  /** Changes when `finished` starts over (the source was replaced rather than extended). */
  epoch: number;
}

/**
 * Renders a streaming answer block by block: text up to the last blank line that has a block after
 * it can no longer change (Markdown's block structure there is settled), so it is rendered once and
 * kept; each update lexes only the text after it. Joined, the result equals
 * `sanitize(markdownToHtml(source))`.
 */
export class IncrementalMarkdown {
  #sanitize: (html: string) => string;
  #source = '';
  /** How many characters of `#source` are rendered into `#finished`. */
  #settled = 0;
  #finished: string[] = [];
  /** Link reference definitions reach back over the whole text: once one appears, render one-shot. */
  #oneShot = false;
  #epoch = 0;
  /** What the last update returned: the same source again (an answer's final update) costs nothing. */
  #last: MarkdownBlocks | null = null;

  constructor(sanitize: (html: string) => string) {
    this.#sanitize = sanitize;
  }

  /** Renders `source`, reusing the finished blocks when it extends the previous source. */
  update(source: string): MarkdownBlocks {
    if (this.#last !== null && source === this.#source) return this.#last;
    this.#last = this.#render(source);
    return this.#last;
  }

  #render(source: string): MarkdownBlocks {
    if (!source.startsWith(this.#source)) this.#reset();
    this.#source = source;
    // The lexer turns \r\n into \n, so token lengths would no longer match the source's.
    if (this.#oneShot || source.includes('\r')) return { finished: [], live: this.#sanitize(markdownToHtml(source)), epoch: this.#epoch };
    const tokens = marked.lexer(source.slice(this.#settled));
    if (Object.keys(tokens.links).length > 0) {
      this.#finished = [];
      this.#settled = 0;
      this.#oneShot = true;
      this.#epoch++;
      return { finished: [], live: this.#sanitize(markdownToHtml(source)), epoch: this.#epoch };
    }
    // Settle up to the last blank line followed by a block whose first line is complete: until then
    // that line may still turn out to continue the block above ("3" becoming "3." in a list).
    const tail = source.length - this.#settled;
    let cut = -1;
    let end = 0;
    const ends = tokens.map((token) => (end += token.raw.length));
    for (let i = tokens.length - 2; i >= 0; i--) {
      if (tokens[i]!.type !== 'space' || tokens[i + 1]!.type === 'space') continue;
      const next = ends[i]!;
      const lineEnd = source.indexOf('\n', this.#settled + next);
      if (lineEnd !== -1 && lineEnd < this.#settled + tail) {
        cut = i;
        break;
      }
    }
    if (cut >= 0) {
      const done = tokens.splice(0, cut + 1);
      const html = this.#sanitize(marked.parser(done));
      if (html !== '') this.#finished.push(html);
      this.#settled += done.reduce((length, token) => length + token.raw.length, 0);
    }
    return { finished: this.#finished.slice(), live: this.#sanitize(marked.parser(tokens)), epoch: this.#epoch };
  }

  #reset(): void {
    this.#epoch++;
    this.#source = '';
    this.#settled = 0;
    this.#finished = [];
    this.#oneShot = false;
  }
}

/** What a streamed answer shows: groups of finished blocks (never changed once made) and the blocks after them. */
export interface BlockLayout {
  /** Joined HTML of each full group, in order; earlier entries never change while the epoch holds. */
  groups: readonly string[];
  /** Finished blocks not in a group yet. */
  open: readonly string[];
}

/**
 * Gathers the finished blocks of an answer into groups that the page can skip while they are out of
 * view. A group closes at GROUP_BLOCKS blocks or GROUP_CHARS characters of HTML, whichever comes
 * first: a burst of text settles as one large block, and a group of such blocks would be as tall as
 * the whole answer (a skipped group that tall, or a new one not measured yet, changes the page's
 * height by that much at once).
 */
export class BlockGroups {
  static readonly GROUP_BLOCKS = 24;
  static readonly GROUP_CHARS = 8_000;
  #groups: string[] = [];
  /** How many finished blocks the groups hold. */
  #taken = 0;
  #epoch = -1;

  /** Groups `blocks.finished`, reusing the groups already made while its epoch holds. */
  update(blocks: MarkdownBlocks): BlockLayout {
    if (blocks.epoch !== this.#epoch) {
      this.#epoch = blocks.epoch;
      this.#groups = [];
      this.#taken = 0;
    }
    const { finished } = blocks;
    let start = this.#taken;
    let chars = 0;
    for (let i = start; i < finished.length; i++) {
      chars += finished[i]!.length;
      if (chars >= BlockGroups.GROUP_CHARS || i + 1 - start >= BlockGroups.GROUP_BLOCKS) {
        this.#groups.push(finished.slice(start, i + 1).join(''));
        start = i + 1;
        chars = 0;
      }
    }
    this.#taken = start;
    return { groups: this.#groups.slice(), open: finished.slice(start) };
  }
}
