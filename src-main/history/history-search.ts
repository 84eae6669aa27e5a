import { SNIPPET_MARK_END, SNIPPET_MARK_START, type SearchHit, type SearchRequest, type Target } from '../contract/index.js';
import type { Db } from './connection.js';
import { UNSPACED_SCRIPT } from './migrations/0004-search.js';

/**
 * Hits returned when the request sets no limit; the search palette shows as many. Each hit's snippet
 * re-reads and re-tokenises its message (about 0.1 ms each at 100,000 messages), so this is most of a
 * search's time.
 */
export const DEFAULT_SEARCH_LIMIT = 20;

/**
 * How many of the newest matches are ranked. A word found in thousands of messages says little about
 * which one the user wants, and ranking every one of them costs time on each keystroke (bm25 over 50,000
 * matches is over 100 ms here): such a search ranks its newest RANKED_WINDOW matches only (newest by rowid,
 * that is by when they were stored), which also favours recent messages. A specific word, or two words together, has fewer matches and is ranked in full.
 */
export const RANKED_WINDOW = 1000;

/** A last term shorter than this is matched whole, not as a prefix: "a*" would expand to most words. */
export const MIN_PREFIX_LENGTH = 3;

/** Words of context a snippet shows around the match. */
const SNIPPET_TOKENS = 12;
/** Characters of context a substring snippet shows (scripts without spaces have no words to count). */
const SUBSTRING_SNIPPET_CHARS = 36;
const ELLIPSIS = '…';

/** How the user's text is searched; see planSearch. */
export type SearchPlan = { kind: 'none' } | { kind: 'words'; match: string; exact: string } | { kind: 'substring'; terms: string[]; trigrams: string | null };

/**
 * Turns what the user typed into a query that FTS5 never parses as syntax: each space-separated term is
 * quoted as a phrase (quotes doubled), and the last one matches as a prefix so results follow typing
 * (once it has MIN_PREFIX_LENGTH characters).
 * Terms without a letter or digit are dropped, so "(" or "-" alone finds nothing instead of failing.
 * A query in a script written without spaces (Chinese…) becomes a substring search.
 */
export function planSearch(text: string): SearchPlan {
  const terms = text.split(/\s+/u).filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (terms.length === 0) return { kind: 'none' };
  if (terms.some((t) => UNSPACED_SCRIPT.test(t))) {
    const lowered = terms.map((t) => t.toLowerCase());
    // Every trigram of every term long enough to have one; candidates then must contain each whole term.
    const trigrams = new Set<string>();
    for (const t of lowered) {
      const chars = [...t];
      for (let i = 0; i + 3 <= chars.length; i++) trigrams.add(quote(chars.slice(i, i + 3).join('')));
    }
    return { kind: 'substring', terms: lowered, trigrams: trigrams.size > 0 ? [...trigrams].join(' AND ') : null };
  }
  const last = terms.length - 1;
  const prefix = [...terms[last]!.replace(/[^\p{L}\p{N}]/gu, '')].length >= MIN_PREFIX_LENGTH;
  const exact = terms.map(quote).join(' ');
  return { kind: 'words', match: prefix ? `${exact}*` : exact, exact };
}

