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
  const s = usable ? open() : null;
  if (s === null) return inflateRawSync(input);
  const h = s._handle!;
  for (;;) {
    h.reset();
    h.writeSync(constants.Z_FINISH, input, 0, input.length, out, 0, out.length);
    if (s._handle !== h || s.destroyed) {
      inflater = null;
      return inflateRawSync(input); // zlib's own error (or result) for this line
    }
    const availOut = s._writeState[0]!;
    if (availOut === 0) {
      out = Buffer.allocUnsafe(out.length * 2);
      continue;
    }
    return out.subarray(0, out.length - availOut);
  }
}
