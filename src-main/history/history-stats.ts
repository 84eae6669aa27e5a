import { localDayKey, type Target } from '../contract/index.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.js';
import { MEDIAN_BUCKET_WIDTH, QUARTER_HOUR_MS } from './migrations/0008-running-totals.js';
import type { AnswerFacts, DayFacts } from './history-types.js';

// The exact condition of migration 0004's partial indexes: SQLite uses a partial index only for a query
// whose WHERE implies the index's, so every statement here repeats it word for word.
const FINISHED = `role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped')`;

const TARGETS: readonly Target[] = ['local', 'cloud'];

interface QuarterRow {
  quarter: number;
  target: Target;
  model: string;
  answers: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
}

/** The same sums, per local day instead of per quarter-hour. */
type DayRow = Omit<QuarterRow, 'quarter'> & { day: string };

interface TotalsRow {
  target: Target;
  answers: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
}

type Metric = keyof typeof MEDIAN_BUCKET_WIDTH;

/**
 * The savings dashboard's raw figures, read from the running totals of migration 0008 (kept by
 * triggers): a few rows whatever the size of the history.
 */
export class HistoryStats {
  private readonly stmt;

  constructor(db: Db) {
    const p = <P extends unknown[] | object, R = unknown>(sql: string) => db.prepare<P, R>(sql);
    const median = (metric: Metric, column: 'ttft_ms' | 'tokens_per_second') => ({
      buckets: p<[Target], { bucket: number; n: number }>(
        `SELECT bucket, n FROM answer_median_buckets WHERE target = ? AND metric = '${metric}' AND n > 0 ORDER BY bucket`,
      ),
      // From the bucket's lower bound on, through the ordered index of migration 0004.
      from: p<[Target, number, number, number], number>(
        `SELECT ${column} FROM messages WHERE ${FINISHED} AND target = ? AND ${column} >= ? ORDER BY ${column} LIMIT ? OFFSET ?`,
      ).pluck(),
    });
    this.stmt = {
      // Answers whose words were not kept (migration 0006) are in the totals too.
      totals: p<[], TotalsRow>(
        `SELECT target, SUM(answers) AS answers, SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,
           SUM(cost_usd) AS cost_usd
         FROM answer_totals GROUP BY target`,
      ),
      ttft: median('ttft', 'ttft_ms'),
      speed: median('speed', 'tokens_per_second'),
      // Sums per quarter hour, turned into local days in JS: SQLite's date(…, 'localtime') asks the C
      // library for the time zone on every row, and the time zone may change after the sums were kept.
      // Every time zone's offset is a multiple of 15 minutes, so a quarter hour never straddles midnight.
      quarterRange: p<[number], { lo: number | null; hi: number | null }>('SELECT MIN(quarter) AS lo, MAX(quarter) AS hi FROM answer_quarters WHERE quarter >= ?'),
      // Summed per local day in SQL: JS works out each day's quarters (local midnights, DST included) and
      // SQLite adds up each day's range of the primary key, so a month is a few dozen rows, not thousands.
      days: p<[string], DayRow>(
        `WITH days AS (SELECT value ->> 0 AS day, value ->> 1 AS lo, value ->> 2 AS hi FROM json_each(?))
         SELECT days.day, q.target, q.model, SUM(q.answers) AS answers, SUM(q.prompt_tokens) AS prompt_tokens,
           SUM(q.completion_tokens) AS completion_tokens, SUM(q.cost_usd) AS cost_usd
         FROM days CROSS JOIN answer_quarters q ON q.quarter >= days.lo AND q.quarter < days.hi
         GROUP BY days.day, q.target, q.model`,
      ),
      // The part of a quarter hour from a `since` that is not on a quarter's start, from the rows themselves.
      partialQuarter: p<[number, number, number, number], QuarterRow>(
        `SELECT created_at / ${QUARTER_HOUR_MS} AS quarter, target, model,
           COUNT(*) AS answers, COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens,
           COALESCE(SUM(tokens), 0) AS completion_tokens, COALESCE(SUM(cost_usd), 0) AS cost_usd
         FROM messages INDEXED BY messages_finished_answers WHERE ${FINISHED} AND created_at >= ? AND created_at < ?
         GROUP BY quarter, target, model
         UNION ALL
         SELECT created_at / ${QUARTER_HOUR_MS}, target, model, COUNT(*), COALESCE(SUM(prompt_tokens), 0),
           COALESCE(SUM(tokens), 0), COALESCE(SUM(cost_usd), 0)
         FROM unkept_answers WHERE created_at >= ? AND created_at < ? GROUP BY 1, target, model`,
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
        costUsd: t?.cost_usd ?? 0,
        medianTtftMs: median(this.stmt.ttft, target, MEDIAN_BUCKET_WIDTH.ttft),
        medianTokensPerSecond: median(this.stmt.speed, target, MEDIAN_BUCKET_WIDTH.speed),
      };
    });
  }

  /** Sorted by day, then target, then model. */
  dayFacts(since: number): DayFacts[] {
    // The first whole quarter hour at or after `since`; the answers before it, from `since` on, are read from the rows.
    const firstQuarter = Math.ceil(since / QUARTER_HOUR_MS);
    const firstWhole = firstQuarter * QUARTER_HOUR_MS;
    const days = new Map<string, DayFacts>();
    const add = (day: string, q: Omit<DayRow, 'day'>) => {
      const key = `${day}\u0000${q.target}\u0000${q.model}`;
      const d = days.get(key) ?? { day, target: q.target, model: q.model, answers: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
      d.answers += q.answers;
      d.promptTokens += q.prompt_tokens;
      d.completionTokens += q.completion_tokens;
      d.costUsd += q.cost_usd;
      days.set(key, d);
    };
    const { lo, hi } = this.stmt.quarterRange.get(firstQuarter) ?? { lo: null, hi: null };
    if (lo !== null && hi !== null) {
      for (const row of this.stmt.days.all(JSON.stringify(dayQuarters(lo, hi, firstQuarter)))) add(row.day, row);
    }
    if (firstWhole > since) {
      const dayOf = localDays();
      for (const q of this.stmt.partialQuarter.all(since, firstWhole, since, firstWhole)) add(dayOf(q.quarter * QUARTER_HOUR_MS), q);
    }
    const order = (d: DayFacts) => [d.day, d.target, d.model];
    return [...days.values()].filter((d) => d.answers > 0).sort((a, b) => compareTuples(order(a), order(b)));
  }
}

