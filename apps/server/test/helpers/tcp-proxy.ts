// A TCP proxy in front of a real server (Redis) that a test can cut, as the server stopping or the
// network failing would look to its clients.
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface CuttableProxy {
  /** Port clients connect to. */
  readonly port: number;
  /** Closes the listener and every connection through it. */
  cut(): void;
}

export async function cuttableProxy(upstreamPort: number, upstreamHost = '127.0.0.1'): Promise<CuttableProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((downstream) => {
    const upstream = createConnection(upstreamPort, upstreamHost);
    for (const s of [downstream, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
    }
    downstream.pipe(upstream).pipe(downstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      server.close();
      for (const s of sockets) s.destroy();
    },
  };
}
