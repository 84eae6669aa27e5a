import type { Migration } from '../migrate.js';

/** A quarter hour in ms: the savings sums' time bucket (every time zone's offset is a multiple of it). */
export const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * Width of a median bucket, per figure: a power of two, so `value / width` is exact and a bucket's
 * lower bound (`bucket * width`) compares with the values exactly as the trigger bucketed them.
 */
export const MEDIAN_BUCKET_WIDTH = { ttft: 8, speed: 1 } as const;

const FINISHED = (row: 'new' | 'old') => `(${row}.role = 'assistant' AND ${row}.target IS NOT NULL AND ${row}.status IN ('complete', 'stopped'))`;

/** floor(value / width) in SQL, NULL for NULL (CAST truncates toward zero, so negatives step down one). */
const bucketOf = (value: string, width: number) => `(CAST(${value} / ${width}.0 AS INTEGER) - (${value} / ${width}.0 < CAST(${value} / ${width}.0 AS INTEGER)))`;

/** Statements adding (+1) or removing (-1) one message row's share of every running total. */
function apply(row: 'new' | 'old', sign: 1 | -1): string {
  const finished = FINISHED(row);
  const s = sign === 1 ? '+' : '-';
  const buckets = (metric: 'ttft' | 'speed', column: string) => `
    INSERT INTO answer_median_buckets (target, metric, bucket, n)
      SELECT ${row}.target, '${metric}', ${bucketOf(`${row}.${column}`, MEDIAN_BUCKET_WIDTH[metric])}, ${sign}
      WHERE ${finished} AND ${row}.${column} IS NOT NULL
      ON CONFLICT (target, metric, bucket) DO UPDATE SET n = n ${s} 1;
    DELETE FROM answer_median_buckets
      WHERE target = ${row}.target AND metric = '${metric}' AND bucket = ${bucketOf(`${row}.${column}`, MEDIAN_BUCKET_WIDTH[metric])} AND n = 0;`;
  return `
    UPDATE conversations SET
        message_count = message_count ${s} 1,
        finished_answers = finished_answers ${s} ${finished},
        local_answers = local_answers ${s} (${finished} AND ${row}.target = 'local')
      WHERE id = ${row}.conversation_id;
    INSERT INTO answer_quarters (quarter, target, model, answers, prompt_tokens, completion_tokens, cost_usd)
      SELECT ${row}.created_at / ${QUARTER_HOUR_MS}, ${row}.target, COALESCE(${row}.model, ''), ${sign},
        ${sign} * COALESCE(${row}.prompt_tokens, 0), ${sign} * COALESCE(${row}.tokens, 0), ${sign} * COALESCE(${row}.cost_usd, 0)
      WHERE ${finished}
      ON CONFLICT (quarter, target, model) DO UPDATE SET
        answers = answers + excluded.answers,
        prompt_tokens = prompt_tokens + excluded.prompt_tokens,
        completion_tokens = completion_tokens + excluded.completion_tokens,
        cost_usd = cost_usd + excluded.cost_usd;
    ${buckets('ttft', 'ttft_ms')}
    ${buckets('speed', 'tokens_per_second')}`;
}

/** The columns whose change moves a message's share of the totals (content, while streaming, does not). */
const COUNTED = ['conversation_id', 'role', 'status', 'target', 'model', 'created_at', 'tokens', 'prompt_tokens', 'cost_usd', 'ttft_ms', 'tokens_per_second'];

/**
 * Running totals, so the sidebar and the savings dashboard read a few rows instead of every message
 * (at 1,000,000 messages the recounts took seconds):
 * - conversations.message_count / finished_answers / local_answers: the sidebar's count and local share.
 * - answer_quarters: finished answers (and unkept ones, 0006) per quarter hour × target × model with
 *   their tokens and cost; the quarter hour keeps days local whatever the time zone (see history-stats).
 * - answer_totals: the same per target × model for all time, kept from answer_quarters by trigger.
 * - answer_median_buckets: how many answers per target fall in each bucket of time to first token and
 *   of speed, so a median reads the bucket counts, then seeks into the ordered index a few rows deep.
 * Every total is kept by triggers on the rows themselves, never by the code that writes them: a delete,
 * the cascade of a conversation's delete, retention, import or a restored backup all keep them right.
 * Built here from the rows already there.
 */
