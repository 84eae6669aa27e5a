import type { Migration } from '../migrate.js';

/** Conversations and their messages, with the provenance and error of each answer. */
export const migration0001: Migration = {
  version: 1,
  name: '0001-conversations',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- The sidebar lists the most recently updated first.
      CREATE INDEX conversations_by_updated_at ON conversations (updated_at);

      CREATE TABLE messages (
        id TEXT PRIMARY KEY NOT NULL,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        content TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('streaming', 'complete', 'stopped', 'error', 'interrupted')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        target TEXT CHECK (target IN ('local', 'cloud')),
        reasons TEXT CHECK (reasons IS NULL OR CASE WHEN json_valid(reasons) THEN json_type(reasons) = 'array' ELSE 0 END),
        model TEXT,
        ttft_ms REAL,
        tokens INTEGER,
        tokens_per_second REAL,
        error_code TEXT,
        error_message TEXT,
        -- Provenance is stored whole or not at all, and so is an error.
        CHECK (target IS NULL OR (reasons IS NOT NULL AND model IS NOT NULL AND tokens IS NOT NULL)),
        CHECK ((error_code IS NULL) = (error_message IS NULL))
      ) STRICT;

      -- Messages in order within a conversation; also serves the foreign key's cascade and the counts.
      CREATE UNIQUE INDEX messages_by_conversation_seq ON messages (conversation_id, seq);
    `);
  },
};
