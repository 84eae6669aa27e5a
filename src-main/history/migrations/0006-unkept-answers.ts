import type { Migration } from '../migrate.js';

/**
 * The figures of answers whose words were not kept: an app asked through the OpenAI-compatible
 * endpoint with "Keep API conversations" off, so the exchange was deleted once answered. Where it ran,
 * the model, tokens and cost stay (no text, no conversation), so the savings still count it.
 */
export const migration0006: Migration = {
  version: 6,
  name: '0006-unkept-answers',
  up(db) {
    db.exec(`
      CREATE TABLE unkept_answers (
        created_at INTEGER NOT NULL,
        target TEXT NOT NULL CHECK (target IN ('local', 'cloud')),
        model TEXT NOT NULL,
        prompt_tokens INTEGER,
        tokens INTEGER,
        cost_usd REAL
      ) STRICT;
      CREATE INDEX unkept_answers_by_time ON unkept_answers (created_at);
    `);
  },
};
