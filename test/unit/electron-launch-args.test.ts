import { describe, expect, it } from 'vitest';
import { readFlag } from '../../src-main/electron/launch-args.js';

describe('readFlag', () => {
  const argv = ['/usr/bin/electron', '--inspect=0', '-r', '/pw/loader.js', '.', '--model', '/m/tiny.gguf', '--data=/tmp/d'];

  it('reads --name value and --name=value among other switches', () => {
    expect(readFlag(argv, 'model')).toBe('/m/tiny.gguf');
    expect(readFlag(argv, 'data')).toBe('/tmp/d');
  });

  it('is null when the flag is absent or has no value', () => {
    expect(readFlag(argv, 'port')).toBeNull();
    expect(readFlag(['electron', '.', '--model'], 'model')).toBeNull();
    expect(readFlag(['electron', '.', '--model', '--data', 'x'], 'model')).toBeNull();
    expect(readFlag(['electron', '.', '--data='], 'data')).toBeNull();
  });

  it('does not mistake a longer flag for the one asked', () => {
    expect(readFlag(['electron', '--models', 'x', '--model-path=y'], 'model')).toBeNull();
  });
});
