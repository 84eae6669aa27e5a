import { SNIPPET_MARK_END, SNIPPET_MARK_START, type SearchHit, type SearchRequest, type Target } from '../contract/index.js';
import type { Db } from './connection.js';
import type { SearchPage } from './history-types.js';
import { MessageDayBounds, type RowidBounds } from './message-day-bounds.js';
import { UNSPACED_SCRIPT } from './migrations/0004-search.js';
import { newestFirst } from './rowid-chunks.js';
import { tokens, wordSnippet } from './word-snippet.js';

/** Hits returned when the request sets no limit; the search palette shows as many. */
export const DEFAULT_SEARCH_LIMIT = 20;

/**
 * How many of the newest matches a search looks at: results are the best of the newest RANKED_WINDOW
 * matches (best first by bm25, newer first among equals), and with filters the best of those among them
 * that pass. Why not all: a word found in thousands of messages says little about which one the user
 * wants, and ranking every one of them costs time on each keystroke (bm25 over 50,000 matches is over
 * 100 ms here), so such a search favours recent messages (newest by rowid, that is by when they were
 * stored). A specific word, or two words together, has fewer matches and is ranked in full (two common
 * words rarely together: see WALK_BUDGET). A filter that passes fewer than a page of the window reads on,
 * newest first, until it has a page or the matches run out: nothing findable is missed.
 */
export const RANKED_WINDOW = 1000;

/**
 * Most index entries bm25 may read for one search. bm25 weighs each term by how rare it is, and FTS5
 * counts that by reading every entry of the term, however few matches are ranked: for a word in 6% of
 * 1,000,000 messages that alone is 2 ms. Past this many, the newest matches are shown first, unranked:
 * the words are in so many messages that the newest mention is as good a guess as the "best" one.
 */
export const RANKING_BUDGET = 50_000;

/** How deep the estimate of a term's frequency looks: the newest this many of its matches. */
const FREQUENCY_PROBE = 200;

/**
 * Index entries a search of two or more words reads to find its matches, when they hold a page. Two
 * common words that are rarely together (each in 2% of 1,000,000 messages, together in 900) made FTS5
 * read both words' whole lists to find their newest RANKED_WINDOW matches: 50,000 entries, 1.5 ms, then
 * as much again to rank them. So such a search reads the newest messages first, as many rowids as hold
 * about this many entries of its words (FTS5 seeks each list to the range's bounds), and ranks what it
 * found there, in the same pass: its results are the best of the matches in the newest part of the
 * history, and older ones may exist. With less than a page there it reads on, in ranges twice as wide
 * each time, until it has a page or reaches the oldest message: nothing findable is missed, only not
 * ranked against what lies further back. A search that stops so (or at RANKED_WINDOW) says where
 * (SearchPage.searchedFrom): the app tells the user, and offers dates that reach the older messages.
 */
export const WALK_BUDGET = 8_000;

/** A last term shorter than this is matched whole, not as a prefix: "a*" would expand to most words. */
export const MIN_PREFIX_LENGTH = 3;

/** Characters of context a substring snippet shows (scripts without spaces have no words to count). */
const SUBSTRING_SNIPPET_CHARS = 36;
const ELLIPSIS = '…';

/** How the user's text is searched; see planSearch. */
export type SearchPlan =
  | { kind: 'none' }
  /** phrases: each term's words as the index folds them, for the snippet; prefix: whether `match` ends in one. */
  | { kind: 'words'; match: string; exact: string; quoted: string[]; phrases: string[][]; prefix: boolean }
  | { kind: 'substring'; terms: string[]; trigrams: string | null };

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
  const quoted = terms.map(quote);
  const exact = quoted.join(' ');
  const phrases = terms.map((t) => tokens(t).map((w) => w.folded));
  return { kind: 'words', match: prefix ? `${exact}*` : exact, exact, quoted, phrases, prefix };
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

const DATES = `(@from IS NULL OR m.created_at >= @from) AND (@to IS NULL OR m.created_at < @to)`;
const FILTERS = `(@target IS NULL OR m.target = @target)
  AND (@model IS NULL OR (m.role = 'assistant' AND m.model = @model))
  AND ${DATES}`;

function isFiltered(filters: Filters): boolean {
  return filters.target !== null || filters.model !== null || filters.from !== null || filters.to !== null;
}

