import { localDayKey, type Target } from '../contract/index.js';
import type { Db } from './connection.js';
import type { AnswerFacts, DayFacts } from './history-types.js';

// The exact condition of migration 0004's partial indexes: SQLite uses a partial index only for a query
// whose WHERE implies the index's, so every statement here repeats it word for word.
const FINISHED = `role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped')`;

const TARGETS: readonly Target[] = ['local', 'cloud'];

const QUARTER_HOUR_MS = 15 * 60 * 1000;

interface QuarterRow {
  quarter: number;
  target: Target;
  model: string;
  answers: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
}

interface TotalsRow {
  target: Target;
  answers: number;
  prompt_tokens: number;
  completion_tokens: number;
}

/** The savings dashboard's raw figures, read through the indexes of migration 0004. */
export class HistoryStats {
  private readonly stmt;

  constructor(db: Db) {
    const p = <P extends unknown[] | object, R = unknown>(sql: string) => db.prepare<P, R>(sql);
    this.stmt = {
      // Answers whose words were not kept (migration 0006) count with the rest.
      totals: p<[], TotalsRow>(
        `SELECT target, SUM(answers) AS answers, SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens FROM (
           SELECT target, COUNT(*) AS answers, COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens, COALESCE(SUM(tokens), 0) AS completion_tokens
           FROM messages INDEXED BY messages_finished_answers WHERE ${FINISHED} GROUP BY target
           UNION ALL
           SELECT target, COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(tokens), 0) FROM unkept_answers GROUP BY target
         ) GROUP BY target`,
      ),
      ttft: medianQueries(db, 'ttft_ms'),
      speed: medianQueries(db, 'tokens_per_second'),
      // Sums per quarter hour, turned into local days in JS: SQLite's date(…, 'localtime') asks the C
      // library for the time zone on every row (a system call each), which took 250 ms for 50,000 answers.
      // Every time zone's offset is a multiple of 15 minutes, so a quarter hour never straddles midnight.
      quarters: p<[number, number], QuarterRow>(
        `SELECT created_at / ${QUARTER_HOUR_MS} AS quarter, target, model,
           COUNT(*) AS answers, COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens,
           COALESCE(SUM(tokens), 0) AS completion_tokens, COALESCE(SUM(cost_usd), 0) AS cost_usd
         FROM messages INDEXED BY messages_finished_answers WHERE ${FINISHED} AND created_at >= ?
         GROUP BY quarter, target, model
         UNION ALL
         SELECT created_at / ${QUARTER_HOUR_MS}, target, model, COUNT(*), COALESCE(SUM(prompt_tokens), 0),
           COALESCE(SUM(tokens), 0), COALESCE(SUM(cost_usd), 0)
         FROM unkept_answers WHERE created_at >= ? GROUP BY 1, target, model`,
      ),
    };
  }

  /** Both targets, always in the order local, cloud; a target with no answers has zeros and null medians. */
  answerFacts(): AnswerFacts[] {
    const totals = new Map(this.stmt.totals.all().map((r) => [r.target, r]));
    return TARGETS.map((target) => {
      const t = totals.get(target);
      return {
        target,
        answers: t?.answers ?? 0,
        promptTokens: t?.prompt_tokens ?? 0,
        completionTokens: t?.completion_tokens ?? 0,
        medianTtftMs: median(this.stmt.ttft, target),
        medianTokensPerSecond: median(this.stmt.speed, target),
      };
    });
  }

  /** Sorted by day, then target, then model. */
  dayFacts(since: number): DayFacts[] {
    const days = new Map<string, DayFacts>();
    for (const q of this.stmt.quarters.all(since, since)) {
      const day = localDayKey(new Date(q.quarter * QUARTER_HOUR_MS));
      const key = `${day}\u0000${q.target}\u0000${q.model}`;
      const d = days.get(key) ?? { day, target: q.target, model: q.model, answers: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
      d.answers += q.answers;
      d.promptTokens += q.prompt_tokens;
      d.completionTokens += q.completion_tokens;
      d.costUsd += q.cost_usd;
      days.set(key, d);
    }
    const order = (d: DayFacts) => [d.day, d.target, d.model];
    return [...days.values()].sort((a, b) => compareTuples(order(a), order(b)));
  }
}

/**
 * Statements for the median of a column over one target's finished answers: count the values, then read
 * the middle one or two from the ordered index instead of sorting every answer.
 */
function medianQueries(db: Db, column: 'ttft_ms' | 'tokens_per_second') {
  const values = `FROM messages WHERE ${FINISHED} AND target = ? AND ${column} IS NOT NULL`;
  return {
    count: db.prepare<[Target], number>(`SELECT COUNT(${column}) ${values}`).pluck(),
    at: db.prepare<[Target, number, number], number>(`SELECT ${column} ${values} ORDER BY ${column} LIMIT ? OFFSET ?`).pluck(),
  };
}

/** The median of one target's values, reading only the middle one (odd count) or two (even). */
function median(queries: ReturnType<typeof medianQueries>, target: Target): number | null {
  const count = queries.count.get(target) ?? 0;
  if (count === 0) return null;
  const middle = queries.at.all(target, count % 2 === 1 ? 1 : 2, Math.floor((count - 1) / 2));
  return middle.reduce((a, b) => a + b, 0) / middle.length;
}

function compareTuples(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
