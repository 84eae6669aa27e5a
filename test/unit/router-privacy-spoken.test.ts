import { describe, expect, it } from 'vitest';
import { spokenShadow } from '../../src-main/router/privacy-spoken.js';

describe('the shadow text of dictated numbers', () => {
  it('writes number words as digits, keeping the other words', () => {
    expect(spokenShadow('my number is oh seven nine double one, thanks')?.text).toBe('my number is 07911, thanks');
  });

  it('reads a word that names an Object method ("constructor", "toString") as a word, not a digit', () => {
    expect(spokenShadow('double constructor one two three four')?.text).toBe('double constructor 1234');
    expect(spokenShadow('twenty constructor one two three four five')?.text).toBe('twenty constructor 12345');
    expect(spokenShadow('one two three toString four five six')?.text).toBe('123 toString 456');
  });
});
