import { inflateRawReused } from './inflate.js';

/**
 * Decodes a compressed `.z` payload: base64 of raw DEFLATE (no zlib header) holding UTF-8 JSON,
 * possibly with a BOM. The payload may still carry the JSON string quotes of the stream line.
 */
export function decodeCompressed(payload: string): unknown {
  let b64 = payload;
  if (b64.length >= 2 && b64.charCodeAt(0) === 34 && b64.charCodeAt(b64.length - 1) === 34) b64 = b64.slice(1, -1);
  const bytes = inflateRawReused(Buffer.from(b64, 'base64'));
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return JSON.parse(text);
}
