// Hashed n-grams of a prompt for the difficulty features (features.ts): word uni/bigrams and
// character n-grams, presence only, de-duplicated in bit sets reused from prompt to prompt.
import { isRegexSpace } from './feature-chars.js';
import type { HashingSpec } from './features.js';
import { lowerAscii } from './feature-tokens.js';

/** Murmur3's finaliser: spreads combined hashes over the buckets (the privacy grams use it too). */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Scratch state for hashing, reused from prompt to prompt (garbage made per decision paces the
// garbage collector): one bit set over the buckets per family, 1 KB each at 8,192 buckets, so
// de-duplication stays in the L1 cache, and the union reads back in ascending order with no sort.
// `dirty` marks the 32-bit words of either set that hold a bit: a short prompt sets a few dozen
// buckets, and clearing and reading back only those words skips most of the 2 x 256.
let wordBits = new Int32Array(0);
let gramBits = new Int32Array(0);
let dirty = new Int32Array(0);

/** Clears (and sizes) the bit sets for `buckets` buckets. */
function clearBits(buckets: number): void {
  const words = (buckets + 31) >>> 5;
  if (wordBits.length !== words) {
    wordBits = new Int32Array(words);
    gramBits = new Int32Array(words);
    dirty = new Int32Array((words + 31) >>> 5);
    return;
  }
  for (let d = 0; d < dirty.length; d++) {
    for (let v = dirty[d]!; v !== 0; v &= v - 1) {
      const w = (d << 5) | (31 - Math.clz32(v & -v));
      wordBits[w] = 0;
      gramBits[w] = 0;
    }
    dirty[d] = 0;
  }
}

/** Sets bucket b in `bits`; returns 1 when it was not set yet (a new distinct bucket), else 0. */
function setBit(bits: Int32Array, b: number): number {
  const m = 1 << (b & 31);
  const w = b >>> 5;
  if (bits[w]! & m) return 0;
  bits[w]! |= m;
  dirty[w >>> 5]! |= 1 << (w & 31);
  return 1;
}

/** Scratch window of the last n characters, for charGramBuckets. */
let gram = new Int32Array(8);

/** FNV-1a seed of the character n-grams: not the words', so a gram and a word do not collide by design. */
const GRAM_SEED = 0x9747b28c;

/**
 * Sets the character n-gram buckets in gramBits and returns how many distinct ones: n-grams of
 * lowercase text with whitespace runs folded to one space, text.toLowerCase().replace(/\s+/g, ' '),
 * read on the fly. ASCII text is lowercased character by character; other text as a whole, as
 * toLowerCase depends on context there (a final sigma).
 */
function charGramBuckets(text: string, ascii: boolean, n: number, mask: number): number {
  const s = ascii ? text : text.toLowerCase();
  if (gram.length < n) gram = new Int32Array(n);
  let hits = 0;
  let seen = 0;
  let inSpace = false;
  // The last two characters, for the usual n = 3 (no ring buffer).
  let c1 = 0;
  let c2 = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (isRegexSpace(c)) {
      if (inSpace) continue;
      inSpace = true;
      c = 32;
    } else {
      inSpace = false;
      if (ascii) c = lowerAscii(c);
    }
    seen++;
    if (n === 3) {
      if (seen >= 3) {
        const h = Math.imul(Math.imul(Math.imul(GRAM_SEED ^ c1, 0x01000193) ^ c2, 0x01000193) ^ c, 0x01000193);
        hits += setBit(gramBits, mix(h) & mask);
      }
      c1 = c2;
      c2 = c;
      continue;
    }
    gram[(seen - 1) % n] = c;
    if (seen < n) continue;
    let h = GRAM_SEED;
    for (let j = seen; j < seen + n; j++) {
      h ^= gram[j % n]!;
      h = Math.imul(h, 0x01000193);
    }
    hits += setBit(gramBits, mix(h) & mask);
  }
  return hits;
}

/**
 * Hashed n-grams, presence only: word uni(/bi)grams and character n-grams, each family
 * L2-normalised on its own and weighted so the whole vector has norm ≈ 1 (a bucket two families
 * share adds up). `tokens` holds the first `tokenCount` token hashes (scanTokens).
 */
export function hashedNgrams(text: string, ascii: boolean, tokens: Int32Array, tokenCount: number, hashing: HashingSpec): { hashIdx: Int32Array; hashVal: Float64Array } {
  const buckets = hashing.buckets;
  if (buckets <= 0) return { hashIdx: new Int32Array(0), hashVal: new Float64Array(0) };
  clearBits(buckets);
  const mask = buckets - 1;
  let nw = 0;
  for (let i = 0; i < tokenCount; i++) {
    const h = tokens[i]!;
    nw += setBit(wordBits, mix(h) & mask);
    if (hashing.bigrams && i > 0) nw += setBit(wordBits, mix(Math.imul(tokens[i - 1]!, 0x9e3779b1) ^ h) & mask);
  }
  const n = hashing.charNgrams ?? 0;
  const ng = n > 0 ? charGramBuckets(text, ascii, n, mask) : 0;
  const families = (nw ? 1 : 0) + (ng ? 1 : 0);
  const vw = nw ? 1 / Math.sqrt(nw * families) : 0;
  const vg = ng ? 1 / Math.sqrt(ng * families) : 0;
  const vboth = vw + vg;
  // The union of the two, ascending: a bucket both families hit gets vw + vg.
  // Only the dirty words, in ascending order (the dirty bits are read lowest first).
  let total = 0;
  for (let d = 0; d < dirty.length; d++) {
    for (let dv = dirty[d]!; dv !== 0; dv &= dv - 1) {
      const w = (d << 5) | (31 - Math.clz32(dv & -dv));
      total += popcount(wordBits[w]! | gramBits[w]!);
    }
  }
  const hashIdx = new Int32Array(total);
  const hashVal = new Float64Array(total);
  let k = 0;
  for (let d = 0; d < dirty.length; d++) {
    for (let dv = dirty[d]!; dv !== 0; dv &= dv - 1) {
      const w = (d << 5) | (31 - Math.clz32(dv & -dv));
      const wb = wordBits[w]!;
      const gb = gramBits[w]!;
      let v = wb | gb;
      while (v !== 0) {
        const low = v & -v;
        hashIdx[k] = (w << 5) | (31 - Math.clz32(low));
        hashVal[k++] = wb & low ? (gb & low ? vboth : vw) : vg;
        v ^= low;
      }
    }
  }
  return { hashIdx, hashVal };
}

/** Set bits in a 32-bit integer. */
function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