function quote(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

interface HitRow {
  id: string;
  conversation_id: string;
  title: string;
  role: 'user' | 'assistant';
  created_at: number;
  target: Target | null;
  model: string | null;
  snippet: string;
}

interface Filters {
  target: Target | null;
  model: string | null;
  from: number | null;
  to: number | null;
  limit: number;
}

const FILTERS = `(@target IS NULL OR m.target = @target)
  AND (@model IS NULL OR m.model = @model)
  AND (@from IS NULL OR m.created_at >= @from)
  AND (@to IS NULL OR m.created_at < @to)`;

/** Runs searches on one connection, preparing each statement once. */
export class HistorySearch {
  private readonly words;
  private readonly fillsWindow;
  private readonly substringStatements = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {
    // Without filters the messages table is not read until the few hits are known: its rows are large.
    const matches = (filtered: boolean) =>
      filtered
        ? `SELECT f.rowid AS rid, bm25(messages_fts) AS score
           FROM messages_fts f JOIN messages m ON m.rowid = f.rowid
           WHERE messages_fts MATCH @match AND ${FILTERS} ORDER BY f.rowid DESC LIMIT ${RANKED_WINDOW}`
        : `SELECT rowid AS rid, bm25(messages_fts) AS score
           FROM messages_fts WHERE messages_fts MATCH @match ORDER BY rowid DESC LIMIT ${RANKED_WINDOW}`;
    // Newest matches first (FTS5 walks a doclist backwards cheaply), ranked, the best few kept; snippets are
    // made for those few only. In one flat query SQLite would build a snippet for every match, re-reading
    // each message. bm25() rather than the rank column: ORDER BY rank makes FTS5 rank every match itself.
    const ranked = (filtered: boolean) =>
      db.prepare<Record<string, unknown>, HitRow>(`
        WITH recent AS (${matches(filtered)}),
        best AS (SELECT rid, score FROM recent ORDER BY score, rid DESC LIMIT @limit)
        SELECT m.id, m.conversation_id, c.title, m.role, m.created_at, m.target, m.model,
          snippet(messages_fts, 0, @markStart, @markEnd, @ellipsis, ${SNIPPET_TOKENS}) AS snippet
        FROM best
          -- CROSS JOIN keeps this order: left to itself SQLite scans every match and looks each up in best.
          CROSS JOIN messages_fts ON messages_fts.rowid = best.rid
          JOIN messages m ON m.rowid = best.rid
          JOIN conversations c ON c.id = m.conversation_id
        WHERE messages_fts MATCH @match
        ORDER BY best.score, best.rid DESC`);
    this.words = { plain: ranked(false), filtered: ranked(true) };
    this.fillsWindow = db
      .prepare<[string], number>(`SELECT 1 FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${RANKED_WINDOW - 1}`)
      .pluck();
  }

  /** Best match first (bm25; newer first among equals); substring searches newest first. */
  search(request: SearchRequest): SearchHit[] {
    const plan = planSearch(request.query);
    const filters: Filters = {
      target: request.target ?? null,
      model: request.model ?? null,
      from: request.from ?? null,
      to: request.to ?? null,
      limit: request.limit ?? DEFAULT_SEARCH_LIMIT,
    };
    if (plan.kind === 'none') return [];
    if (plan.kind === 'substring') return this.substring(plan.terms, plan.trigrams, filters);

    // A prefix query makes FTS5 merge the full lists of every word it expands to, before any LIMIT: for a
    // word in most messages that is 100+ ms. When the words as typed already fill the ranking window, the
    // prefix could only add matches that would not be ranked: search the whole word (a cheap check).
    const match = plan.match !== plan.exact && this.fillsWindow.get(plan.exact) ? plan.exact : plan.match;
    const filtered = filters.target !== null || filters.model !== null || filters.from !== null || filters.to !== null;
    const { limit, ...filterParams } = filters;
    const marks = { markStart: SNIPPET_MARK_START, markEnd: SNIPPET_MARK_END, ellipsis: ELLIPSIS };
    const rows = filtered ? this.words.filtered.all({ match, limit, ...filterParams, ...marks }) : this.words.plain.all({ match, limit, ...marks });
    return rows.map(toHit);
  }

  /**
   * Messages containing every term, as written (case folded). With a term of three characters or more the
   * trigram index narrows the candidates to a handful; with only shorter terms (a two-character Chinese
   * word) there is no trigram to look up, so the indexed messages are scanned.
   */
  private substring(terms: string[], trigrams: string | null, filters: Filters): SearchHit[] {
    const candidates = trigrams
      ? 'm.rowid IN (SELECT rowid FROM messages_cjk WHERE messages_cjk MATCH @trigrams)'
      : // FTS5 keeps one row per indexed message in its _docsize table: the messages worth scanning.
        'm.rowid IN (SELECT id FROM messages_cjk_docsize)';
    const key = `${trigrams ? 't' : 's'}${terms.length}`;
    let statement = this.substringStatements.get(key);
    if (!statement) {
      const contains = terms.map((_, i) => `instr(lower(m.content), @term${i}) > 0`).join(' AND ');
      statement = this.db.prepare(`
        SELECT m.id, m.conversation_id, c.title, m.role, m.created_at, m.target, m.model, m.content AS snippet
        FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE ${candidates} AND ${contains} AND ${FILTERS}
        ORDER BY m.created_at DESC, m.rowid DESC
        LIMIT @limit`);
      this.substringStatements.set(key, statement);
    }
    const params: Record<string, unknown> = { ...filters };
    if (trigrams) params['trigrams'] = trigrams;
    terms.forEach((t, i) => (params[`term${i}`] = t));
    return (statement.all(params) as HitRow[]).map((row) => toHit({ ...row, snippet: substringSnippet(row.snippet, terms) }));
  }
}

/**
 * An excerpt of `content` around the first match, every occurrence of a term inside it between the
 * snippet marks, with an ellipsis where text was cut.
 */
export function substringSnippet(content: string, terms: string[]): string {
  // Case folding can change a string's length (rarely, outside ASCII); then positions cannot be trusted.
  const folded = content.toLowerCase();
  const haystack = folded.length === content.length ? folded : content;
  const firstHit = Math.min(...terms.map((t) => haystack.indexOf(t)).filter((i) => i >= 0));
  const at = Number.isFinite(firstHit) ? firstHit : 0;
  const start = Math.max(0, at - SUBSTRING_SNIPPET_CHARS / 3);
  const end = Math.min(content.length, start + SUBSTRING_SNIPPET_CHARS);

  const marks: [number, number][] = [];
  for (const t of terms) {
    for (let i = haystack.indexOf(t, start); i >= 0 && i < end; i = haystack.indexOf(t, i + t.length)) {
      marks.push([i, Math.min(end, i + t.length)]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  let out = start > 0 ? ELLIPSIS : '';
  let pos = start;
  for (const [s, e] of marks) {
    if (s < pos) continue; // overlaps an earlier mark
    out += content.slice(pos, s) + SNIPPET_MARK_START + content.slice(s, e) + SNIPPET_MARK_END;
    pos = e;
  }
  out += content.slice(pos, end);
  return end < content.length ? out + ELLIPSIS : out;
}

function toHit(row: HitRow): SearchHit {
  return {
    messageId: row.id,
    conversationId: row.conversation_id,
    conversationTitle: row.title,
    role: row.role,
    snippet: row.snippet,
    createdAt: row.created_at,
    target: row.target,
    model: row.model,
  };
}