/** What a walk found: see HistorySearch.newest. */
interface Walk {
  candidates: number[];
  /** Each candidate's bm25, when the walk scored them. */
  scores: number[] | null;
  dated: number;
  spanned: number;
  /** The oldest rowid the walk read down to when it stopped before the end of its last range; null when it read them all. */
  stoppedAt: number | null;
}

/**
 * One walked match: its rowid, 1 when it passes every filter, 1 when it is in the date range (the rowid
 * bounds of whole days also take in a few matches just outside it), and when asked for, its bm25 (null
 * when it does not pass).
 */
type Walked = [rid: number, passes: number, dated: number, score?: number | null];

/** Estimated index entries of a search's terms (see HistorySearch.frequencies). */
interface Estimate {
  total: number;
  /** A term has fewer than FREQUENCY_PROBE matches: walking all the words together reads little. */
  rare: boolean;
}

/** The newest and oldest message's rowids (null in an empty history). */
interface Span {
  newest: number | null;
  oldest: number | null;
}

/** Whether bm25 stays within RANKING_BUDGET: it reads every entry of each term (see frequencies). */
function rankable(entries: Estimate): boolean {
  return entries.total <= RANKING_BUDGET;
}

/** The best `limit` of the candidates (newest first) by their scores (bm25: lower is better), newer first among equals. */
function best(candidates: number[], scores: number[], limit: number): number[] {
  return candidates
    .map((rid, i) => [rid, scores[i]!] as const)
    .sort((a, b) => a[1] - b[1] || b[0] - a[0])
    .slice(0, limit)
    .map(([rid]) => rid);
}

/** Runs searches on one connection, preparing each statement once. */
export class HistorySearch {
  private readonly walks;
  private readonly scores;
  private readonly hits;
  private readonly probe;
  private readonly rowidSpan;
  private readonly modelSpan;
  private readonly days;
  private readonly older;
  private readonly createdAt;
  private readonly substringStatements = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {
    // Matches newest first: FTS5 walks a doclist backwards cheaply and stops when the caller does, and the
    // date range's rowid bounds (message_days) end the walk where the range's oldest message could be.
    // Every rowid bound given to FTS5 is CAST: better-sqlite3 binds a JS number as REAL, and FTS5 ignores a
    // rowid bound that is not an INTEGER (it then walks the whole list; the results stay right, SQLite
    // checks the bound again).
    // Without filters the messages table is not read: its rows are large.
    // bm25 is computed in the walk when the search ranks and walks one range: FTS5 has the match at hand
    // there, where a second query would find every match again. With filters only the matches that pass
    // are scored. bm25() rather than the rank column: ORDER BY rank makes FTS5 rank every match itself.
    const between = 'BETWEEN CAST(@lo AS INTEGER) AND CAST(@hi AS INTEGER)';
    const plain = (columns: string) =>
      db
        .prepare<Record<string, unknown>, Walked>(
          `SELECT ${columns} FROM messages_fts WHERE messages_fts MATCH @match AND rowid ${between} ORDER BY rowid DESC LIMIT @window`,
        )
        .raw();
    this.walks = {
      plain: plain('rowid, 1, 1'),
      scored: plain('rowid, 1, 1, bm25(messages_fts)'),
      filtered: db
        .prepare<Record<string, unknown>, Walked>(
          `SELECT f.rowid, ${FILTERS}, ${DATES}, CASE WHEN @rank AND ${FILTERS} THEN bm25(messages_fts) END
           FROM messages_fts f
             -- CROSS JOIN keeps the index walk outside: the filters are checked match by match, newest first.
             CROSS JOIN messages m ON m.rowid = f.rowid
           WHERE messages_fts MATCH @match AND f.rowid ${between} ORDER BY f.rowid DESC LIMIT @window`,
        )
        .raw(),
    };
    // bm25 of every match between the oldest and newest candidate, for a walk of several ranges (bm25
    // reads each word's whole list once per query: once per range would cost more than this second pass).
    this.scores = db
      .prepare<[string, number, number], [number, number]>(
        'SELECT rowid, bm25(messages_fts) FROM messages_fts WHERE messages_fts MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)',
      )
      .raw();
    // The page's rows, in the order given; their snippets are made from the text (see wordSnippet).
    this.hits = db.prepare<[string], HitRow>(`
      SELECT m.id, m.conversation_id, c.title, m.role, m.created_at, m.target, m.model, m.content AS snippet
      FROM json_each(?) AS page
        CROSS JOIN messages m ON m.rowid = page.value
        JOIN conversations c ON c.id = m.conversation_id
      ORDER BY page.key`);
    // The rowid of a term's n-th newest match (n - 1 given), reading n entries: how far back they reach.
    this.probe = db.prepare<[string, number], number>(`SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`).pluck();
    // Two subqueries: MIN and MAX together in one would read every row (both are one step of the rowid B-tree).
    this.rowidSpan = db.prepare<[], Span>('SELECT (SELECT MAX(rowid) FROM messages) AS newest, (SELECT MIN(rowid) FROM messages) AS oldest');
    // The answers of one model lie between its first and last (through messages_answer_models): a model
    // never used, or used for a week, would otherwise walk every match looking for it.
    const answers = `FROM messages WHERE role = 'assistant' AND model IS NOT NULL AND model = @model`;
    this.modelSpan = db.prepare<{ model: string }, { lo: number | null; hi: number | null }>(
      `SELECT (SELECT MIN(rowid) ${answers}) AS lo, (SELECT MAX(rowid) ${answers}) AS hi`,
    );
    this.days = new MessageDayBounds(db);
    // Whether a message the dates allow lies below where a walk stopped: one step down the rowid B-tree
    // (a few more with dates, whose day bounds take in a few messages outside them).
    this.older = db
      .prepare<Record<string, unknown>, number>(
        `SELECT 1 FROM messages m WHERE m.rowid < CAST(@below AS INTEGER) AND m.rowid >= CAST(@lo AS INTEGER) AND ${DATES} ORDER BY m.rowid DESC LIMIT 1`,
      )
      .pluck();
    this.createdAt = db.prepare<[number], number>('SELECT created_at FROM messages WHERE rowid >= CAST(? AS INTEGER) ORDER BY rowid LIMIT 1').pluck();
  }

