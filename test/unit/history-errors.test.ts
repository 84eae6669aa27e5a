import { describe, expect, it } from 'vitest';
import { DuetError } from '../../src-main/contract/index.js';
import { HistoryError, resolveNativeBinding, toDuetError, toHistoryError } from '../../src-main/history/index.js';

// Errors shaped as better-sqlite3 and Node throw them: an Error with a string `code`.
function sqliteError(code: string, message = 'sqlite says no'): Error {
  return Object.assign(new Error(message), { code });
}

describe('history errors a user can act on', () => {
  it('maps a full disk to storage_full with what to do', () => {
    const error = toHistoryError(sqliteError('SQLITE_FULL', 'database or disk is full'), 'save the message');
    expect(error).toBeInstanceOf(HistoryError);
    expect(error.code).toBe('storage_full');
    expect(error.message).toBe('The disk is full: Duet could not save the message. Free some space and try again.');
    expect(toHistoryError(sqliteError('ENOSPC')).code).toBe('storage_full');
  });

  it.each(['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_DBMOVED', 'EACCES', 'EROFS', 'EPERM'])('maps %s to storage_readonly', (code) => {
    const error = toHistoryError(sqliteError(code), 'save the message', '/data/duet.sqlite');
    expect(error.code).toBe('storage_readonly');
    expect(error.message).toContain('/data/duet.sqlite');
    expect(error.message).toContain('could not save the message');
    expect(error.message).toMatch(/permissions/);
  });

  it.each(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX'])('explains a damaged file for %s', (code) => {
    const error = toHistoryError(sqliteError(code), 'read your conversations', '/data/duet.sqlite');
    expect(error.code).toBe('storage_corrupt');
    expect(error.message).toMatch(/damaged or is not a Duet database/);
    expect(error.message).toMatch(/move that file elsewhere/);
  });

  it('maps a lock held elsewhere to busy', () => {
    expect(toHistoryError(sqliteError('SQLITE_BUSY')).code).toBe('busy');
  });

  it('keeps a HistoryError as it is', () => {
    const original = new HistoryError('not_found', 'gone');
    expect(toHistoryError(original)).toBe(original);
    expect(toDuetError(original)).toEqual({ code: 'not_found', message: 'gone' });
  });

  it('gives a contract-valid error for anything thrown', () => {
    for (const thrown of [sqliteError('SQLITE_FULL'), new TypeError('boom'), 'a string', null, { code: 42 }]) {
      expect(DuetError.safeParse(toDuetError(thrown)).success).toBe(true);
    }
    expect(toDuetError(new TypeError('boom'))).toEqual({ code: 'internal', message: 'Duet could not save or read your conversations: boom' });
  });
});

describe('the Electron native binding', () => {
  const exists = (file: string) => file === '/app/.electron-native/better_sqlite3.node';

  it('is used inside Electron when the rebuilt addon exists, resolved from the app root', () => {
    const versions = { ...process.versions, electron: '45.0.0' };
    expect(resolveNativeBinding('.electron-native/better_sqlite3.node', { versions, exists, appRoot: '/app' })).toBe('/app/.electron-native/better_sqlite3.node');
    expect(resolveNativeBinding('/app/.electron-native/better_sqlite3.node', { versions, exists, appRoot: '/elsewhere' })).toBe(
      '/app/.electron-native/better_sqlite3.node',
    );
  });

  it('falls back to the default addon when the file is missing or under plain Node', () => {
    const electron = { ...process.versions, electron: '45.0.0' };
    expect(resolveNativeBinding('.electron-native/missing.node', { versions: electron, exists, appRoot: '/app' })).toBeUndefined();
    expect(resolveNativeBinding(undefined, { versions: electron, exists, appRoot: '/app' })).toBeUndefined();
    const node = { ...process.versions };
    delete (node as { electron?: string }).electron;
    expect(resolveNativeBinding('.electron-native/better_sqlite3.node', { versions: node, exists, appRoot: '/app' })).toBeUndefined();
  });
});
