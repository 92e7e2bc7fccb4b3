import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The address clients use instead of the real service's. */
  port: number;
  /** The service "goes down": open connections are reset and new ones refused with a reset. */
  cut(): void;
  /** The service is back: new connections reach it again. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of a shared service (PostgreSQL, Redis) that a fault test can cut and
 * restore, to play an outage without ever stopping the shared server.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let down = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A reset peer is the point of the exercise, not a test failure.
    socket.on('error', () => undefined);
  };
  const server: Server = createServer((client) => {
    track(client);
    if (down) {
      client.resetAndDestroy();
      return;
    }
    const upstream = createConnection(target);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cut() {
      down = true;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
