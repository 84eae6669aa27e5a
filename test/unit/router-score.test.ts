// scripts/router-score.ts run as a user runs it: a child process over a JSONL file, the real
// difficulty model behind it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = path.join(root, 'scripts', 'router-score.ts');
const temp = makeTempDir('router-score');
afterAll(() => temp.remove());

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const p = path.join(temp.dir, name);
  fs.writeFileSync(p, text);
  return p;
}

interface Scored {
  id: string | number;
  score: number;
  target: string;
  reasons: string[];
}

function lines(stdout: string): Scored[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Scored);
}

// Each test starts the script under tsx (two or three seconds each on a busy 2-core machine): more than the default 5 s.
describe('router-score', { timeout: 60_000 }, () => {
  it('writes one line per prompt, in order, with score, target and reason codes', () => {
    const input = file(
      'good.jsonl',
      [
        JSON.stringify({ id: 'q1', prompt: 'What is 2 + 2?' }),
        '',
        JSON.stringify({ id: 2, prompt: '我的手机号是13812345678，帮我写一条请假短信' }),
        '   ',
        JSON.stringify({ id: 'q3', prompt: 'Prove that the square root of 2 is irrational, step by step.', extra: true }),
      ].join('\r\n') + '\r\n',
    );
    const r = run(input);
    expect(r.code, r.stderr).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['q1', 2, 'q3']);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(['id', 'score', 'target', 'reasons']);
      expect(o.score).toBeGreaterThanOrEqual(0);
      expect(o.score).toBeLessThanOrEqual(1);
      expect(['local', 'cloud']).toContain(o.target);
    }
    expect(out[1]).toMatchObject({ target: 'local', reasons: ['privacy'] });
    for (const o of [out[0]!, out[2]!]) expect(o.reasons).toEqual([o.target === 'cloud' ? 'difficult' : 'easy']);
    expect(r.stderr).toContain('3 scored, 0 failed');
  });

  it('reports a malformed line by number, scores the rest, and exits 1', () => {
    const input = file(
      'mixed.jsonl',
      [
        JSON.stringify({ id: 'a', prompt: 'Name three primary colours.' }),
        '{"id": "b", "prompt": ',
        JSON.stringify({ id: 'c', prompt: 42 }),
        '',
        JSON.stringify(['not', 'an', 'object']),
        JSON.stringify({ prompt: 'no id' }),
        JSON.stringify({ id: 'f', prompt: 'Translate "good morning" into French.' }),
      ].join('\n'),
    );
    const r = run(input);
    expect(r.code).toBe(1);
    expect(lines(r.stdout).map((o) => o.id)).toEqual(['a', 'f']);
    expect(r.stderr).toMatch(/line 2: not valid JSON/);
    expect(r.stderr).toMatch(/line 3: "prompt" must be a string/);
    expect(r.stderr).toMatch(/line 5: expected a JSON object/);
    expect(r.stderr).toMatch(/line 6: "id" must be a string or a number/);
    expect(r.stderr).toContain('2 scored, 4 failed');
  });

  it('says what is wrong when there is no file to read', () => {
    const missing = run(path.join(temp.dir, 'nope.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.jsonl/);
    const none = run();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: npm run router:score -- FILE.jsonl');
  });
});
