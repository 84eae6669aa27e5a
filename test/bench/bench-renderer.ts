// npm run bench:renderer: the renderer on a long conversation and a long streamed answer, in real
// Chromium (/usr/bin/chromium, or DUET_CHROMIUM) against the built headless server.
//
// Seeds one conversation of 2,000 messages (a ChatGPT export imported through history.import), then:
//   open    clicks it in the sidebar and times until its newest message is on screen; counts the
//           page's DOM elements and the long tasks (PerformanceObserver 'longtask', > 50 ms) meanwhile;
//   stream  asks a question in that conversation in Cloud mode, twice; a streaming "cloud" on
//           127.0.0.1 answers 20,000 tokens of Markdown (paragraphs, lists, code fences, tables):
//             paced    at BENCH_TOKENS_PER_S (400) tokens a second, like a fast real model;
//             fastest  as fast as the core can pass them on (all of them in a few event-loop turns).
//           Each records every long task, every frame time (requestAnimationFrame) and the time from
//           Enter to the answer's first text on screen, until the answer is complete.
//   scroll  (first) scrolls the wheel up from the bottom onto an old finished answer of 75 KB of
//           Markdown, LONG_ANSWER_BACK messages above the newest, and records the long tasks, the
//           page's CPU time and (BENCH_TRACE) its longest task while that answer comes into view.
// BENCH_CASES=scroll runs only that (no streams).
// A stream that has not completed after BENCH_STREAM_LIMIT_S (300) is reported as it stands
// ("completed": false, with the characters shown by then).
// BENCH_PROFILE=<dir> saves a CPU profile of the page for each stream (DevTools opens it).
// BENCH_TRACE=<dir> saves a Chromium trace of each stream (chrome://tracing, DevTools open it) and adds
// cpu_long_tasks: the page's tasks that took over 50 ms of the main thread's own CPU time (and
// cpu_task_max_ms, the longest). Unlike long tasks (wall clock), a loaded machine stretches them far
// less: they are what the page itself costs.
// DUET_BASELINE=<another checkout's root, built> measures that build too, side by side ("baseline").
// Target: no long task over 50 ms during either stream. JSON on stdout, progress on stderr.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient } from '../support/bridge-client.js';
import { writeChatGptExport } from '../support/chatgpt-export.js';
import { startServer } from '../support/headless-server.js';
import { makeTempDir } from '../support/temp-dir.js';
import { percentile, round1 } from './percentiles.js';

const TURNS = 1_000;
const ANSWER_TOKENS = 20_000;
const TOKENS_PER_CHUNK = 1;
const CHROMIUM = process.env.DUET_CHROMIUM ?? '/usr/bin/chromium';
const MODEL = 'bench-long-answer';
/** A renderer that re-renders the whole answer per delta may not finish: it is measured this long. */
const STREAM_LIMIT_MS = Number(process.env.BENCH_STREAM_LIMIT_S ?? 300) * 1000;
/** The paced run's speed: a fast real model, well above what people read. */
const TOKENS_PER_SECOND = Number(process.env.BENCH_TOKENS_PER_S ?? 400);
/** BENCH_PROFILE=<dir> saves a CPU profile of the page for each stream there (open it in DevTools). */
const PROFILE_DIR = process.env.BENCH_PROFILE;
/** BENCH_TRACE=<dir> saves a Chromium trace of each stream there and reports the tasks' CPU time. */
const TRACE_DIR = process.env.BENCH_TRACE;
/** How far above the newest message the old long answer sits (even: an assistant message, as the newest is). */
const LONG_ANSWER_BACK = 40;
/** The old long answer's size, and the words that find it on the page. */
const LONG_ANSWER_CHARS = 75_000;
const LONG_ANSWER_MARK = 'Old long answer';
/** BENCH_CASES=scroll: only the scroll onto the old long answer. */
const ONLY_SCROLL = process.env.BENCH_CASES === 'scroll';
const log = (line: string): void => void process.stderr.write(`bench:renderer: ${line}\n`);

/** A long Markdown answer, as tokens (a word with its trailing space or newline). */
function answerTokens(): string[] {
  const blocks: string[] = [];
  for (let i = 0; blocks.join('').length < ANSWER_TOKENS * 8; i++) {
    blocks.push(
      `## Part ${i}\n\nThis paragraph explains step ${i} with **bold words**, \`inline code\` and a [link](https://example.com/${i}) so the parser has inline work to do in every block.\n\n`,
    );
    blocks.push(`- first point of ${i}\n- second point with *emphasis*\n  - a nested point\n- third point\n\n`);
    blocks.push(`\`\`\`ts\nfunction step${i}(x: number): number {\n  return x * ${i} + 1;\n}\n\`\`\`\n\n`);
    blocks.push(`| name | value | note |\n| --- | ---: | --- |\n| a${i} | ${i} | fine |\n| b${i} | ${i * 2} | also fine |\n\n`);
  }
  const tokens = blocks.join('').match(/\S+\s*|\s+/g) ?? [];
  return tokens.slice(0, ANSWER_TOKENS);
}

