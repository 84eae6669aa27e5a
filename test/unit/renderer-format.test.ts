import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../src-renderer/lib/format.js';

describe('money on the savings dashboard', () => {
  it('never shows a real but tiny amount as nothing', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.00004)).toBe('< $0.0001');
    expect(formatUsd(0.0012)).toBe('$0.0012');
    expect(formatUsd(12.4)).toBe('$12.40');
  });
});
