// The pieces behind serve's start-up messages that the integration tests cannot reach as root:
// permission errors, and DUET_TOKEN overriding the kept token.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAccessToken } from '../../src-main/core/access-token.js';
import { dataFolderError } from '../../src-main/core/data-folder.js';
import { alreadyRunning } from '../../src-main/core/instance-lock.js';
import { makeTempDir } from '../support/temp-dir.js';

let temp: ReturnType<typeof makeTempDir> | null = null;
afterEach(() => {
  temp?.remove();
  temp = null;
});

describe('data folder sentences', () => {
  it.each([
    ['EACCES', /not allowed to create or write it\. Choose another folder with --data <folder>\.$/],
    ['EPERM', /not allowed to create or write it/],
    ['EROFS', /the disk is read-only\. Choose another folder/],
    ['ENOSPC', /the disk is full\. Free some space, or choose another folder/],
  ])('%s says what happened and what to do', (code, sentence) => {
    const error = dataFolderError('/srv/duet', Object.assign(new Error(`${code}: raw`), { code }));
    expect(error.message).toMatch(/^Duet cannot (use|create) /);
    expect(error.message).toMatch(sentence);
    expect(error.message).not.toContain(code);
  });
});

describe('the access token file', () => {
  it('is made 0600 on first use and read back unchanged', () => {
    temp = makeTempDir('token');
    const made = loadAccessToken(temp.dir, { env: {} });
    expect(made.source).toBe('new');
    expect(fs.statSync(path.join(temp.dir, 'access-token')).mode & 0o777).toBe(0o600);
    expect(loadAccessToken(temp.dir, { env: {} })).toEqual({ token: made.token, source: 'file', note: null });
  });

  it('gives way to DUET_TOKEN, which is never written down', () => {
    temp = makeTempDir('token');
    expect(loadAccessToken(temp.dir, { env: { DUET_TOKEN: 'from-env' }, renew: true })).toMatchObject({ token: 'from-env', source: 'environment' });
    expect(fs.existsSync(path.join(temp.dir, 'access-token'))).toBe(false);
  });

  it('is replaced when the file holds something that is not a token', () => {
    temp = makeTempDir('token');
    fs.writeFileSync(path.join(temp.dir, 'access-token'), 'short\n', { mode: 0o600 });
    const made = loadAccessToken(temp.dir, { env: {} });
    expect(made.source).toBe('new');
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});

describe('the message of a second Duet', () => {
  it('names the running one by process and address', () => {
    expect(alreadyRunning('/d', { pid: 42, kind: 'headless', url: 'http://127.0.0.1:8765/', startedAt: '' })).toBe(
      'Duet is already running with this data folder, /d (process 42, http://127.0.0.1:8765/). Use that one, or start this one with --data <another folder>.',
    );
    expect(alreadyRunning('/d', { pid: 42, kind: 'desktop', url: null, startedAt: '' })).toContain('(process 42, the desktop app)');
    expect(alreadyRunning('/d', null)).toContain('with this data folder, /d. Use that one');
  });
});