/** How the cloud sends its answer: `tokensPerSecond` paced like a real model, or null for as fast as it can. */
interface Pace {
  tokensPerSecond: number | null;
}

/** An OpenAI-compatible streaming endpoint that answers every chat request with `tokens`, at `pace`. */
async function startLongAnswerCloud(tokens: readonly string[], pace: Pace): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: MODEL, object: 'model', created: 0, owned_by: 'bench' }] }));
      return;
    }
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const chunk = (delta: object, finish: string | null): string =>
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: MODEL, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      const rate = pace.tokensPerSecond;
      const started = performance.now();
      let i = 0;
      const pump = (): void => {
        // Paced: the tokens due by now (a timer tick carries a few). Fastest: a few hundred per turn of
        // the event loop, faster than any real cloud streams.
        const due = rate === null ? i + 200 : Math.floor(((performance.now() - started) * rate) / 1000);
        let out = '';
        for (; i < due && i < tokens.length; i += TOKENS_PER_CHUNK) out += chunk({ content: tokens.slice(i, i + TOKENS_PER_CHUNK).join('') }, null);
        if (i >= tokens.length) {
          out += chunk({}, 'stop');
          out += `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: MODEL, choices: [], usage: { prompt_tokens: 10, completion_tokens: tokens.length, total_tokens: tokens.length + 10 } })}\n\n`;
          res.end(`${out}data: [DONE]\n\n`);
          return;
        }
        const next = (): void => void (rate === null ? setImmediate(pump) : setTimeout(pump, 5));
        if (out === '' || res.write(out)) next();
        else res.once('drain', next);
      };
      pump();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Installed before the app's scripts: reports long tasks and, once `__frames` is set, frame times and the first text. */
function instrument(): void {
  const w = window as unknown as { __frames: unknown[] | null; __sentAt: number | null; __before: string | null };
  w.__frames = null;
  w.__sentAt = null;
  new PerformanceObserver((list) => {
    // Reported through the console, so the figures reach the bench even while the page is too busy to be asked.
    for (const entry of list.getEntries()) console.debug(`__longtask ${entry.duration}`);
  }).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  const frame = (now: number): void => {
    if (w.__frames) console.debug(`__frame ${now - last}`);
    if (w.__sentAt !== null) {
      // The first frame that will paint text of the new answer (not of the one that was last before).
      const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
      const answer = answers[answers.length - 1];
      if (answer && answer.getAttribute('data-message-id') !== w.__before && (answer.querySelector('[data-testid="message-content"]')?.textContent ?? '') !== '') {
        console.debug(`__firsttext ${now - w.__sentAt}`);
        w.__sentAt = null;
      }
    }
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** What the page reported through the console: long tasks since the last take, frame times, the first text. */
interface Seen {
  longtasks: number[];
  frames: number[];
  firstText: number | null;
}

function watch(page: Page): Seen {
  const seen: Seen = { longtasks: [], frames: [], firstText: null };
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('__longtask ')) seen.longtasks.push(Number(text.slice(11)));
    else if (text.startsWith('__frame ')) seen.frames.push(Number(text.slice(8)));
    else if (text.startsWith('__firsttext ')) seen.firstText = Number(text.slice(12));
  });
  return seen;
}

/** Long tasks since the last call (their durations, ms). */
function takeLongTasks(seen: Seen): number[] {
  const taken = seen.longtasks;
  seen.longtasks = [];
  return taken;
}

function summariseTasks(tasks: number[]): Record<string, number> {
  return { long_tasks: tasks.length, long_task_max_ms: round1(Math.max(0, ...tasks)), long_task_total_ms: round1(tasks.reduce((a, b) => a + b, 0)) };
}

/** One event of a Chromium trace (the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The CPU time of each task of the page's main thread (thread clock, µs in the trace), in ms: the
 * page's main thread is the CrRendererMain thread that ran the most tasks.
 */
