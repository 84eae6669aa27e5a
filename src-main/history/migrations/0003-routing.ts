import type { Migration } from '../migrate.js';

/**
 * Routing provenance: how each answer was routed (its badge), the router's score, cost, latency and
 * prompt tokens; the answer an "Ask the other side" re-ran; each conversation's own routing mode.
 * Reasons become objects with a stable code, so earlier plain-text reasons are converted.
 */
export const migration0003: Migration = {
  version: 3,
  name: '0003-routing',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN route TEXT CHECK (route IN ('local', 'cloud', 'escalated', 'fallback'));
      ALTER TABLE messages ADD COLUMN score REAL;
      ALTER TABLE messages ADD COLUMN latency_ms REAL;
      ALTER TABLE messages ADD COLUMN prompt_tokens INTEGER;
      ALTER TABLE messages ADD COLUMN cost_usd REAL;
      ALTER TABLE messages ADD COLUMN rerun_of TEXT REFERENCES messages (id) ON DELETE SET NULL;
      ALTER TABLE conversations ADD COLUMN mode TEXT CHECK (mode IN ('auto', 'local', 'cloud'));

      UPDATE messages SET route = target WHERE target IS NOT NULL;
      UPDATE messages
        SET reasons = (
          SELECT json_group_array(json_object('code', 'local-only', 'message', value)) FROM json_each(messages.reasons)
        )
        WHERE reasons IS NOT NULL AND json_array_length(reasons) > 0 AND json_type(reasons, '$[0]') = 'text';

      -- The savings view and "local share" count finished answers per conversation and target.
      CREATE INDEX messages_by_conversation_target ON messages (conversation_id, target) WHERE role = 'assistant';
    `);
  },
};
