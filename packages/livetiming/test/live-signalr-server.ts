// A loopback SignalR Core server that speaks the F1 feed's protocol as documented: negotiate POST
// (with the load balancer's cookie), WebSocket, JSON handshake, `\x1e` framing with several messages
// per frame, Subscribe answered by a completion holding the full state, `feed` invocations, pings,
// and — on request — a dropped connection or a connection that goes silent. It plays an archive
// timeline as "the live session": what it has sent so far is the truth a client must end up with.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import WebSocket from 'ws';
import { LiveState } from '../src/live/state.js';
import type { Timeline } from '../src/live/timeline.js';
import type { JsonValue } from '../src/stream/merge.js';

const RS = '\x1e';
const TOKEN_ONLY = new Set(['CarData.z', 'Position.z']);

export interface FeedServerOptions {
  readonly timeline: Timeline;
  /** Timeline index the session is at when the server starts (what the first snapshot holds). */
  readonly from: number;
  /** Index after which the session ends (the server then sends a closing Heartbeat and idles). */
  readonly to: number;
  /** Token that unlocks CarData.z / Position.z (anonymous connections do not get them). */
  readonly token?: string;
  /** Feed messages per WebSocket frame. */
  readonly perFrame?: number;
  readonly pingMs?: number;
  /** On the first connection: after this many messages, skip `skipOnDrop` (sent to nobody) and cut the socket. */
  readonly dropAfter?: number;
  readonly skipOnDrop?: number;
  /** On the first connection: after this many messages, send nothing but pings. */
  readonly silentAfter?: number;
}

export interface FeedServer {
  readonly url: string;
  readonly negotiations: IncomingHttpHeaders[];
  readonly sockets: IncomingHttpHeaders[];
  readonly subscriptions: string[][];
  /** The feed's own state: every message of the session so far, sent or missed. */
  readonly truth: LiveState;
  /** Utc of the closing Heartbeat: once a client has it, it has everything. */
  readonly endUtc: string;
  close(): Promise<void>;
}

/** `.z` data goes over the wire as base64 raw DEFLATE, as the F1 feed sends it. */
function wire(topic: string, data: JsonValue): JsonValue {
  return topic.endsWith('.z') ? deflateRawSync(Buffer.from(JSON.stringify(data))).toString('base64') : data;
}

export async function startFeedServer(options: FeedServerOptions): Promise<FeedServer> {
  const msgs = options.timeline.messages;
  const truth = new LiveState();
  // Latest raw `.z` batch per topic: the Subscribe snapshot carries it as the feed does.
  const lastBatch = new Map<string, JsonValue>();
  const advance = (i: number) => {
    const m = msgs[i]!;
    truth.apply(m);
    if (m.topic.endsWith('.z')) lastBatch.set(m.topic, m.data);
  };
  let cursor = 0;
  while (cursor < options.from) advance(cursor++);
  const endUtc = new Date(msgs[options.to - 1]!.at + 1000).toISOString();

  const negotiations: IncomingHttpHeaders[] = [];
  const sockets: IncomingHttpHeaders[] = [];
  const subscriptions: string[][] = [];
  const tokens = new Set<string>();
  let connectionNo = 0;

  const http: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/signalrcore/negotiate' && url.searchParams.get('negotiateVersion') === '1') {
      negotiations.push(req.headers);
      const token = `tok-${negotiations.length}`;
      tokens.add(token);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': `AWSALBCORS=lb-${negotiations.length}; Path=/` });
      res.end(JSON.stringify({ negotiateVersion: 1, connectionId: `c${negotiations.length}`, connectionToken: token, availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }] }));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not found"}');
  });
  const wss = new WebSocket.Server({ noServer: true });
  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/signalrcore' || !tokens.has(url.searchParams.get('id') ?? '')) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    sockets.push(req.headers);
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, req.headers, ++connectionNo));
  });

  function serve(ws: WebSocket, headers: IncomingHttpHeaders, no: number): void {
    const authorised = options.token !== undefined && headers.authorization === `Bearer ${options.token}`;
    let subscribed = new Set<string>();
    // Only the topics subscribed to, and the token-only ones only with the token (the closing
    // Heartbeat is a test marker and always goes out).
    const visible = (topic: string) => subscribed.has(topic) && (authorised || !TOKEN_ONLY.has(topic));
    let handshaken = false;
    let streaming: NodeJS.Timeout | null = null;
    let sentHere = 0;
    const ping = setInterval(() => ws.send(`{"type":6}${RS}`), options.pingMs ?? 200);
    const stop = () => {
      clearInterval(ping);
      if (streaming) clearInterval(streaming);
    };
    ws.on('close', stop);
    ws.on('message', (raw) => {
      for (const text of String(raw).split(RS)) {
        if (!text) continue;
        const m = JSON.parse(text) as { type?: number; protocol?: string; invocationId?: string; target?: string; arguments?: unknown[] };
        if (!handshaken) {
          handshaken = true;
          ws.send(m.protocol === 'json' ? `{}${RS}` : `{"error":"unsupported protocol"}${RS}`);
          continue;
        }
        if (m.type === 1 && m.target === 'Subscribe') {
          const topics = (m.arguments?.[0] ?? []) as string[];
          subscriptions.push(topics);
          subscribed = new Set(topics);
          const result: Record<string, JsonValue> = {};
          for (const t of topics) {
            if (!visible(t)) continue;
            if (t.endsWith('.z')) {
              const batch = lastBatch.get(t);
              if (batch !== undefined) result[t] = wire(t, batch);
            } else if (truth.topics[t] !== undefined) {
              result[t] = truth.topics[t]!;
            }
          }
          ws.send(JSON.stringify({ type: 3, invocationId: m.invocationId, result }) + RS);
          streaming = setInterval(() => pump(), 1);
        }
      }
    });

    function pump(): void {
      const frame: string[] = [];
      while (frame.length < (options.perFrame ?? 25) && cursor < options.to) {
        if (no === 1 && options.silentAfter !== undefined && sentHere >= options.silentAfter) return;
        if (no === 1 && options.dropAfter !== undefined && sentHere >= options.dropAfter) {
          for (let k = 0; k < (options.skipOnDrop ?? 0) && cursor < options.to; k++) advance(cursor++);
          if (frame.length > 0) ws.send(frame.join(''));
          stop();
          ws.terminate(); // no close frame: the network just went away
          return;
        }
        const msg = msgs[cursor]!;
        advance(cursor++);
        sentHere++;
        if (visible(msg.topic)) frame.push(JSON.stringify({ type: 1, target: 'feed', arguments: [msg.topic, wire(msg.topic, msg.data), new Date(msg.at).toISOString()] }) + RS);
      }
      if (cursor >= options.to) {
        const end = { Utc: endUtc };
        truth.apply({ topic: 'Heartbeat', data: end, at: Date.parse(endUtc) });
        frame.push(JSON.stringify({ type: 1, target: 'feed', arguments: ['Heartbeat', end, endUtc] }) + RS);
        if (streaming) clearInterval(streaming);
        streaming = null;
      }
      if (frame.length > 0) ws.send(frame.join(''));
    }
  }

  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/signalrcore`,
    negotiations, sockets, subscriptions, truth, endUtc,
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
