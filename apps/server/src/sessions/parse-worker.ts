// The parser thread's entry (started by parse-thread.ts): runs parseSession on sources that relay
// every read to the thread that started it, reports progress, and posts the result or the error.
import { parentPort, workerData } from 'node:worker_threads';
import { ArchiveClient, Source, type SourceBody } from '@apexdata/livetiming';
import type { SessionSources } from './catalog.js';
import { parseSession } from './parse.js';
import {
  asBuffer, errorFromWire, errorToWire, loadToWire, type FromWorker, type RelaySpec, type SourceName, type ToWorker,
  type WorkerInput,
} from './parse-thread.js';

const port = parentPort!;
const input = workerData as WorkerInput;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const pending = new Map<number, { resolve: (body: SourceBody | null) => void; reject: (err: Error) => void }>();
let nextId = 0;
port.on('message', (m: ToWorker) => {
  const waiting = pending.get(m.id);
  pending.delete(m.id);
  if (m.type === 'body') waiting?.resolve(m.body ? { ...m.body, body: asBuffer(m.body.body) } : null);
  else waiting?.reject(errorFromWire(m.error));
});

/** A source whose reads are answered by the other thread's source of the same name. */
class RelayedSource extends Source {
  constructor(spec: RelaySpec, private readonly name: SourceName) {
    super({ base: spec.base, offline: spec.offline });
  }

  override get(path: string): Promise<SourceBody | null> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      post({ type: 'read', id, source: this.name, path });
    });
  }
}

const relayed = (name: SourceName) => {
  const spec = input.sources[name];
  return spec ? new RelayedSource(spec, name) : null;
};
const sources: SessionSources = {
  archive: new ArchiveClient(relayed('archive')!),
  jolpica: relayed('jolpica'),
  schedule: relayed('schedule'),
};

try {
  const load = await parseSession(sources, input.request, (progress) => post({ type: 'progress', progress }));
  const wire = loadToWire(load);
  post({ type: 'done', load: wire.load }, wire.transfer);
} catch (err) {
  post({ type: 'failed', error: errorToWire(err) });
}
// The port's listener would keep the thread alive; the other side ends it once it has the answer.
port.unref();
