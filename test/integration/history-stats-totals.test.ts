import { describe, expect, it } from 'vitest';
import type { MessageStatus, Provenance, Target } from '../../src-main/contract/index.js';
import { latestVersion, migrate, openDatabase, schemaVersion, type Db, type History, type ImportedConversation } from '../../src-main/history/index.js';
import { useHistoryFolder } from '../support/history-fixture.js';
import { provenance } from '../support/history-samples.js';
import { mulberry32 } from '../support/seeded-random.js';

// The running totals of migration 0008 (kept by triggers) against a recount from the rows themselves,
// after each way the rows change: answers saved as the app saves them, deletes by any path, imports,
// and an upgrade of a version 7 file that already holds a history.

const temp = useHistoryFolder('history-stats-totals');

const FINISHED = `role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped')`;
const QUARTER = 15 * 60 * 1000;

/** What every running total holds, read from its table and recounted from scratch, side by side. */
function totalsAndRecount(db: Db) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    kept: {
      conversations: all('SELECT id, message_count, finished_answers, local_answers FROM conversations ORDER BY id'),
      quarters: all('SELECT quarter, target, model, answers, prompt_tokens, completion_tokens, ROUND(cost_usd, 9) AS cost FROM answer_quarters ORDER BY 1, 2, 3'),
      totals: all('SELECT target, model, answers, prompt_tokens, completion_tokens, ROUND(cost_usd, 9) AS cost FROM answer_totals ORDER BY 1, 2'),
      buckets: all('SELECT target, metric, bucket, n FROM answer_median_buckets ORDER BY 1, 2, 3'),
    },
    recount: {
      conversations: all(`SELECT c.id,
          (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count,
          (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND ${FINISHED}) AS finished_answers,
          (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND ${FINISHED} AND target = 'local') AS local_answers
        FROM conversations c ORDER BY c.id`),
      quarters: all(`SELECT quarter, target, model, SUM(n) AS answers, SUM(p) AS prompt_tokens, SUM(t) AS completion_tokens, ROUND(SUM(cost), 9) AS cost FROM (
          SELECT created_at / ${QUARTER} AS quarter, target, COALESCE(model, '') AS model, 1 AS n, COALESCE(prompt_tokens, 0) AS p, COALESCE(tokens, 0) AS t, COALESCE(cost_usd, 0) AS cost
          FROM messages WHERE ${FINISHED}
          UNION ALL
          SELECT created_at / ${QUARTER}, target, model, 1, COALESCE(prompt_tokens, 0), COALESCE(tokens, 0), COALESCE(cost_usd, 0) FROM unkept_answers
        ) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
      totals: all(`SELECT target, model, SUM(n) AS answers, SUM(p) AS prompt_tokens, SUM(t) AS completion_tokens, ROUND(SUM(cost), 9) AS cost FROM (
          SELECT target, COALESCE(model, '') AS model, 1 AS n, COALESCE(prompt_tokens, 0) AS p, COALESCE(tokens, 0) AS t, COALESCE(cost_usd, 0) AS cost
          FROM messages WHERE ${FINISHED}
          UNION ALL
          SELECT target, model, 1, COALESCE(prompt_tokens, 0), COALESCE(tokens, 0), COALESCE(cost_usd, 0) FROM unkept_answers
        ) GROUP BY 1, 2 ORDER BY 1, 2`),
      buckets: all(`SELECT target, metric, bucket, COUNT(*) AS n FROM (
          SELECT target, 'ttft' AS metric, CAST(floor(ttft_ms / 8.0) AS INTEGER) AS bucket FROM messages WHERE ${FINISHED} AND ttft_ms IS NOT NULL
          UNION ALL
          SELECT target, 'speed', CAST(floor(tokens_per_second) AS INTEGER) FROM messages WHERE ${FINISHED} AND tokens_per_second IS NOT NULL
        ) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    },
  };
}

/** The medians as the dashboard defines them, from every value sorted. */
function recountMedians(db: Db, target: Target): { ttft: number | null; speed: number | null } {
  const median = (column: string) => {
    const values = db
      .prepare(`SELECT ${column} FROM messages WHERE ${FINISHED} AND target = ? AND ${column} IS NOT NULL ORDER BY ${column}`)
      .pluck()
      .all(target) as number[];
    if (values.length === 0) return null;
    const mid = Math.floor((values.length - 1) / 2);
    return values.length % 2 === 1 ? values[mid]! : (values[mid]! + values[mid + 1]!) / 2;
  };
  return { ttft: median('ttft_ms'), speed: median('tokens_per_second') };
}

/** Reads the file through a connection of its own (the store's may be closed or busy) and checks every total. */
function expectTotalsToMatchRecount(file: string, history?: History): void {
  const db = openDatabase(file, { readonly: true });
  try {
    const { kept, recount } = totalsAndRecount(db);
    expect(kept).toEqual(recount);
    if (history) {
      for (const facts of history.answerFacts()) {
        const medians = recountMedians(db, facts.target);
        expect({ target: facts.target, ttft: facts.medianTtftMs, speed: facts.medianTokensPerSecond }).toEqual({ target: facts.target, ...medians });
      }
    }
  } finally {
    db.close();
  }
}