export const migration0008: Migration = {
  version: 8,
  name: '0008-running-totals',
  up(db) {
    const same = COUNTED.map((c) => `old.${c} IS new.${c}`).join(' AND ');
    db.exec(`
      ALTER TABLE conversations ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE conversations ADD COLUMN finished_answers INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE conversations ADD COLUMN local_answers INTEGER NOT NULL DEFAULT 0;
      UPDATE conversations SET
        message_count = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id),
        finished_answers = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id
          AND role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped')),
        local_answers = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id
          AND role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped') AND m.target = 'local');
      -- The sidebar's order (pinned first, then newest), read backwards: no sort of every conversation.
      CREATE INDEX conversations_in_list_order ON conversations (pinned, updated_at);
      -- Each start marks answers a crash left streaming: a handful, found without reading every message.
      CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';

      CREATE TABLE answer_quarters (
        quarter INTEGER NOT NULL,
        target TEXT NOT NULL,
        model TEXT NOT NULL,
        answers INTEGER NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        cost_usd REAL NOT NULL,
        PRIMARY KEY (quarter, target, model)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO answer_quarters (quarter, target, model, answers, prompt_tokens, completion_tokens, cost_usd)
        SELECT quarter, target, model, SUM(answers), SUM(prompt_tokens), SUM(completion_tokens), SUM(cost_usd) FROM (
          SELECT created_at / ${QUARTER_HOUR_MS} AS quarter, target, COALESCE(model, '') AS model, COUNT(*) AS answers,
            COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens, COALESCE(SUM(tokens), 0) AS completion_tokens, COALESCE(SUM(cost_usd), 0) AS cost_usd
          FROM messages WHERE role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped')
          GROUP BY 1, 2, 3
          UNION ALL
          SELECT created_at / ${QUARTER_HOUR_MS}, target, model, COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(tokens), 0), COALESCE(SUM(cost_usd), 0)
          FROM unkept_answers GROUP BY 1, 2, 3
        ) GROUP BY quarter, target, model;

      CREATE TABLE answer_totals (
        target TEXT NOT NULL,
        model TEXT NOT NULL,
        answers INTEGER NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        cost_usd REAL NOT NULL,
        PRIMARY KEY (target, model)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO answer_totals (target, model, answers, prompt_tokens, completion_tokens, cost_usd)
        SELECT target, model, SUM(answers), SUM(prompt_tokens), SUM(completion_tokens), SUM(cost_usd) FROM answer_quarters GROUP BY target, model;

      CREATE TABLE answer_median_buckets (
        target TEXT NOT NULL,
        metric TEXT NOT NULL CHECK (metric IN ('ttft', 'speed')),
        bucket INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (target, metric, bucket)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO answer_median_buckets (target, metric, bucket, n)
        SELECT target, 'ttft', ${bucketOf('ttft_ms', MEDIAN_BUCKET_WIDTH.ttft)} AS bucket, COUNT(*) FROM messages
        WHERE role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped') AND ttft_ms IS NOT NULL GROUP BY target, bucket;
      INSERT INTO answer_median_buckets (target, metric, bucket, n)
        SELECT target, 'speed', ${bucketOf('tokens_per_second', MEDIAN_BUCKET_WIDTH.speed)} AS bucket, COUNT(*) FROM messages
        WHERE role = 'assistant' AND target IS NOT NULL AND status IN ('complete', 'stopped') AND tokens_per_second IS NOT NULL GROUP BY target, bucket;

      -- answer_totals follows answer_quarters; a bucket emptied by deletes goes, so no zero rows pile up.
      CREATE TRIGGER answer_quarters_insert AFTER INSERT ON answer_quarters BEGIN
        INSERT INTO answer_totals (target, model, answers, prompt_tokens, completion_tokens, cost_usd)
          VALUES (new.target, new.model, new.answers, new.prompt_tokens, new.completion_tokens, new.cost_usd)
          ON CONFLICT (target, model) DO UPDATE SET
            answers = answers + excluded.answers,
            prompt_tokens = prompt_tokens + excluded.prompt_tokens,
            completion_tokens = completion_tokens + excluded.completion_tokens,
            cost_usd = cost_usd + excluded.cost_usd;
      END;
      CREATE TRIGGER answer_quarters_update AFTER UPDATE ON answer_quarters BEGIN
        UPDATE answer_totals SET
            answers = answers + new.answers - old.answers,
            prompt_tokens = prompt_tokens + new.prompt_tokens - old.prompt_tokens,
            completion_tokens = completion_tokens + new.completion_tokens - old.completion_tokens,
            cost_usd = cost_usd + new.cost_usd - old.cost_usd
          WHERE target = new.target AND model = new.model;
        DELETE FROM answer_totals WHERE target = new.target AND model = new.model AND answers = 0;
        DELETE FROM answer_quarters WHERE quarter = new.quarter AND target = new.target AND model = new.model AND answers = 0;
      END;

      CREATE TRIGGER messages_totals_insert AFTER INSERT ON messages BEGIN ${apply('new', 1)}
      END;
      CREATE TRIGGER messages_totals_delete AFTER DELETE ON messages BEGIN ${apply('old', -1)}
      END;
      -- A streaming answer is saved many times a second with only its text changed: that costs one comparison.
      CREATE TRIGGER messages_totals_update AFTER UPDATE ON messages WHEN NOT (${same}) BEGIN ${apply('old', -1)} ${apply('new', 1)}
      END;

      CREATE TRIGGER unkept_answers_totals_insert AFTER INSERT ON unkept_answers BEGIN
        INSERT INTO answer_quarters (quarter, target, model, answers, prompt_tokens, completion_tokens, cost_usd)
          VALUES (new.created_at / ${QUARTER_HOUR_MS}, new.target, new.model, 1, COALESCE(new.prompt_tokens, 0), COALESCE(new.tokens, 0), COALESCE(new.cost_usd, 0))
          ON CONFLICT (quarter, target, model) DO UPDATE SET
            answers = answers + 1,
            prompt_tokens = prompt_tokens + excluded.prompt_tokens,
            completion_tokens = completion_tokens + excluded.completion_tokens,
            cost_usd = cost_usd + excluded.cost_usd;
      END;
      CREATE TRIGGER unkept_answers_totals_delete AFTER DELETE ON unkept_answers BEGIN
        UPDATE answer_quarters SET
            answers = answers - 1,
            prompt_tokens = prompt_tokens - COALESCE(old.prompt_tokens, 0),
            completion_tokens = completion_tokens - COALESCE(old.tokens, 0),
            cost_usd = cost_usd - COALESCE(old.cost_usd, 0)
          WHERE quarter = old.created_at / ${QUARTER_HOUR_MS} AND target = old.target AND model = old.model;
      END;
    `);
  },
};
