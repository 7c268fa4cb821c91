// Base64 decoding straight from bytes. Node decodes base64 only from strings; the `.z` lines are
// read as bytes (see StreamLineReader), and a string per line would be garbage made only to be
// decoded.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** 6-bit value of each byte; 64 for a byte outside the standard alphabet. */
const VALUE = new Uint8Array(256).fill(64);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
const PAD = 61; // '='

/**
 * Decodes standard base64 (padded or not) held in `src[from, to)` into `out`, which must hold
 * ⌈3/4 of the input⌉ bytes. Returns the number of bytes written, or -1 when the input is anything
 * else (another alphabet, whitespace, data after the padding): callers then decode it with Node's
 * lenient decoder, so that such input gives what it always gave.
 */
export function decodeBase64Into(src: Uint8Array, from: number, to: number, out: Uint8Array): number {
  let o = 0;
  let i = from;
  // Whole quads while all four bytes are in the alphabet: the bulk of the input.
  for (; i + 4 <= to; i += 4) {
    const a = VALUE[src[i]!]!;
    const b = VALUE[src[i + 1]!]!;
    const c = VALUE[src[i + 2]!]!;
    const d = VALUE[src[i + 3]!]!;
    if ((a | b | c | d) > 63) break;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  // The last 2–3 characters, then at most two '=' and nothing else.
  let acc = 0;
  let bits = 0;
  for (; i < to && src[i] !== PAD; i++) {
    const v = VALUE[src[i]!]!;
    if (v > 63) return -1;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  for (let pads = 0; i < to; i++, pads++) if (src[i] !== PAD || pads >= 2) return -1;
  return o;
}
