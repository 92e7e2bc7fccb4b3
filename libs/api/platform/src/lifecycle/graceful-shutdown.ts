import { Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { ROOT_LOGGER } from '../logging/logging.module';

/** Whether the process is shutting down; readiness reads it, the HTTP layer answers by it. */
@Injectable()
export class ShutdownState {
  private isDraining = false;

  get draining(): boolean {
    return this.isDraining;
  }

  beginDraining(): void {
    this.isDraining = true;
  }
}

/**
 * While draining, every answer says `Connection: close`, so keep-alive clients (browsers, the
 * proxy) open their next request elsewhere instead of reusing a socket about to be closed.
 */
export function registerDrainingConnectionClose(
  fastify: FastifyInstance,
  state: ShutdownState,
): void {
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (state.draining) reply.header('connection', 'close');
    done(null, payload);
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// How often idle sockets are reaped while in-flight requests finish.
const IDLE_SWEEP_MS = 100;

/**
 * The server's open sockets. Node's own count (`getConnections`, the `close` callback) drops to
 * zero once the server stops listening even while requests are still being answered, so the
 * drain counts them itself.
 */
function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}

/** Stops accepting connections and resolves once every open socket has closed. */
async function drainServer(server: Server, sockets: Set<Socket>): Promise<void> {
  server.close();
  // Node ≥ 19 closed the idle keep-alive sockets in `close`; busy ones close after their answer
  // (it carries `Connection: close`), and any that turned idle in between are reaped here.
  while (sockets.size > 0) {
    server.closeIdleConnections();
    await delay(IDLE_SWEEP_MS);
  }
}

/**
 * A deploy's SIGTERM (or Ctrl-C) without a client error: readiness turns 503, requests keep being
 * served for `SHUTDOWN_DRAIN_DELAY_MS`, then the port closes, in-flight requests finish, idle
 * keep-alive sockets close, and only then do the modules close their database and Redis
 * connections. `SHUTDOWN_TIMEOUT_MS` bounds it all.
 *
 * Nest's own `enableShutdownHooks` is not used: it closes the modules (database, Redis) before
 * the HTTP server, under the feet of the requests still running. Fastify's own close is not
 * relied on for the drain either: 5.10 destroys busy sockets when `forceCloseConnections` is
 * `'idle'`, and later versions wait out the keep-alive timeout for sockets that turn idle during
 * the close. When `app.close()` reaches Fastify, no connection is left.
 *
 * Call it before `listen`, so that every connection is counted.
 */
export function handleShutdownSignals(app: NestFastifyApplication): void {
  const server = app.getHttpServer() as Server;
  const sockets = trackSockets(server);
  const config = app.get(AppConfig);
  const logger = app.get<Logger>(ROOT_LOGGER);
  const state = app.get(ShutdownState);
  let shuttingDown = false;

  const shutDown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const deadline = setTimeout(() => {
      logger.error(
        { signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
        'shutdown deadline passed; exiting with requests still open',
      );
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();

    state.beginDraining();
    logger.info(
      { signal, drainDelayMs: config.shutdownDrainDelayMs },
      'shutting down: readiness answers 503',
    );
    try {
      await delay(config.shutdownDrainDelayMs);
      await drainServer(server, sockets);
      await app.close();
      logger.info({ signal }, 'shut down cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error, signal }, 'shutdown failed');
      process.exit(1);
    }
  };

  // A second signal (a process manager after a terminal's Ctrl-C) must not cut the drain short.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, shutDown);
}
