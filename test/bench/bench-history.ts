// npm run bench:history: the history store at the size of a long-used install.
//
// Builds 100,000 messages in 2,000 conversations (50 each, user and assistant in turn) of seeded,
// varied text: sentences drawn with Zipf frequencies from ~3,000 words (English function and
// content words, then made-up words for the long tail), a few hundred rare terms that occur only a
// handful of times, assistant answers local/cloud ~70/30 across several models with tokens, timings
// and costs, spread over 90 days. Then it times, through the History API:
//   inserts   addMessage with one transaction per message (as the app saves), addMessage batched
//             inside one transaction per conversation, and importConversations (the bulk path);
//   search    ~500 queries (common words, rare words, two words, prefixes, filtered), p50/p95;
//   open      openHistory on the finished 100k file (nothing to migrate);
//   migrate   openHistory on the same data saved at the previous schema version: backup + migration;
//   list      listConversations over 2,000 conversations;
//   savings   answerFacts + dayFacts (90 days);
//   delete    deleteConversation (secure delete + checkpoint).
// JSON on stdout, progress on stderr. Everything lives in a temp folder removed at the end.
//
// `-- --messages N` (1,000,000, say): N messages in N/50 conversations (the newest one 2,000 long),
// written straight into the file in one transaction and cached in os.tmpdir()/duet-bench-history-cache
// (DUET_BENCH_CACHE), keyed by a digest of the schema, so reruns skip the build. It times search, the
// sidebar's first page and whole list, opening the longest conversation and the savings dashboard's
// whole query (p50/p95, wall and CPU), with the file's size, at N and at 100,000 beside it. The
// date-filtered searches are also timed on their own (search_dated_ms; search_dated_p95_ms at 100k).
// BENCH_SLOWEST=1 also lists the 20 slowest searches of the set by CPU time on stderr.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MessageStatus, Provenance, SearchRequest } from '../../src-main/contract/index.js';
import { createHistoryStore, latestVersion, migrate, openDatabase, openHistory, schemaVersion, type History } from '../../src-main/history/index.js';
import type { ImportedConversation, ImportedMessage } from '../../src-main/history/history-types.js';
import { computeSavings, savingsChartStart } from '../../src-main/core/savings.js';
import { mulberry32 } from '../support/seeded-random.js';

const CONVERSATIONS = 2_000;
const PER_CONVERSATION = 50;
/** Conversations saved message by message, one transaction each (the app's path). */
const SINGLE_CONVERSATIONS = 100;
/** Conversations saved with addMessage inside one outer transaction each. */
const BATCH_CONVERSATIONS = 100;
const IMPORT_CHUNK = 100;
const SEARCHES = 500;
const SEARCH_WARMUP = 40;
const DELETES = 5;
const TARGET_P95_MS = 10;
const DAYS = 90;
const DAY_MS = 86_400_000;
const SEED = 20240917;

