import type { Migration } from '../migrate.js';

/** User settings as JSON values under a key. */
export const migration0002: Migration = {
  version: 2,
  name: '0002-settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;
    `);
  },
};
