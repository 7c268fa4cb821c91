'use client';

// The live view over Server-Sent Events: a snapshot, then JSON Patch operations applied as they come
// (a generic transport: the view itself is computed by the API). The delay is applied by the server,
// so changing it reconnects and the first event is already the view as of now − delay. EventSource
// reconnects by itself and sends Last-Event-ID, so a dropped connection resumes without a gap.
import * as React from 'react';
import jsonpatch, { type Operation } from 'fast-json-patch';
import type { LiveView } from './types';

export type StreamState = 'connecting' | 'open' | 'reconnecting';

export interface LiveStream {
  view: LiveView | null;
  state: StreamState;
  /** wall-clock ms (performance.now) when the current view arrived, for interpolation between frames */
  receivedAt: number;
}

export function useLiveStream(delaySeconds: number): LiveStream {
  const [stream, setStream] = React.useState<LiveStream>({ view: null, state: 'connecting', receivedAt: 0 });
  React.useEffect(() => {
    let view: LiveView | null = null;
    setStream({ view: null, state: 'connecting', receivedAt: 0 });
    const source = new EventSource(`/api/v1/live/stream?delay=${delaySeconds}`);
    const publish = () => setStream({ view, state: 'open', receivedAt: performance.now() });
    source.addEventListener('snapshot', (e) => {
      view = (JSON.parse((e as MessageEvent<string>).data) as { view: LiveView }).view;
      publish();
    });
    source.addEventListener('patch', (e) => {
      if (!view) return;
      const { ops } = JSON.parse((e as MessageEvent<string>).data) as { ops: Operation[] };
      view = jsonpatch.applyPatch(view, ops, false, false).newDocument;
      publish();
    });
    source.onerror = () => setStream((s) => ({ ...s, state: s.view ? 'reconnecting' : 'connecting' }));
    source.onopen = () => setStream((s) => (s.view ? { ...s, state: 'open' } : s));
    return () => source.close();
  }, [delaySeconds]);
  return stream;
}
