// `/static/StreamingStatus.json` says whether a session is being streamed now ("Available") or not
// ("Offline"); read through the archive Source, so a loopback server or a directory serves it too.
import { bodyText, Source } from '../../archive/source.js';
import { F1_LIVETIMING_URL } from './topics.js';

export interface StreamingStatus {
  /** True when the feed is streaming a session. */
  readonly live: boolean;
  /** As sent: "Available", "Offline", … */
  readonly status: string;
}

/** Asks the feed host whether a session is live. Throws a `SourceError` when the host cannot be reached. */
export async function fetchStreamingStatus(base: string | Source = F1_LIVETIMING_URL): Promise<StreamingStatus> {
  const source = typeof base === 'string' ? new Source({ base, retry: { retries: 0 }, timeoutMs: 10_000, headers: { 'Cache-Control': 'no-cache' } }) : base;
  const res = await source.get('/static/StreamingStatus.json');
  if (!res) return { live: false, status: 'Missing' };
  let status = 'Unreadable';
  try {
    const parsed = JSON.parse(bodyText(res.body)) as { Status?: unknown };
    if (typeof parsed.Status === 'string') status = parsed.Status;
  } catch {
    // fall through: an unreadable answer is not a live session
  }
  return { live: status === 'Available', status };
}

/**
 * Resolves once StreamingStatus.json says a session is live (true), or when `signal` aborts (false).
 * Unreachable hosts and offline answers are reported through `onCheck` and polled again.
 */
export async function waitForLiveSession(options: {
  readonly base?: string | Source;
  readonly signal?: AbortSignal;
  /** Poll interval (ms). Default 60 s. */
  readonly intervalMs?: number;
  readonly onCheck?: (result: StreamingStatus | { readonly error: string }) => void;
} = {}): Promise<boolean> {
  for (;;) {
    if (options.signal?.aborted) return false;
    try {
      const s = await fetchStreamingStatus(options.base);
      options.onCheck?.(s);
      if (s.live) return true;
    } catch (err) {
      options.onCheck?.({ error: err instanceof Error ? err.message : String(err) });
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        resolve();
      };
      const t = setTimeout(done, options.intervalMs ?? 60_000);
      options.signal?.addEventListener('abort', done, { once: true });
    });
  }
}
