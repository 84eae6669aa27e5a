#!/usr/bin/env node
// Headless Duet's entry. It forks the engine worker before anything else, so that the worker's start
// and llama.cpp's import overlap the core's own imports (most of half a second), then runs the
// server (serve.ts), whose core adopts that worker.
import { parseArgs } from 'node:util';
import { prestartEngine } from '../core/engine-prestart.js';
import { defaultAppDataDir, resolveDataDir } from '../core/paths.js';

// Only --data matters here (serve.ts reads and checks every flag); --help only prints: no engine for that.
const { values } = parseArgs({ options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: false });
if (!values.help) prestartEngine(resolveDataDir({ flag: typeof values.data === 'string' ? values.data : null, defaultDir: defaultAppDataDir() }));
await import('./serve.js');