/**
 * Each local day from the one holding quarter `lo` to the one holding `hi`, as [day, first quarter,
 * quarter after its last], starting no earlier than `from`. Ceil on both ends gives every quarter to
 * exactly one day even where a zone's midnight once fell off the quarter hour.
 */
function dayQuarters(lo: number, hi: number, from: number): [string, number, number][] {
  const first = new Date(lo * QUARTER_HOUR_MS);
  let day = new Date(first.getFullYear(), first.getMonth(), first.getDate());
  const days: [string, number, number][] = [];
  while (day.getTime() <= hi * QUARTER_HOUR_MS) {
    const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
    days.push([localDayKey(day), Math.max(from, Math.ceil(day.getTime() / QUARTER_HOUR_MS)), Math.ceil(next.getTime() / QUARTER_HOUR_MS)]);
    day = next;
  }
  return days;
}

/**
 * The local day of a time, remembering the last day's bounds: a Date's local fields ask the time zone
 * rules each time (microseconds), and the rows come in time order, so most fall in the day just found.
 */
function localDays(): (at: number) => string {
  let start = Infinity;
  let end = -Infinity;
  let key = '';
  return (at) => {
    if (at < start || at >= end) {
      const d = new Date(at);
      key = localDayKey(d);
      start = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
      end = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
    }
    return key;
  };
}

/**
 * The median of one target's values: the bucket counts say which bucket holds the middle value and
 * how deep into it; the ordered index is then read from that bucket's lower bound, one or two rows.
 */
function median(
  queries: { buckets: Statement<[Target], { bucket: number; n: number }>; from: Statement<[Target, number, number, number], number> },
  target: Target,
  width: number,
): number | null {
  const buckets = queries.buckets.all(target);
  const count = buckets.reduce((n, b) => n + b.n, 0);
  if (count === 0) return null;
  const rank = Math.floor((count - 1) / 2);
  let before = 0;
  for (const b of buckets) {
    if (before + b.n > rank) {
      const middle = queries.from.all(target, b.bucket * width, count % 2 === 1 ? 1 : 2, rank - before);
      return middle.reduce((a, x) => a + x, 0) / middle.length;
    }
    before += b.n;
  }
  return null;
}

function compareTuples(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