const rand = mulberry32(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const between = (lo: number, hi: number): number => lo + rand() * (hi - lo);
const intBetween = (lo: number, hi: number): number => Math.floor(between(lo, hi + 1));
const log = (line: string): void => void process.stderr.write(`bench:history: ${line}\n`);

// ---------------------------------------------------------------- text

const FUNCTION_WORDS = `the of and to a in is it you that for on with as this be are can or by not your from at have an
will if but more what about which when there so all would use one their how some also do may other into than
then its these them only each most just like should could because over such very any both here after before
while where who why does been were has had make get many much same well up out new first`.split(/\s+/);

const CONTENT_WORDS = `model python function recipe garden travel budget invoice server database query index memory
thread process kernel network router packet latency battery laptop screen keyboard printer camera photo video
music guitar piano lesson student teacher school exam essay grammar vocabulary language translation french
spanish german italian japanese chinese history war empire river mountain forest ocean island weather climate
rain snow storm summer winter spring autumn holiday flight hotel train ticket passport museum castle bridge
street city village market price salary tax loan mortgage bank account payment transfer contract lawyer court
health doctor fever vitamin protein diet exercise running yoga sleep coffee tea bread cheese pasta rice soup
salad chicken beef fish tomato onion garlic pepper sugar butter oven kitchen dinner lunch breakfast wine beer
email letter meeting schedule deadline project manager team client customer report slide chart table column
spreadsheet formula variable loop array string object class method module package library framework compiler
error exception warning debug test deploy release version branch commit merge review feature bug patch update
install config setting option file folder path disk backup archive password security encryption certificate
login user admin permission role policy privacy cookie browser page website domain link search engine result
ranking article story novel poem author chapter book library reader movie actor scene plot series episode
game player score level match team coach season league goal ball football tennis chess puzzle riddle joke
planet star galaxy orbit rocket moon sun light energy solar wind power engine motor car bike bus truck road
traffic map route distance speed time clock calendar date birthday party gift wedding family friend child
parent brother sister dog cat bird horse garden flower tree seed soil water plant harvest farm cow milk egg
science physics chemistry biology atom molecule cell gene protein virus vaccine medicine drug dose therapy
math algebra geometry equation number integer fraction matrix vector graph proof theorem statistics average
probability sample dataset training accuracy loss gradient neural layer token prompt answer question summary
outline draft paragraph sentence word title headline caption quote source reference citation footnote
design color font layout logo icon button menu window dialog form field input output display sound volume
phone message chat call voice text notification alarm reminder note list task habit goal plan idea
strategy marketing sales revenue profit growth startup investor pitch product launch brand campaign audience`.split(/\s+/);

const SYLLABLES = `ka lo mi ne ru sa ti vo ze pa qu bri dra fen gol har jin kel mor nup ost pel rin sul tav umb ver
wix yal zor an el in on un ar er ir or ur al il ol ul ex ab ob ic ac oc`.split(/\s+/);

/** Made-up words for the long tail of the vocabulary (and the rare terms). */
function inventWords(count: number, minSyllables: number, maxSyllables: number, taken: Set<string>): string[] {
  const words: string[] = [];
  while (words.length < count) {
    let word = '';
    for (let i = intBetween(minSyllables, maxSyllables); i > 0; i--) word += pick(SYLLABLES);
    if (word.length < 4 || taken.has(word)) continue;
    taken.add(word);
    words.push(word);
  }
  return words;
}

const taken = new Set([...FUNCTION_WORDS, ...CONTENT_WORDS]);
const VOCABULARY = [...FUNCTION_WORDS, ...CONTENT_WORDS, ...inventWords(3_000 - FUNCTION_WORDS.length - CONTENT_WORDS.length, 2, 4, taken)];
/** Terms that occur in a few messages only, as a name or a code does. */
const RARE_TERMS = inventWords(400, 4, 5, taken);
const usedRareTerms = new Set<string>();

// Zipf frequencies (exponent 1): the word at rank r is drawn with weight 1/r.
const cumulative = new Float64Array(VOCABULARY.length);
VOCABULARY.reduce((sum, _, i) => (cumulative[i] = sum + 1 / (i + 1)), 0);
function word(): string {
  const x = rand() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

function sentence(): string {
  const words = Array.from({ length: intBetween(5, 16) }, word);
  if (rand() < 0.06) {
    const rare = pick(RARE_TERMS);
    usedRareTerms.add(rare);
    words.splice(intBetween(0, words.length), 0, rare);
  }
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}${rand() < 0.15 ? '?' : '.'}`;
}

function paragraph(minWords: number, maxWords: number): string {
  const target = intBetween(minWords, maxWords);
  const sentences: string[] = [];
  for (let words = 0; words < target;) {
    const s = sentence();
    sentences.push(s);
    words += s.split(' ').length;
  }
  return sentences.join(' ');
}

// ---------------------------------------------------------------- conversations

const LOCAL_MODELS = ['qwen2.5-1.5b-instruct-q4_k_m', 'llama-3.2-3b-instruct-q4_k_m', 'phi-3.5-mini-instruct-q4_k_m'];
const CLOUD_MODELS = [
  { model: 'gpt-4o-mini', inUsd: 0.15e-6, outUsd: 0.6e-6 },
  { model: 'gpt-4.1', inUsd: 2e-6, outUsd: 8e-6 },
  { model: 'claude-3-5-haiku', inUsd: 0.8e-6, outUsd: 4e-6 },
];

function provenance(answer: string, question: string): Provenance {
  const tokens = Math.round(answer.split(' ').length * 1.3);
  const promptTokens = Math.round(question.split(' ').length * 1.3) + 20;
  const score = Math.round(rand() * 1000) / 1000;
  if (rand() < 0.7) {
    const tokensPerSecond = between(12, 45);
    const ttftMs = between(120, 900);
    return {
      target: 'local',
      route: rand() < 0.05 ? 'fallback' : 'local',
      reasons: [{ code: 'easy', message: `easy question (score ${score.toFixed(2)})` }],
      score,
      model: pick(LOCAL_MODELS),
      ttftMs,
      tokens,
      tokensPerSecond,
      latencyMs: ttftMs + (tokens / tokensPerSecond) * 1000,
      promptTokens,
      costUsd: null,
      confidence: between(0.5, 0.95),
    };
  }
  const cloud = pick(CLOUD_MODELS);
  const tokensPerSecond = between(40, 120);
  const ttftMs = between(250, 1500);
  return {
    target: 'cloud',
    route: rand() < 0.2 ? 'escalated' : 'cloud',
    reasons: [{ code: 'difficult', message: `hard question (score ${score.toFixed(2)})` }],
    score,
    model: cloud.model,
    ttftMs,
    tokens,
    tokensPerSecond,
    latencyMs: ttftMs + (tokens / tokensPerSecond) * 1000,
    promptTokens,
    costUsd: promptTokens * cloud.inUsd + tokens * cloud.outUsd,
    confidence: null,
  };
}

function answerStatus(): MessageStatus {
  const x = rand();
  return x < 0.97 ? 'complete' : x < 0.99 ? 'stopped' : 'interrupted';
}

/** The whole corpus, oldest conversation first, with times spread over the last DAYS days. */
function makeCorpus(now: number): ImportedConversation[] {
  const start = now - DAYS * DAY_MS;
  return Array.from({ length: CONVERSATIONS }, (_, c): ImportedConversation => {
    let at = Math.round(start + (c / CONVERSATIONS) * (DAYS - 1) * DAY_MS + rand() * 3_600_000);
    const createdAt = at;
    const messages: ImportedMessage[] = [];
    let question = '';
    for (let m = 0; m < PER_CONVERSATION; m++) {
      const user = m % 2 === 0;
      at += Math.round(between(5_000, 240_000));
      const content = user ? paragraph(6, 30) : paragraph(25, 120);
      messages.push({
        id: `bench-m-${c}-${m}`,
        role: user ? 'user' : 'assistant',
        content,
        status: user ? 'complete' : answerStatus(),
        createdAt: at,
        provenance: user ? null : provenance(content, question),
        error: null,
        rerunOf: null,
      });
      if (user) question = content;
    }
    const title = messages[0]!.content.slice(0, 60);
    return { id: `bench-c-${c}`, title, createdAt, updatedAt: at, mode: null, pinned: rand() < 0.01, messages };
  });
}

// ---------------------------------------------------------------- timing helpers

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Size of every file under a folder (a backup folder, say). */
function treeMib(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return round(bytes / 2 ** 20, 1);
}

function fileMib(file: string): number {
  let bytes = 0;
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) bytes += fs.statSync(f).size;
  return round(bytes / 2 ** 20, 1);
}

const REQUIRED: (keyof History)[] = ['search', 'answerFacts', 'dayFacts', 'importConversations', 'listConversations', 'deleteConversation'];

function requireApi(history: History): void {
  const missing = REQUIRED.filter((name) => typeof history[name] !== 'function');
  if (missing.length > 0) throw new Error(`The history store has no ${missing.join(', ')} yet.`);
}

// ---------------------------------------------------------------- phases

interface InsertFigures {
  insert_per_s: number;
  insert_batch_per_s: number;
  import_per_s: number;
}

/** Writes the corpus into a fresh file at the newest schema, timing the three ways of writing. */
function build(file: string, corpus: ImportedConversation[]): InsertFigures {
  const db = openDatabase(file);
  migrate(db);
  const history = createHistoryStore(db);
  requireApi(history);
  const retimed: { id: string; createdAt: number; messages: { createdAt: number }[]; updatedAt: number; ids: string[] }[] = [];

  const save = (conversation: ImportedConversation): void => {
    const { id } = history.createConversation(conversation.title);
    const ids = conversation.messages.map(
      (m) => history.addMessage({ conversationId: id, role: m.role, content: m.content, status: m.status, provenance: m.provenance }).id,
    );
    retimed.push({ ...conversation, id, ids });
  };

  let t = process.hrtime.bigint();
  const single = corpus.slice(0, SINGLE_CONVERSATIONS);
  for (const conversation of single) save(conversation);
  const singleMs = ms(t);
  log(`addMessage, one transaction each: ${single.length * PER_CONVERSATION} messages in ${Math.round(singleMs)} ms`);

  t = process.hrtime.bigint();
  const batched = corpus.slice(SINGLE_CONVERSATIONS, SINGLE_CONVERSATIONS + BATCH_CONVERSATIONS);
  for (const conversation of batched) db.transaction(() => save(conversation))();
  const batchMs = ms(t);
  log(`addMessage, one transaction per conversation: ${batched.length * PER_CONVERSATION} messages in ${Math.round(batchMs)} ms`);

  // addMessage stamps the current time: move those conversations to their place in the 90 days.
  const setMessage = db.prepare('UPDATE messages SET created_at = ?, updated_at = ? WHERE id = ?');
  const setConversation = db.prepare('UPDATE conversations SET created_at = ?, updated_at = ? WHERE id = ?');
  db.transaction(() => {
    for (const c of retimed) {
      setConversation.run(c.createdAt, c.updatedAt, c.id);
      c.ids.forEach((id, i) => setMessage.run(c.messages[i]!.createdAt, c.messages[i]!.createdAt, id));
    }
  })();

  t = process.hrtime.bigint();
  const imported = corpus.slice(SINGLE_CONVERSATIONS + BATCH_CONVERSATIONS);
  for (let i = 0; i < imported.length; i += IMPORT_CHUNK) {
    const result = history.importConversations(imported.slice(i, i + IMPORT_CHUNK));
    if (result.skipped > 0) throw new Error(`importConversations skipped ${result.skipped} new conversations`);
  }
  const importMs = ms(t);
  log(`importConversations: ${imported.length * PER_CONVERSATION} messages in ${Math.round(importMs)} ms`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  history.close();
  return {
    insert_per_s: Math.round((single.length * PER_CONVERSATION) / (singleMs / 1000)),
    insert_batch_per_s: Math.round((batched.length * PER_CONVERSATION) / (batchMs / 1000)),
    import_per_s: Math.round((imported.length * PER_CONVERSATION) / (importMs / 1000)),
  };
}

/** The same rows in a file at the previous schema version (columns both versions have). */
function buildPrevious(file: string, from: string): number {
  const db = openDatabase(file);
  const version = latestVersion() - 1;
  migrate(db, { to: version });
  db.prepare('ATTACH DATABASE ? AS newer').run(from);
  const columns = (schema: string, table: string): string[] => db.prepare(`SELECT name FROM ${schema}.pragma_table_info(?)`).pluck().all(table) as string[];
  // The running totals (0008) are kept by triggers as the messages go in: copying them too would count every message twice.
  const counted = new Set(['message_count', 'finished_answers', 'local_answers']);
  db.transaction(() => {
    for (const table of ['conversations', 'messages', 'settings']) {
      const older = new Set(columns('main', table));
      const shared = columns('newer', table).filter((c) => older.has(c) && !(table === 'conversations' && counted.has(c)));
      if (shared.length === 0) continue;
      const list = shared.map((c) => `"${c}"`).join(', ');
      db.exec(`INSERT INTO main.${table} (${list}) SELECT ${list} FROM newer.${table}`);
    }
  })();
  db.exec('DETACH DATABASE newer');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return version;
}

interface Query {
  kind: 'common' | 'rare' | 'two_words' | 'prefix' | 'filtered';
  request: SearchRequest;
}

function makeQueries(now: number): Query[] {
  // Words people search for: content words that are neither ubiquitous nor vanishingly rare.
  const start = FUNCTION_WORDS.length;
  const common = VOCABULARY.slice(start, start + 250);
  const tail = VOCABULARY.slice(1_500);
  const rare = [...usedRareTerms];
  const queries: Query[] = [];
  const kinds: Query['kind'][] = ['common', 'common', 'common', 'rare', 'rare', 'two_words', 'two_words', 'prefix', 'filtered', 'filtered'];
  for (let i = 0; i < SEARCHES; i++) {
    const kind = kinds[i % kinds.length]!;
    switch (kind) {
      case 'common':
        queries.push({ kind, request: { query: pick(common) } });
        break;
      case 'rare':
        queries.push({ kind, request: { query: rand() < 0.6 ? pick(rare) : pick(tail) } });
        break;
      case 'two_words':
        queries.push({ kind, request: { query: `${pick(common)} ${pick(rand() < 0.5 ? common : tail)}` } });
        break;
      case 'prefix': {
        const w = pick(common.filter((x) => x.length >= 6));
        queries.push({ kind, request: { query: w.slice(0, intBetween(3, 5)) } });
        break;
      }
      case 'filtered': {
        const x = rand();
        const request: SearchRequest = { query: pick(common) };
        if (x < 0.35) request.target = rand() < 0.5 ? 'local' : 'cloud';
        else if (x < 0.6) request.model = pick([...LOCAL_MODELS, ...CLOUD_MODELS.map((c) => c.model)]);
        else {
          const days = pick([1, 7, 30]);
          request.from = now - days * DAY_MS;
          if (rand() < 0.3) request.to = now - Math.floor(days / 2) * DAY_MS;
        }
        queries.push({ kind, request });
        break;
      }
    }
  }
  // Shuffled, so no kind runs in a warm streak.
  for (let i = queries.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [queries[i], queries[j]] = [queries[j]!, queries[i]!];
  }
  return queries;
}

/** Whether a search is limited to dates (the palette's "since" choice). */
function isDated(request: SearchRequest): boolean {
  return request.from !== undefined || request.to !== undefined;
}

function timeSearches(history: History, queries: Query[]): Record<string, unknown> {
  for (const q of queries.slice(0, SEARCH_WARMUP)) history.search(q.request);
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  const dated: number[] = [];
  let hits = 0;
  let empty = 0;
  for (const q of queries) {
    const t = process.hrtime.bigint();
    const found = history.search(q.request);
    const elapsed = ms(t);
    times.push(elapsed);
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), elapsed]);
    if (isDated(q.request)) dated.push(elapsed);
    hits += found.length;
    if (found.length === 0) empty++;
  }
  const p95 = quantile(times, 0.95);
  return {
    searches: queries.length,
    search_p50_ms: round(quantile(times, 0.5)),
    search_p95_ms: round(p95),
    search_max_ms: round(Math.max(...times)),
    target_p95_ms: TARGET_P95_MS,
    meets_target: p95 < TARGET_P95_MS,
    search_mean_hits: round(hits / queries.length, 1),
    search_empty_share: round(empty / queries.length, 3),
    search_by_kind: Object.fromEntries([...byKind].map(([kind, t]) => [kind, { n: t.length, p50_ms: round(quantile(t, 0.5)), p95_ms: round(quantile(t, 0.95)) }])),
    search_dated_p95_ms: round(quantile(dated, 0.95)),
  };
}

function p50Of(runs: number, run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    run();
    times.push(ms(t));
  }
  return round(quantile(times, 0.5));
}

// ---------------------------------------------------------------- --messages N: a large history, cached

/** Bump when the generated corpus changes, so a cached file of the old shape is not reused. */
const FIXTURE_VERSION = 1;
const COMPARISON_MESSAGES = 100_000;
/** Messages of the one long conversation (as the renderer's 2,000-message case). */
const LONGEST = 2_000;
const QUERY_RUNS = 40;
const SAVINGS_DAYS = 30;
const LARGE_TARGETS_MS = { search_p95: 10, list_p95: 20, open_longest_p95: 20, savings_p95: 50 };

interface FixtureMeta {
  messages: number;
  conversations: number;
  longestId: string;
  now: number;
  rareTerms: string[];
}

/** Where the generated file of `messages` messages is kept between runs (os.tmpdir(), or DUET_BENCH_CACHE). */
function fixturePath(messages: number): string {
  const dir = process.env['DUET_BENCH_CACHE'] ?? path.join(os.tmpdir(), 'duet-bench-history-cache');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `history-v${FIXTURE_VERSION}-schema${latestVersion()}-${schemaHash()}-${messages}.sqlite`);
}

/** A digest of the whole schema (tables, indexes, triggers) as the migrations build it: a cached file of another schema is not reused. */
function schemaHash(): string {
  const db = openDatabase(':memory:');
  try {
    migrate(db);
    const sql = db.prepare('SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name').pluck().all().join('\n');
    return createHash('sha256').update(sql).digest('hex').slice(0, 10);
  } finally {
    db.close();
  }
}

/**
 * Writes `messages` messages in messages/50 conversations straight into a file at the newest schema, in
 * one transaction with prepared statements (every trigger runs: search indexes, running totals). The
 * newest conversation has LONGEST messages. Times are spread at the same pace as the 100k corpus
 * (100,000 messages per 90 days), so 1,000,000 spans about two and a half years.
 */
function generateFixture(file: string, messages: number): FixtureMeta {
  const began = process.hrtime.bigint();
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}.json`]) fs.rmSync(f, { force: true });
  const db = openDatabase(`${file}.partial`);
  migrate(db);
  // Nothing to protect while it is being built: no journal, no syncs. The file is renamed into place when done.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const conversations = Math.max(2, Math.round(messages / PER_CONVERSATION));
  const longest = Math.min(LONGEST, Math.floor(messages / 10));
  const perOther = (messages - longest) / (conversations - 1);
  const now = Date.now();
  const span = Math.max(1, Math.round((messages / 100_000) * DAYS)) * DAY_MS;
  const start = now - span;
  const insertConversation = db.prepare('INSERT INTO conversations (id, title, created_at, updated_at, pinned) VALUES (?, ?, ?, ?, ?)');
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at,
       target, reasons, model, ttft_ms, tokens, tokens_per_second, route, score, latency_ms, prompt_tokens, cost_usd, confidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let written = 0;
  db.transaction(() => {
    for (let c = 0; c < conversations; c++) {
      const last = c === conversations - 1;
      const count = last ? messages - written : Math.round((c + 1) * perOther) - Math.round(c * perOther);
      const id = `bench-c-${c}`;
      let at = Math.round(start + (c / conversations) * (span - DAY_MS) + rand() * 3_600_000);
      const createdAt = at;
      let question = '';
      let title = '';
      const rows: unknown[][] = [];
      for (let m = 0; m < count; m++) {
        const user = m % 2 === 0;
        at += Math.round(between(5_000, user ? 240_000 : 30_000));
        const content = user ? paragraph(6, 30) : paragraph(25, 120);
        if (m === 0) title = content.slice(0, 60);
        const p = user ? null : provenance(content, question);
        if (user) question = content;
        rows.push([
          `bench-m-${c}-${m}`,
          id,
          m + 1,
          user ? 'user' : 'assistant',
          content,
          user ? 'complete' : answerStatus(),
          at,
          at,
          p?.target ?? null,
          p ? JSON.stringify(p.reasons) : null,
          p?.model ?? null,
          p?.ttftMs ?? null,
          p?.tokens ?? null,
          p?.tokensPerSecond ?? null,
          p?.route ?? null,
          p?.score ?? null,
          p?.latencyMs ?? null,
          p?.promptTokens ?? null,
          p?.costUsd ?? null,
          p?.confidence ?? null,
        ]);
      }
      insertConversation.run(id, title || 'empty', createdAt, at, rand() < 0.01 ? 1 : 0);
      for (const row of rows) insertMessage.run(...row);
      written += count;
      if (c % 1000 === 999) log(`generating: ${written} of ${messages} messages, ${Math.round(ms(began) / 1000)} s`);
    }
  })();
  db.pragma('journal_mode = DELETE');
  db.exec('ANALYZE');
  db.close();
  fs.renameSync(`${file}.partial`, file);
  const meta: FixtureMeta = { messages, conversations, longestId: `bench-c-${conversations - 1}`, now, rareTerms: [...usedRareTerms] };
  fs.writeFileSync(`${file}.json`, JSON.stringify(meta));
  log(`generated ${messages} messages in ${Math.round(ms(began) / 1000)} s: ${file}`);
  return meta;
}

