// Raw DEFLATE decoding of `.z` lines with one reused zlib stream.
//
// A session's CarData.z and Position.z hold ~9,000 lines, each its own small DEFLATE stream.
// `zlib.inflateRawSync` builds a whole stream object (zlib state, a 32 KiB window, a 16 KiB output
// buffer) per call, freed only when the garbage collector gets to it: on the 2025 Mexico City
// qualifying that is about half of the telemetry parse's CPU and ~35 MiB of peak RSS. Here one
// inflater is reset between lines and writes into one growing buffer.
//
// Resetting and writing synchronously go through the stream's handle, which Node uses for its own
// `*Sync` functions but does not document. When the handle does not look as expected, or a line
// fails, `inflateRawSync` decodes it instead (and throws zlib's usual error for a bad line), so the
// result never depends on the shortcut.
import { constants, createInflateRaw, inflateRawSync, type InflateRaw } from 'node:zlib';

interface ZlibHandle {
  reset(): void;
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
}
interface HandleView {
  _handle: ZlibHandle | null;
  /** [avail_out, avail_in] after the last write. */
  _writeState: Uint32Array;
}

let inflater: (InflateRaw & HandleView) | null = null;
let usable = true;
let out = Buffer.allocUnsafe(64 * 1024);

function open(): (InflateRaw & HandleView) | null {
  if (inflater !== null && inflater._handle !== null && !inflater.destroyed) return inflater;
  const s = createInflateRaw() as InflateRaw & HandleView;
  // A bad line makes the stream emit 'error' (asynchronously); it is handled below, not thrown again.
  s.on('error', () => undefined);
  const h = s._handle;
  if (!h || typeof h.reset !== 'function' || typeof h.writeSync !== 'function' || !(s._writeState instanceof Uint32Array)) {
    usable = false;
    s.destroy();
    return null;
  }
  inflater = s;
  return s;
}

/**
 * Inflates one raw DEFLATE stream. The result is a view of a shared buffer, valid until the next
 * call: read it (or copy it) before inflating again.
 */
export function inflateRawReused(input: Uint8Array): Buffer {
  const n = inflateRawInto(input, input.length);
  return inflated.bytes.subarray(0, n);
}

/** Where {@link inflateRawInto} leaves its output: `bytes[0, n)`, valid until the next call. */
export const inflated: { bytes: Buffer } = { bytes: out };

/**
 * Inflates the raw DEFLATE stream `input[0, length)` into `inflated.bytes` and returns its length.
 * No view is made of the input or the output: the `.z` readers call this once per line.
 */
export function inflateRawInto(input: Uint8Array, length: number): number {
  const s = usable ? open() : null;
  if (s === null) return inflateSlow(input, length);
  const h = s._handle!;
  for (;;) {
    h.reset();
    h.writeSync(constants.Z_FINISH, input, 0, length, out, 0, out.length);
    if (s._handle !== h || s.destroyed) {
      inflater = null;
      return inflateSlow(input, length); // zlib's own error (or result) for this line
    }
    const availOut = s._writeState[0]!;
    if (availOut === 0) {
      out = Buffer.allocUnsafe(out.length * 2);
      continue;
    }
    inflated.bytes = out;
    return out.length - availOut;
  }
}

function inflateSlow(input: Uint8Array, length: number): number {
  const r = inflateRawSync(input.subarray(0, length));
  inflated.bytes = r;
  return r.length;
}
