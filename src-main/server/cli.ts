#!/usr/bin/env node
// Headless Duet's entry. It forks the engine worker before anything else, so that the worker's start
// and llama.cpp's import overlap the core's own imports (most of half a second), then runs the
// server (serve.ts), whose core adopts that worker.
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { prestartEngine } from '../core/engine-prestart.js';
import { defaultAppDataDir, resolveDataDir } from '../core/paths.js';

// The core only routes, stores and relays: what it allocates is short-lived. V8 would grow its young
// generation to 2 x 16 MiB all the same, resident for good (a third of the core's memory); kept at
// its first size (2 x 1 MiB), the core's start costs a few more minor collections, no more.
v8.setFlagsFromString('--semi-space-growth-factor=1');

// Only --data matters here (serve.ts reads and checks every flag); --help only prints: no engine for that.
const { values } = parseArgs({ options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: false });
if (!values.help) prestartEngine(resolveDataDir({ flag: typeof values.data === 'string' ? values.data : null, defaultDir: defaultAppDataDir() }));
await import('./serve.js');