function taskCpuTimes(events: readonly TraceEvent[]): number[] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, number[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.name !== 'RunTask' || !mains.has(thread)) continue;
    const tasks = byThread.get(thread) ?? [];
    tasks.push((e.tdur ?? 0) / 1000);
    byThread.set(thread, tasks);
  }
  return [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

const domNodes = (page: Page): Promise<number> => page.evaluate(() => document.getElementsByTagName('*').length);

/** The id of the newest answer on screen (the next stream's answer is the one after it). */
const lastAnswerId = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
    return answers[answers.length - 1]?.getAttribute('data-message-id') ?? null;
  });

/** Asks for the long answer once, at `rate` tokens a second (null: as fast as possible), and measures it. */
async function streamOnce(browser: Browser, page: Page, seen: Seen, pace: Pace, rate: number | null): Promise<Record<string, unknown>> {
  pace.tokensPerSecond = rate;
  const before = await lastAnswerId(page);
  const composer = page.getByLabel('Message', { exact: true });
  await composer.fill('Write a long answer.');
  takeLongTasks(seen);
  seen.frames = [];
  seen.firstText = null;
  await page.evaluate((id) => {
    const w = window as unknown as { __frames: number[] | null; __sentAt: number | null; __before: string | null };
    w.__frames = [];
    w.__before = id;
    w.__sentAt = performance.now();
  }, before);
  // The page's main-thread CPU time: unlike long tasks (wall clock), it does not stretch with the load.
  const metrics = await page.context().newCDPSession(page);
  await metrics.send('Performance.enable');
  const threadTime = async (): Promise<number> => (await metrics.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
  const cpuBefore = await threadTime();
  const profiler = PROFILE_DIR ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.start');
  }
  if (TRACE_DIR) await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  const streamStart = performance.now();
  // The key goes to the focused composer: pressing it through the locator would query the page for
  // its label first, itself a long task on a page this size, counted as the stream's.
  await page.keyboard.press('Enter');
  const completed = await page
    .waitForFunction(
      (id) => {
        const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
        const answer = answers[answers.length - 1];
        return answer?.getAttribute('data-message-id') !== id && answer?.getAttribute('data-status') === 'complete' && (answer.textContent ?? '').length > 1000;
      },
      before,
      { polling: 500, timeout: STREAM_LIMIT_MS },
    )
    .then(
      () => true,
      () => false,
    );
  const streamMs = performance.now() - streamStart;
  // A page still busy with the stream would not answer: its figures are then left out.
  const cpuMs = completed ? ((await threadTime()) - cpuBefore) * 1000 : null;
  if (completed) await metrics.detach();
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    const file = path.join(PROFILE_DIR!, `renderer-${rate ?? 'fastest'}-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    log(`CPU profile: ${file}`);
    await profiler.detach();
  }
  let taskCpu: number[] | null = null;
  if (TRACE_DIR) {
    const trace = await browser.stopTracing();
    const file = path.join(TRACE_DIR, `renderer-${rate ?? 'fastest'}-${Date.now()}.json`);
    writeFileSync(file, trace);
    log(`trace: ${file}`);
    taskCpu = taskCpuTimes((JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents);
  }
  const streamTasks = takeLongTasks(seen);
  const frames = seen.frames;
  const last = page.locator('[data-testid="message"][data-role="assistant"]').last();
  const answerChars = completed ? ((await last.getByTestId('message-content').textContent())?.length ?? 0) : null;
  if (completed) await page.evaluate(() => void ((window as unknown as { __frames: number[] | null }).__frames = null));
  return {
    tokens_per_s: rate ?? 'fastest',
    completed,
    stream_ms: round1(streamMs),
    first_text_ms: seen.firstText === null ? null : round1(seen.firstText),
    main_thread_cpu_ms: cpuMs === null ? null : round1(cpuMs),
    answer_chars: answerChars,
    ...summariseTasks(streamTasks),
    ...(taskCpu ? { cpu_long_tasks: taskCpu.filter((ms) => ms > 50).length, cpu_task_max_ms: round1(taskCpu.reduce((a, b) => Math.max(a, b), 0)) } : {}),
    frames: frames.length,
    frame_p50_ms: round1(percentile(frames, 50)),
    frame_p95_ms: round1(percentile(frames, 95)),
    frame_p99_ms: round1(percentile(frames, 99)),
    frame_max_ms: round1(Math.max(0, ...frames)),
    dom_elements_after: completed ? await domNodes(page) : null,
  };
}

/** True when the newest message (its text starts with `newest`) is on screen. */
const newestInView = (page: Page, newest: string): Promise<boolean> =>
  page.evaluate((text) => {
    const shown = document.querySelectorAll('[data-testid="message"]');
    const last = shown[shown.length - 1];
    const view = document.querySelector('section[aria-label="Chat history"]')!.getBoundingClientRect();
    return (last?.textContent?.includes(text) ?? false) && last!.getBoundingClientRect().bottom <= view.bottom + 1;
  }, newest);

/** Makes the answer LONG_ANSWER_BACK messages above the newest one of the export 75 KB of Markdown. */
function plantLongAnswer(exportFile: string, tokens: readonly string[]): void {
  const conversations = JSON.parse(readFileSync(exportFile, 'utf8')) as { mapping: Record<string, { message: { content: { parts: string[] } } }> }[];
  const node = conversations[0]!.mapping[`n${TURNS * 2 - 1 - LONG_ANSWER_BACK}`]!;
  node.message.content.parts = [`${LONG_ANSWER_MARK}.\n\n${tokens.join('').slice(0, LONG_ANSWER_CHARS)}`];
  writeFileSync(exportFile, JSON.stringify(conversations));
}

/**
 * Wheels up from the bottom until the old long answer is on screen, then until all of it is shown: the
 * long tasks, the main thread's CPU time and (BENCH_TRACE) each task's CPU time meanwhile.
 */
async function scrollToOldAnswer(browser: Browser, page: Page, seen: Seen): Promise<Record<string, unknown>> {
  const chat = page.getByRole('region', { name: 'Chat history' });
  const box = await chat.boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  const metrics = await page.context().newCDPSession(page);
  await metrics.send('Performance.enable');
  const threadTime = async (): Promise<number> => (await metrics.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
  takeLongTasks(seen);
  if (TRACE_DIR) await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  const cpuBefore = await threadTime();
  const inView = (): Promise<boolean> =>
    page.evaluate((mark) => {
      const viewport = document.querySelector('section[aria-label="Chat history"]')!.getBoundingClientRect();
      return Array.from(document.querySelectorAll('[data-testid="message"]')).some((m) => {
        if (!(m.textContent ?? '').includes(mark)) return false;
        const r = m.getBoundingClientRect();
        return r.bottom > viewport.top && r.top < viewport.bottom;
      });
    }, LONG_ANSWER_MARK);
  let wheels = 0;
  for (; wheels < 400 && !(await inView()); wheels++) {
    await page.mouse.wheel(0, -600);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  // Then frames until the answer's text has stayed the same for ten of them (all of it shown).
  const answerText = (): Promise<number> =>
    page.evaluate(
      (mark) => Array.from(document.querySelectorAll('[data-testid="message"]')).find((m) => (m.textContent ?? '').includes(mark))?.textContent?.length ?? 0,
      LONG_ANSWER_MARK,
    );
  for (let frames = 0, same = 0, last = -1; frames < 600 && same < 10; frames++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const chars = await answerText();
    same = chars === last ? same + 1 : 0;
    last = chars;
  }
  const cpuMs = ((await threadTime()) - cpuBefore) * 1000;
  await metrics.detach();
  let taskCpu: number[] | null = null;
  if (TRACE_DIR) {
    const trace = await browser.stopTracing();
    const file = path.join(TRACE_DIR, `renderer-scroll-${Date.now()}.json`);
    writeFileSync(file, trace);
    log(`trace: ${file}`);
    taskCpu = taskCpuTimes((JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents);
  }
  const answerChars = await answerText();
  return {
    reached: await inView(),
    answer_chars: answerChars,
    wheels,
    main_thread_cpu_ms: round1(cpuMs),
    ...summariseTasks(takeLongTasks(seen)),
    ...(taskCpu ? { cpu_long_tasks: taskCpu.filter((ms) => ms > 50).length, cpu_task_max_ms: round1(taskCpu.reduce((a, b) => Math.max(a, b), 0)) } : {}),
  };
}

/** Runs the whole measurement against one build (this checkout's, or the baseline's `cli`). */
async function measure(tokens: readonly string[], cli: string | undefined): Promise<Record<string, unknown>> {
  const temp = makeTempDir('bench-renderer');
  const pace: Pace = { tokensPerSecond: TOKENS_PER_SECOND };
  const cloud = await startLongAnswerCloud(tokens, pace);
  const dataDir = path.join(temp.dir, 'data');
  const server = await startServer({
    cli,
    model: TINY_MODEL_FILE,
    dataDir,
    env: { DUET_CLOUD_BASE_URL: cloud.baseUrl, DUET_CLOUD_MODEL: MODEL, DUET_POLICY_FILE: path.join(temp.dir, 'no-policy.json') },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    log(`seeding ${TURNS * 2} messages…`);
    const exportFile = path.join(temp.dir, 'conversations.json');
    await writeChatGptExport(exportFile, { conversations: 1, turns: TURNS, messageChars: 400 });
    plantLongAnswer(exportFile, tokens);
    const client = new BridgeClient(server.url);
    await client.call('history.import', { fileName: 'conversations.json', content: readFileSync(exportFile, 'utf8') });
    await client.call('settings.update', { mode: 'cloud' });

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const seen = watch(page);
    // tsx keeps function names by wrapping them in a `__name` helper the page does not have.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.addInitScript(instrument);
    await page.goto(server.url);
    const item = page.getByTestId('conversation-item').first();
    await item.waitFor();
    takeLongTasks(seen);

    log('opening the long conversation…');
    const newest = `assistant 0/${TURNS * 2 - 1}:`;
    const openStart = performance.now();
    await item.click();
    await page.waitForFunction(
      (text) => {
        const shown = document.querySelectorAll('[data-testid="message"]');
        return shown[shown.length - 1]?.textContent?.includes(text) ?? false;
      },
      newest,
      { polling: 'raf', timeout: 120_000 },
    );
    const openMs = performance.now() - openStart;
    const openTasks = takeLongTasks(seen);
    const openDom = await domNodes(page);

    log('scrolling up onto the old long answer…');
    const scroll = await scrollToOldAnswer(browser, page, seen);
    log(`scroll: ${JSON.stringify(scroll)}`);
    // Back to the bottom, where the streams are followed (a finished answer out of view leaves the page).
    for (let i = 0; i < 50 && !(await newestInView(page, newest)); i++) {
      await page.mouse.wheel(0, 1_000_000);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    if (ONLY_SCROLL) return { open: { open_ms: round1(openMs), dom_elements: openDom, ...summariseTasks(openTasks) }, scroll, stream_paced: null, stream_fastest: null };

    log(`streaming ${tokens.length} tokens at ${TOKENS_PER_SECOND} a second…`);
    const paced = await streamOnce(browser, page, seen, pace, TOKENS_PER_SECOND);
    log(`paced: ${JSON.stringify(paced)}`);
    // The fastest run only if the page is still answering: a renderer that fell behind is still busy.
    let fastest: Record<string, unknown> | null = null;
    if (paced.completed) {
      log(`streaming ${tokens.length} tokens as fast as the core sends them…`);
      fastest = await streamOnce(browser, page, seen, pace, null);
      log(`fastest: ${JSON.stringify(fastest)}`);
    }
    return { open: { open_ms: round1(openMs), dom_elements: openDom, ...summariseTasks(openTasks) }, scroll, stream_paced: paced, stream_fastest: fastest };
  } finally {
    await browser.close();
    await server.stop();
    await cloud.stop();
    temp.remove();
  }
}

/** The worst long task of a build's streams (0 when none). */
function worstStreamTask(figures: Record<string, unknown>): { count: number; max: number } {
  const runs = [figures.stream_paced, figures.stream_fastest].filter((run): run is { long_tasks: number; long_task_max_ms: number } => run != null);
  return { count: runs.reduce((n, run) => n + run.long_tasks, 0), max: Math.max(0, ...runs.map((run) => run.long_task_max_ms)) };
}

async function main(): Promise<void> {
  const tokens = answerTokens();
  // Long tasks are wall-clock: on a loaded machine they stretch, so the load is reported with them.
  const result: Record<string, unknown> = {
    load_avg_1m_at_start: round1(os.loadavg()[0]!),
    bench: 'renderer',
    conversation_messages: TURNS * 2,
    answer_tokens: tokens.length,
    paced_tokens_per_s: TOKENS_PER_SECOND,
  };
  log('this build…');
  const current = await measure(tokens, undefined);
  result.this = current;
  log(`this: ${JSON.stringify(current)}`);
  const baselineRoot = process.env.DUET_BASELINE;
  if (baselineRoot) {
    const cli = path.resolve(baselineRoot, 'dist-main', 'server', 'cli.js');
    if (!existsSync(cli)) throw new Error(`DUET_BASELINE has no build: ${cli} is missing (run npm run build there).`);
    log(`baseline ${baselineRoot}…`);
    result.baseline = await measure(tokens, cli);
    log(`baseline: ${JSON.stringify(result.baseline)}`);
  }
  const worst = worstStreamTask(current);
  const bothRan = current.stream_fastest != null && (current.stream_paced as { completed: boolean } | null)?.completed === true;
  result.load_avg_1m_at_end = round1(os.loadavg()[0]!);
  result.target = { long_tasks_during_stream: 0, long_tasks: worst.count, long_task_max_ms: worst.max, met: bothRan && worst.count === 0 };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
