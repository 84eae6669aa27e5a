import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from './paths.js';

/** Duet's version, read once from package.json. */
export const appVersion: string = (JSON.parse(readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