  /** Rowid bounds of every message the filters can pass: those of the dates, narrowed to the model's answers. */
  private bounds(filters: Filters): RowidBounds {
    const days = this.days.of(filters.from, filters.to);
    if (filters.model === null || days.lo > days.hi) return days;
    const span = this.modelSpan.get({ model: filters.model });
    if (span?.lo == null || span.hi == null) return { lo: 1, hi: 0 };
    return { lo: Math.max(days.lo, span.lo), hi: Math.min(days.hi, span.hi) };
  }

  /** Best match first (bm25; newer first among equals) among the newest matches; substring searches newest first. */
  search(request: SearchRequest): SearchHit[] {
    return this.page(request).hits;
  }

  /**
   * The search's hits, and when its walk stopped before the oldest message the filters' dates allow, the
   * createdAt of the oldest message it read: the user is told that older messages were not searched.
   */
  page(request: SearchRequest): SearchPage {
    const none: SearchPage = { hits: [], searchedFrom: null };
    const plan = planSearch(request.query);
    const filters: Filters = {
      target: request.target ?? null,
      model: request.model ?? null,
      from: request.from ?? null,
      to: request.to ?? null,
      limit: request.limit ?? DEFAULT_SEARCH_LIMIT,
    };
    if (plan.kind === 'none') return none;
    const bounds = this.bounds(filters);
    if (bounds.lo > bounds.hi) return none;
    if (plan.kind === 'substring') return { hits: this.substring(plan.terms, plan.trigrams, filters, bounds), searchedFrom: null };

    // A prefix query makes FTS5 merge the full lists of every word it expands to, before any LIMIT: for a
    // word in most messages that is 100+ ms. So a last word that is itself in RANKED_WINDOW messages or
    // more is taken as typed in full (the prefix could only add matches that would not be ranked), and
    // matched whole. That is asked of the word alone, over the whole history (reading at most
    // RANKED_WINDOW entries): asking it of all the words together would read their whole lists.
    const span = this.rowidSpan.get()!;
    const last = plan.quoted[plan.quoted.length - 1]!;
    const lastReach = this.probe.get(last, RANKED_WINDOW - 1);
    const prefix = plan.prefix && lastReach === undefined;
    const match = prefix ? plan.match : plan.exact;
    const entries = this.frequencies(plan.quoted, prefix, span, lastReach);
    // Several words are walked a range of rowids at a time, sized by how many entries each word has.
    const walk = this.newest(match, filters, bounds, plan.quoted.length > 1 ? { ...entries, ...span } : null, rankable(entries));
    const { candidates, scores, dated, spanned, stoppedAt } = walk;
    // A walk that went past the window for a filter passing few (or past messages imported late, far
    // outside the dates) shows what it found newest first: ranking is for the newest matches.
    const rank = dated <= RANKED_WINDOW && spanned <= 2 * RANKED_WINDOW && rankable(entries);
    const page = !rank ? candidates.slice(0, filters.limit) : scores ? best(candidates, scores, filters.limit) : this.ranked(match, candidates, filters.limit);
    if (page.length === 0) return none;
    const hits = this.hits.all(JSON.stringify(page)).map((row) => toHit({ ...row, snippet: wordSnippet(row.snippet, plan.phrases, prefix) }));
    return { hits, searchedFrom: stoppedAt === null ? null : this.searchedFrom(stoppedAt, bounds, filters) };
  }