/** The cached file of `messages` messages, generated when missing. */
function fixture(messages: number): { file: string; meta: FixtureMeta } {
  const file = fixturePath(messages);
  if (fs.existsSync(file) && fs.existsSync(`${file}.json`)) {
    log(`using the cached ${file}`);
    return { file, meta: JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as FixtureMeta };
  }
  return { file, meta: generateFixture(file, messages) };
}

interface Times {
  p50_ms: number;
  p95_ms: number;
  /** The same in CPU time of this process: on a loaded shared machine the wall clock also counts waiting for a core. */
  cpu_p50_ms: number;
  cpu_p95_ms: number;
}

/** Wall and CPU time of each run. */
function timesOf(runs: number, run: (i: number) => void): Times {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    run(i);
    wall.push(ms(t));
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const q = (values: number[], at: number) => round(quantile(values, at));
  return { p50_ms: q(wall, 0.5), p95_ms: q(wall, 0.95), cpu_p50_ms: q(cpu, 0.5), cpu_p95_ms: q(cpu, 0.95) };
}

// The sidebar's pages (LIST_PAGE in src-renderer/lib/state/conversation-list.svelte.ts): the first as
// it opens, then one far down as the user scrolls.
const LIST_PAGE = 100;

/** What the user waits for, on one cached file: search, the sidebar's list, the longest conversation, the savings dashboard. */
async function measureLarge(messages: number): Promise<Record<string, unknown>> {
  const { file, meta } = fixture(messages);
  usedRareTerms.clear();
  for (const t of meta.rareTerms) usedRareTerms.add(t);
  const history = await openHistory(file, { backupDir: path.join(path.dirname(file), 'backups') });
  try {
    const queries = makeQueries(meta.now);
    for (const q of queries.slice(0, SEARCH_WARMUP)) history.search(q.request);
    let hits = 0;
    const search = timesOf(queries.length, (i) => (hits += history.search(queries[i]!.request).length));
    const kinds = [...new Set(queries.map((q) => q.kind))].map((kind) => {
      const of = queries.filter((q) => q.kind === kind);
      return [kind, { n: of.length, ...timesOf(of.length, (i) => history.search(of[i]!.request)) }] as const;
    });
    if (process.env['BENCH_SLOWEST'] === '1') logSlowest(history, queries, messages);
    // The date-filtered searches on their own ("since last week" in the palette): once the slowest kind.
    const dated = queries.filter((q) => isDated(q.request));
    const datedTimes = timesOf(dated.length, (i) => history.search(dated[i]!.request));
    let listed = 0;
    history.listConversations();
    const list = timesOf(QUERY_RUNS, () => (listed = history.listConversations().length));
    if (listed !== meta.conversations) throw new Error(`listConversations returned ${listed} of ${meta.conversations} conversations`);
    const page = timesOf(QUERY_RUNS, () => (listed = history.listConversations({ limit: LIST_PAGE }).length));
    if (listed !== LIST_PAGE) throw new Error(`The first page held ${listed} conversations`);
    const middle = history.listConversations({ limit: Math.floor(meta.conversations / 2) }).at(-1)!;
    const after = { pinned: middle.pinned, updatedAt: middle.updatedAt, id: middle.id };
    let paged = 0;
    const nextPage = timesOf(QUERY_RUNS, () => (paged = history.listConversations({ limit: LIST_PAGE, after }).length));
    if (paged !== LIST_PAGE) throw new Error(`The page after the middle held ${paged} conversations`);
    let opened = 0;
    const open = timesOf(QUERY_RUNS, () => (opened = history.getConversation(meta.longestId)?.messages.length ?? 0));
    // The dashboard's whole query, as HistoryService.savings runs it.
    const now = new Date(meta.now);
    let local = 0;
    const savings = timesOf(QUERY_RUNS, () => {
      const s = computeSavings({
        answers: history.answerFacts(),
        dayFacts: history.dayFacts(savingsChartStart(SAVINGS_DAYS, now)),
        cloudModel: 'gpt-4o-mini',
        days: SAVINGS_DAYS,
        now,
      });
      local = s.local.answers;
    });
    if (local === 0) throw new Error('The savings dashboard counted no local answers');
    const bytes = [file, `${file}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
    const figures = {
      messages,
      conversations: meta.conversations,
      search_ms: { ...search, searches: queries.length, mean_hits: round(hits / queries.length, 1) },
      search_by_kind_ms: Object.fromEntries(kinds),
      search_dated_ms: { n: dated.length, ...datedTimes },
      list_first_page_ms: { ...page, conversations: LIST_PAGE },
      list_middle_page_ms: { ...nextPage, conversations: LIST_PAGE },
      list_all_ms: { ...list, conversations: meta.conversations },
      open_longest_ms: { ...open, messages: opened },
      savings_ms: savings,
      db_bytes: bytes,
    };
    log(
      `${messages}: search p95 ${search.p95_ms} ms, first page p95 ${page.p95_ms} ms, middle page p95 ${nextPage.p95_ms} ms, all ${list.p95_ms} ms, open p95 ${open.p95_ms} ms, savings p95 ${savings.p95_ms} ms`,
    );
    return figures;
  } finally {
    history.close();
  }
}

/** How many of the slowest searches BENCH_SLOWEST=1 prints. */
const SLOWEST = 20;

/**
 * BENCH_SLOWEST=1: the slowest SLOWEST searches of the set by CPU time (the least of three runs, so a
 * preemption does not rank a fast one), on stderr: which query shapes to look at.
 */
function logSlowest(history: History, queries: Query[], messages: number): void {
  const cpu = queries.map((q) => {
    let least = Infinity;
    let hits = 0;
    for (let run = 0; run < 3; run++) {
      const c = process.cpuUsage();
      hits = history.search(q.request).length;
      const used = process.cpuUsage(c);
      least = Math.min(least, (used.user + used.system) / 1000);
    }
    return { q, least, hits };
  });
  cpu.sort((a, b) => b.least - a.least);
  log(`${messages}: the ${SLOWEST} slowest searches (least CPU ms of 3 runs):`);
  for (const { q, least, hits } of cpu.slice(0, SLOWEST)) {
    const { query, ...filters } = q.request;
    log(`  ${round(least, 2)} ms  ${q.kind}  ${JSON.stringify(query)}${Object.keys(filters).length > 0 ? ` ${JSON.stringify(filters)}` : ''}  ${hits} hits`);
  }
}

/** `--messages N`: the figures at N (and at 100,000 beside them), against the targets. */
async function mainLarge(messages: number): Promise<void> {
  const began = process.hrtime.bigint();
  const loadBefore = os.loadavg();
  const at = await measureLarge(messages);
  const comparison = messages === COMPARISON_MESSAGES ? null : await measureLarge(COMPARISON_MESSAGES);
  const p95 = (key: string) => (at[key] as Times).p95_ms;
  const meets = {
    search: p95('search_ms') < LARGE_TARGETS_MS.search_p95,
    list_first_page: p95('list_first_page_ms') < LARGE_TARGETS_MS.list_p95,
    open_longest: p95('open_longest_ms') < LARGE_TARGETS_MS.open_longest_p95,
    savings: p95('savings_ms') < LARGE_TARGETS_MS.savings_p95,
  };
  console.log(
    JSON.stringify(
      {
        ...at,
        targets_ms: LARGE_TARGETS_MS,
        meets_targets: meets,
        [`at_${COMPARISON_MESSAGES}`]: comparison,
        total_s: round(ms(began) / 1000, 1),
        machine: { cpus: os.cpus().length, load_avg_start: loadBefore.map((x) => round(x, 2)), load_avg_end: os.loadavg().map((x) => round(x, 2)) },
      },
      null,
      2,
    ),
  );
}

/** The value of `--messages N` (or `--messages=N`), or null. */
function messagesArg(argv: readonly string[]): number | null {
  const i = argv.findIndex((a) => a === '--messages' || a.startsWith('--messages='));
  if (i < 0) return null;
  const raw = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1_000) throw new Error(`--messages wants a whole number of at least 1000, not ${raw}`);
  return n;
}

async function main(): Promise<void> {
  const large = messagesArg(process.argv.slice(2));
  if (large !== null) return mainLarge(large);
  const began = process.hrtime.bigint();
  // These machines are shared: the load around the run says how far to trust its absolute figures.
  const loadBefore = os.loadavg()[0]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-bench-history-'));
  try {
    const now = Date.now();
    const corpus = makeCorpus(now);
    const messages = corpus.length * PER_CONVERSATION;
    log(`corpus: ${corpus.length} conversations, ${messages} messages, ${usedRareTerms.size} rare terms in ${Math.round(ms(began))} ms`);

    const file = path.join(dir, 'duet.sqlite');
    const inserts = build(file, corpus);
    const dbMib = fileMib(file);

    const previousFile = path.join(path.join(dir, 'previous'), 'duet.sqlite');
    fs.mkdirSync(path.dirname(previousFile));
    const previousVersion = buildPrevious(previousFile, file);
    log(`previous-version copy (schema ${previousVersion}) written`);

    // Open: the finished file, nothing to migrate. The first open reads a cold-ish file; the median is the usual start.
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      const h = await openHistory(file);
      opens.push(ms(t));
      h.close();
    }
    log(`open: ${opens.map((x) => Math.round(x)).join(', ')} ms`);

    // Migrate: the previous version's file, backed up and brought up to date by openHistory.
    const before = new Set(fs.readdirSync(path.dirname(previousFile)));
    let t = process.hrtime.bigint();
    const migrated = await openHistory(previousFile);
    const migrateMs = ms(t);
    const migratedMessages = migrated.listConversations().reduce((n, c) => n + c.messageCount, 0);
    const migratedHits = migrated.search({ query: CONTENT_WORDS[0]! }).length;
    migrated.close();
    const check = openDatabase(previousFile, { readonly: true });
    const migratedVersion = schemaVersion(check);
    check.close();
    // Whatever openHistory added beside the file (a backup file or folder), besides SQLite's own -wal and -shm.
    const backups = fs.readdirSync(path.dirname(previousFile)).filter((f) => !before.has(f) && !/-(wal|shm)$/.test(f));
    const backupMib = backups.reduce((mib, f) => {
      const full = path.join(path.dirname(previousFile), f);
      return mib + (fs.statSync(full).isDirectory() ? treeMib(full) : fileMib(full));
    }, 0);
    log(
      `backup + migrate ${previousVersion} → ${migratedVersion}: ${Math.round(migrateMs)} ms; ${migratedMessages} messages, backup ${backups.join(', ') || 'none found'}`,
    );
    if (migratedMessages !== messages) throw new Error(`The migrated file holds ${migratedMessages} messages, expected ${messages}`);
    if (migratedHits === 0) throw new Error('Search finds nothing in the migrated file: the backfill missed the old messages');
    fs.rmSync(path.dirname(previousFile), { recursive: true, force: true });

    const history = await openHistory(file);
    const search = timeSearches(history, makeQueries(now));
    log(`search: p50 ${Number(search.search_p50_ms)} ms, p95 ${Number(search.search_p95_ms)} ms`);

    let conversations = 0;
    const listMs = p50Of(50, () => (conversations = history.listConversations().length));
    if (conversations !== CONVERSATIONS) throw new Error(`listConversations returned ${conversations} conversations`);
    log(`list: p50 ${listMs} ms`);

    const savingsMs = p50Of(10, () => {
      history.answerFacts();
      history.dayFacts(now - DAYS * DAY_MS);
    });
    const answerFactsMs = p50Of(5, () => history.answerFacts());
    const dayFactsMs = p50Of(5, () => history.dayFacts(now - DAYS * DAY_MS));
    log(`savings: p50 ${savingsMs} ms`);

    // Each delete rewrites the index pages of every word the conversation used (secure delete): few suffice.
    const victims = history
      .listConversations()
      .slice(0, DELETES)
      .map((c) => c.id);
    const deletes: number[] = [];
    for (const id of victims) {
      t = process.hrtime.bigint();
      if (!history.deleteConversation(id)) throw new Error(`deleteConversation(${id}) found nothing`);
      deletes.push(ms(t));
    }
    history.close();
    log(`delete: ${deletes.map((x) => round(x, 1)).join(', ')} ms`);

    console.log(
      JSON.stringify(
        {
          conversations: CONVERSATIONS,
          messages,
          ...inserts,
          ...search,
          open_ms: round(quantile(opens, 0.5)),
          open_first_ms: round(opens[0]!),
          schema_from: previousVersion,
          schema_to: migratedVersion,
          backup_and_migrate_ms: round(migrateMs),
          backup_mib: round(backupMib, 1),
          list_ms_p50: listMs,
          savings_ms: savingsMs,
          answer_facts_ms: answerFactsMs,
          day_facts_ms: dayFactsMs,
          delete_ms: round(quantile(deletes, 0.5)),
          delete_max_ms: round(Math.max(...deletes)),
          db_mib: dbMib,
          total_s: round(ms(began) / 1000, 1),
          machine: { cpus: os.cpus().length, load_1m_start: round(loadBefore, 2), load_1m_end: round(os.loadavg()[0]!, 2) },
        },
        null,
        2,
      ),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:history failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
