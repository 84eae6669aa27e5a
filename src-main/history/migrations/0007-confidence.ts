import type { Migration } from '../migrate.js';

/**
 * The local model's confidence in each local answer: the mean probability it gave its first chosen
 * tokens (the cascade's measure), stored with the answer's provenance. NULL for cloud answers, for
 * answers no check measured, and for every answer saved before this version.
 */
export const migration0007: Migration = {
  version: 7,
  name: '0007-confidence',
  up(db) {
    db.exec(`ALTER TABLE messages ADD COLUMN confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1));`);
  },
};