  /** The createdAt of the message at `stoppedAt` (or just above), when a message the dates allow lies below it; else null. */
  private searchedFrom(stoppedAt: number, bounds: RowidBounds, { from, to }: Filters): number | null {
    if (this.older.get({ below: stoppedAt, lo: bounds.lo, from, to }) === undefined) return null;
    return this.createdAt.get(stoppedAt) ?? null;
  }

  /**
   * The rowids of the newest RANKED_WINDOW matches (more with a filter passing few) that pass the filters,
   * newest first; how many matches of the date range were read to find them, and how many matches lie
   * from the newest candidate to the oldest. With `entries` (each term's estimated index entries, from
   * frequencies) the rowids are walked a range at a time, newest first, and the walk stops once it has
   * read WALK_BUDGET entries and found a page; with null they are walked in one go. With `rank`, a walk
   * that ends in its first statement also scores its candidates (bm25 reads each word's whole list once
   * per statement: more statements rank afterwards, in one, see ranked).
   */
  private newest(match: string, filters: Filters, bounds: RowidBounds, entries: (Estimate & Span) | null, rank: boolean): Walk {
    const { limit, ...filterParams } = filters;
    const filtered = isFiltered(filters);
    const candidates: number[] = [];
    let dated = 0;
    let read = 0;
    let first = 0;
    let last = 0;
    let walked = 0;
    let statements = 0;
    let stoppedAt: number | null = null;
    let lastRead = 0;
    const { ranges, perRowid } = this.ranges(bounds, entries);
    let scores: number[] | null = rank ? [] : null;
    /** Takes walked rows in order until the filtered walk has what it needs; true then. */
    const take = (rows: Iterable<Walked>): boolean => {
      for (const [rid, passes, inRange, score] of rows) {
        read++;
        lastRead = rid;
        dated += inRange;
        if (passes) {
          if (candidates.length === 0) first = read;
          last = read;
          candidates.push(rid);
          scores?.push(score!);
        }
        // Leaving the loop ends an iterated statement (better-sqlite3 resets it): the walk goes no further.
        if (dated >= RANKED_WINDOW && candidates.length >= limit) return true;
      }
      return false;
    };
    for (const range of ranges) {
      if (statements++ > 0) scores = null;
      if (!filtered) {
        const params = { match, ...range, window: RANKED_WINDOW - candidates.length };
        for (const [rid, , , score] of (scores ? this.walks.scored : this.walks.plain).all(params)) {
          candidates.push(rid);
          scores?.push(score!);
        }
        dated = candidates.length;
        if (dated >= RANKED_WINDOW) {
          stoppedAt = candidates[candidates.length - 1]!;
          break;
        }
      } else {
        // The range's newest RANKED_WINDOW matches in one call, which most filters need and no more (a call
        // per row costs more than SQLite's work for it); any further ones row by row, unscored (see ranked).
        const params = { match, ...range, ...filterParams, rank: scores ? 1 : 0 };
        const batch = this.walks.filtered.all({ ...params, window: RANKED_WINDOW });
        let done = take(batch);
        if (!done && batch.length === RANKED_WINDOW) {
          scores = null;
          done = take(this.walks.filtered.iterate({ ...params, hi: batch[batch.length - 1]![0] - 1, rank: 0, window: -1 }));
        }
        if (done) {
          stoppedAt = lastRead;
          break;
        }
      }
      walked += (range.hi - range.lo + 1) * perRowid;
      if (walked >= WALK_BUDGET && candidates.length >= limit) {
        stoppedAt = range.lo;
        break;
      }
    }
    return { candidates, scores, dated, spanned: filtered ? last - first + 1 : candidates.length, stoppedAt };
  }