const rand = mulberry32(20261130);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** A provenance with random figures; some figures missing, as older or interrupted answers have. */
function randomProvenance(): Provenance {
  const target: Target = rand() < 0.6 ? 'local' : 'cloud';
  return provenance({
    target,
    route: target,
    model: pick(target === 'local' ? ['tiny', 'small'] : ['gpt', 'claude']),
    ttftMs: rand() < 0.1 ? null : Math.round(rand() * 2000 * 100) / 100,
    tokens: Math.floor(rand() * 500),
    tokensPerSecond: rand() < 0.1 ? null : Math.round(rand() * 80 * 100) / 100,
    promptTokens: rand() < 0.1 ? null : Math.floor(rand() * 300),
    costUsd: target === 'cloud' && rand() < 0.9 ? Math.round(rand() * 1e6) / 1e9 : null,
  });
}

const STATUSES: MessageStatus[] = ['complete', 'complete', 'complete', 'stopped', 'error', 'interrupted'];

/** Conversations of questions and answers as an export file holds them, at random times over a month. */
function randomImport(prefix: string, conversations: number): ImportedConversation[] {
  const start = Date.UTC(2026, 9, 1);
  return Array.from({ length: conversations }, (_, c) => {
    const at = start + Math.floor(rand() * 30 * 86_400_000);
    const messages = Array.from({ length: 2 + 2 * Math.floor(rand() * 4) }, (_, i) => {
      const answer = i % 2 === 1;
      return {
        id: `${prefix}-m${c}-${i}`,
        role: answer ? ('assistant' as const) : ('user' as const),
        content: `message ${i}`,
        status: answer ? pick(STATUSES) : ('complete' as const),
        createdAt: at + i * 60_000,
        provenance: answer && rand() < 0.9 ? randomProvenance() : null,
        error: null,
        rerunOf: null,
      };
    });
    return { id: `${prefix}-c${c}`, title: `Imported ${c}`, createdAt: at, updatedAt: at + messages.length * 60_000, mode: null, pinned: false, messages };
  });
}

