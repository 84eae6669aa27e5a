import type { Migration } from '../migrate.js';
import { migration0001 } from './0001-conversations.js';
import { migration0002 } from './0002-settings.js';
import { migration0003 } from './0003-routing.js';
import { migration0004 } from './0004-search.js';
import { migration0005 } from './0005-clients.js';
import { migration0006 } from './0006-unkept-answers.js';
import { migration0007 } from './0007-confidence.js';
import { migration0008 } from './0008-running-totals.js';
import { migration0009 } from './0009-message-days.js';

/** Every migration, oldest first. Add new ones at the end; never edit or reorder a released one. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
];
