import type { Migration } from '../migrate.js';

/**
 * Conversations asked through the OpenAI-compatible endpoint name the app that asked (its `user` field
 * or User-Agent), so history can show "via Zed" and a follow-up request can continue the conversation
 * it extends. NULL: asked in Duet's own window.
 */
export const migration0005: Migration = {
  version: 5,
  name: '0005-clients',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN client TEXT;
      -- A follow-up request looks for the client's latest conversations without reading the others.
      CREATE INDEX conversations_by_client ON conversations (client, updated_at) WHERE client IS NOT NULL;
    `);
  },
};