  /**
   * The rowid ranges a walk takes, newest first, and the index entries a rowid of them costs: one range
   * for one word, or when a word is so rare that FTS5 steps through the others by its few entries;
   * otherwise the first sized to WALK_BUDGET entries, each next one twice as wide, within the messages
   * that exist.
   */
  private ranges(bounds: RowidBounds, entries: (Estimate & Span) | null): { ranges: Iterable<RowidBounds>; perRowid: number } {
    const whole = { ranges: [bounds], perRowid: 0 };
    if (entries === null || entries.rare) return whole;
    const { newest, oldest } = entries;
    if (newest === null || oldest === null) return whole;
    const within = { lo: Math.max(bounds.lo, oldest), hi: Math.min(bounds.hi, newest) };
    const perRowid = entries.total / (newest - oldest + 1);
    return { ranges: newestFirst(within, WALK_BUDGET / perRowid), perRowid };
  }

  /** The best `limit` of the candidates (newest first) by bm25, newer first among equals. */
  private ranked(match: string, candidates: number[], limit: number): number[] {
    if (candidates.length < 2) return candidates;
    const wanted = new Set(candidates);
    const scored: [rid: number, score: number][] = [];
    for (const [rid, score] of this.scores.iterate(match, candidates[candidates.length - 1]!, candidates[0]!)) {
      if (wanted.has(rid)) scored.push([rid, score]);
    }
    scored.sort((a, b) => a[1] - b[1] || b[0] - a[0]);
    return scored.slice(0, limit).map(([rid]) => rid);
  }

  /**
   * Each term's index entries, estimated from how far back its newest FREQUENCY_PROBE matches reach
   * (terms are spread evenly enough through time for this): their sum, and whether a term has fewer
   * matches than that. `lastReach`: where the last term's newest RANKED_WINDOW matches reach, when
   * known (undefined: it has fewer, or it is a prefix).
   */
  private frequencies(quoted: string[], prefix: boolean, { newest, oldest }: Span, lastReach: number | undefined): Estimate {
    if (newest === null || oldest === null) return { total: 0, rare: true };
    let total = 0;
    let rare = false;
    quoted.forEach((term, i) => {
      const isLast = i === quoted.length - 1;
      const [depth, reached] =
        isLast && !prefix && lastReach !== undefined
          ? [RANKED_WINDOW, lastReach]
          : [FREQUENCY_PROBE, this.probe.get(isLast && prefix ? `${term}*` : term, FREQUENCY_PROBE - 1)];
      if (reached === undefined) rare = true;
      else total += (depth * (newest - oldest + 1)) / (newest - reached + 1);
    });
    return { total, rare };
  }

  /**
   * Messages containing every term, as written (case folded). With a term of three characters or more the
   * trigram index narrows the candidates to a handful; with only shorter terms (a two-character Chinese
   * word) there is no trigram to look up, so the indexed messages are scanned.
   */
  private substring(terms: string[], trigrams: string | null, filters: Filters, bounds: RowidBounds): SearchHit[] {
    const candidates = trigrams
      ? 'm.rowid IN (SELECT rowid FROM messages_cjk WHERE messages_cjk MATCH @trigrams AND rowid BETWEEN CAST(@lo AS INTEGER) AND CAST(@hi AS INTEGER))'
      : // FTS5 keeps one row per indexed message in its _docsize table: the messages worth scanning.
        'm.rowid IN (SELECT id FROM messages_cjk_docsize WHERE id BETWEEN @lo AND @hi)';
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
    const params: Record<string, unknown> = { ...filters, ...bounds };
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