describe('the running totals of the sidebar and the savings', () => {
  it('equal a recount after answers saved as the app saves them: streamed, finished, stopped, failed, re-run', async () => {
    const history = await temp.open();
    for (let c = 0; c < 6; c++) {
      const { id } = history.createConversation(`Chat ${c}`);
      for (let turn = 0; turn < 5; turn++) {
        history.addMessage({ conversationId: id, role: 'user', content: `question ${turn}`, status: 'complete' });
        const answer = history.addMessage({ conversationId: id, role: 'assistant', content: '', status: 'streaming' });
        for (const text of ['The', 'The answer', 'The answer is']) history.updateMessage(answer.id, { content: text });
        const status = pick<MessageStatus>(['complete', 'complete', 'stopped', 'error']);
        history.updateMessage(answer.id, { status, provenance: randomProvenance(), ...(status === 'error' ? { error: { code: 'internal', message: 'failed' } } : {}) });
        // Asking the other side re-runs an answer; the new one may finish on the other target.
        if (rand() < 0.3)
          history.addMessage({ conversationId: id, role: 'assistant', content: 'again', status: 'complete', provenance: randomProvenance(), rerunOf: answer.id });
        // A finished answer's figures may be corrected afterwards (a late usage report).
        if (rand() < 0.2) history.updateMessage(answer.id, { provenance: randomProvenance() });
      }
    }
    // Answers a crash left streaming become interrupted: not finished, so not counted.
    const { id } = history.createConversation('Crashed');
    history.addMessage({ conversationId: id, role: 'assistant', content: 'half', status: 'streaming', provenance: randomProvenance() });
    expect(history.markInterrupted()).toBe(1);

    expectTotalsToMatchRecount(temp.file, history);
    const listed = history.listConversations();
    expect(listed.find((c) => c.id === id)).toMatchObject({ messageCount: 1, localShare: null });
    expect(listed.reduce((n, c) => n + c.messageCount, 0)).toBeGreaterThan(60);
  });

  it('equal a recount after deletes by every path: delete, keeping figures, a retention sweep, the unkept figures removed', async () => {
    const history = await temp.open();
    history.importConversations(randomImport('del', 30));
    expectTotalsToMatchRecount(temp.file, history);
    const before = history.answerFacts();

    const [first, second, ...rest] = history.listConversations();
    history.deleteConversation(first!.id);
    // Keeping the figures moves them to unkept_answers: the savings totals stay where they were for it.
    const keptAnswers = history.getConversation(second!.id)!.messages.filter((m) => m.provenance && ['complete', 'stopped'].includes(m.status)).length;
    history.deleteConversation(second!.id, { keepFigures: true });
    expectTotalsToMatchRecount(temp.file, history);

    // Any other path through SQL, another connection included (a retention sweep deletes by age).
    const db = temp.closeAfter(openDatabase(temp.file));
    const cutoff = rest[Math.floor(rest.length / 2)]!.updatedAt;
    expect(db.prepare('DELETE FROM conversations WHERE updated_at < ? AND pinned = 0').run(cutoff).changes).toBeGreaterThan(0);
    expectTotalsToMatchRecount(temp.file, history);
    db.prepare("DELETE FROM messages WHERE rowid IN (SELECT rowid FROM messages WHERE role = 'assistant' LIMIT 3)").run();
    expectTotalsToMatchRecount(temp.file, history);
    expect(db.prepare('DELETE FROM unkept_answers WHERE rowid IN (SELECT rowid FROM unkept_answers LIMIT 1)').run().changes).toBe(keptAnswers > 0 ? 1 : 0);
    expectTotalsToMatchRecount(temp.file, history);

    const after = history.answerFacts();
    expect(after.reduce((n, f) => n + f.answers, 0)).toBeLessThan(before.reduce((n, f) => n + f.answers, 0));
    // Deleting everything leaves every total empty, not rows of zeros.
    db.exec('DELETE FROM conversations; DELETE FROM unkept_answers;');
    const { kept } = totalsAndRecount(db);
    expect(kept).toEqual({ conversations: [], quarters: [], totals: [], buckets: [] });
    expect(history.answerFacts().map((f) => [f.answers, f.medianTtftMs, f.costUsd])).toEqual([
      [0, null, 0],
      [0, null, 0],
    ]);
  });

  it('equal a recount after imports, a file imported twice adding nothing', async () => {
    const history = await temp.open();
    const file = randomImport('imp', 40);
    history.importConversations(file);
    const once = history.answerFacts();
    expect(history.importConversations(file).skipped).toBe(40);
    expect(history.answerFacts()).toEqual(once);
    history.importConversations(randomImport('imp2', 25));
    expectTotalsToMatchRecount(temp.file, history);
    const days = history.dayFacts(0);
    expect(days.reduce((n, d) => n + d.answers, 0)).toBe(history.answerFacts().reduce((n, f) => n + f.answers, 0));
  });

  it('are built by the upgrade of a version 7 file that holds conversations, answers and unkept figures', async () => {
    const db = openDatabase(temp.file);
    migrate(db, { to: 7 });
    const insertConversation = db.prepare('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const insertMessage = db.prepare(
      `INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at, target, reasons, model, ttft_ms, tokens, tokens_per_second, prompt_tokens, cost_usd)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const c of randomImport('old', 50)) {
        insertConversation.run(c.id, c.title, c.createdAt, c.updatedAt);
        c.messages.forEach((m, i) => {
          const p = m.provenance;
          insertMessage.run(
            m.id,
            c.id,
            i + 1,
            m.role,
            m.content,
            m.status,
            m.createdAt,
            m.createdAt,
            p?.target ?? null,
            p ? p.model : null,
            p?.ttftMs ?? null,
            p ? p.tokens : null,
            p?.tokensPerSecond ?? null,
            p?.promptTokens ?? null,
            p?.costUsd ?? null,
          );
        });
      }
      db.prepare(
        "INSERT INTO unkept_answers (created_at, target, model, prompt_tokens, tokens, cost_usd) VALUES (1767225600000, 'cloud', 'gpt', 10, 20, 0.5), (1767225600000, 'local', 'tiny', NULL, 5, NULL)",
      ).run();
    })();
    db.close();

    const history = await temp.open();
    const check = temp.closeAfter(openDatabase(temp.file, { readonly: true }));
    expect(schemaVersion(check)).toBe(latestVersion());
    expectTotalsToMatchRecount(temp.file, history);
    const cloud = history.answerFacts().find((f) => f.target === 'cloud')!;
    const recounted = check
      .prepare(`SELECT COUNT(*) + 1 AS n, ROUND(COALESCE(SUM(cost_usd), 0) + 0.5, 9) AS cost FROM messages WHERE ${FINISHED} AND target = 'cloud'`)
      .get() as { n: number; cost: number };
    expect({ answers: cloud.answers, cost: Math.round(cloud.costUsd * 1e9) / 1e9 }).toEqual({ answers: recounted.n, cost: recounted.cost });
    // The sidebar reads the counts the upgrade wrote.
    const summary = history.listConversations().find((c) => c.id === 'old-c0')!;
    expect(summary.messageCount).toBe(check.prepare("SELECT COUNT(*) FROM messages WHERE conversation_id = 'old-c0'").pluck().get());
  });

  it('give the medians of every value, odd and even counts, through random saves and deletes', async () => {
    const history = await temp.open();
    for (let round = 0; round < 6; round++) {
      history.importConversations(randomImport(`r${round}`, 15));
      const list = history.listConversations();
      for (let i = 0; i < 4; i++) history.deleteConversation(pick(list).id);
      expectTotalsToMatchRecount(temp.file, history);
    }
  });
});
