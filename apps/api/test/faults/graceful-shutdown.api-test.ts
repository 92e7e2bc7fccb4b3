import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { registration, uniqueIp } from '../identity/support/identity-client';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { spawnApi, type ApiProcess } from './api-process';

interface Answer {
  status: number;
  connection: string | undefined;
}

/** One HTTP request on `agent`; rejects on a reset or a cut connection (what must never happen). */
function send(api: ApiProcess, agent: Agent, method: string, path: string, body?: unknown) {
  return new Promise<Answer>((resolve, reject) => {
    const { port } = new URL(api.url);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(port),
        method,
        path,
        agent,
        headers: {
          ...(payload && { 'content-type': 'application/json' }),
          // Each its own client address, so that the per-IP rate limit never answers.
          'x-forwarded-for': uniqueIp(),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

const settled = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);

/**
 * A request whose headers and first bytes go out now (on a socket `agent` already opened) and the rest of the body on `finish()`:
 * a slow upload, in flight for as long as the test decides.
 */
function startUpload(api: ApiProcess, agent: Agent, body: unknown) {
  const payload = Buffer.from(JSON.stringify(body));
  const { port } = new URL(api.url);
  let finish = () => undefined as void;
  let headersSent!: Promise<void>;
  const answer = new Promise<Answer>((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(port),
        method: 'POST',
        path: '/api/v1/auth/register',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          'x-forwarded-for': uniqueIp(),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }),
        );
      },
    );
    outgoing.on('error', reject);
    headersSent = new Promise<void>((sent) =>
      outgoing.write(payload.subarray(0, 10), () => sent()),
    );
    finish = () => void outgoing.end(payload.subarray(10));
  });
  return { answer, headersSent, finish: () => finish() };
}

/** Resolves once the API refuses new connections: its listening socket is closed. */
async function portClosed(api: ApiProcess): Promise<void> {
  const { port } = new URL(api.url);
  for (let attempt = 0; attempt < 300; attempt++) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The API kept accepting connections after SIGTERM');
}

// Each test boots the real API from the sources (tens of seconds on a busy machine).
const SPAWNED_TEST_TIMEOUT_MS = 180_000;

describe('SIGTERM during load (R6): in-flight requests finish, then the process exits', () => {
  let api: ApiProcess;

  afterEach(() => api?.close());

  it(
    'answers every in-flight request, closes idle keep-alive sockets, turns unready first and exits 0',
    async () => {
      api = await spawnApi({ SHUTDOWN_DRAIN_DELAY_MS: '2000', SHUTDOWN_TIMEOUT_MS: '30000' });

      // Keep-alive sockets opened before the signal, as a browser or a proxy keeps them: one to
      // ask readiness on during the drain, one left idle throughout.
      const prober = new Agent({ keepAlive: true, maxSockets: 1 });
      const idle = new Agent({ keepAlive: true, maxSockets: 1 });
      expect((await send(api, prober, 'GET', '/api/health')).status).toBe(200);
      expect((await send(api, idle, 'GET', '/api/health')).status).toBe(200);
      const idleSocketClosed = new Promise<void>((resolve) =>
        Object.values(idle.freeSockets)
          .flat()[0]
          ?.once('close', () => resolve()),
      );

      // Uploads still arriving when the port closes: their bodies are sent only afterwards.
      const uploaders = Array.from(
        { length: 5 },
        () => new Agent({ keepAlive: true, maxSockets: 1 }),
      );
      await Promise.all(uploaders.map((uploader) => send(api, uploader, 'GET', '/api/health')));
      const uploads = uploaders.map((uploader) => startUpload(api, uploader, registration()));
      // And a load of registrations, each hashing a password (argon2id), on 30 keep-alive sockets
      // the server has already accepted: a connection still in the kernel's queue when the port
      // closes is refused by the kernel, which the drain delay is for (the load balancer stops
      // opening them), not something a test on a busy machine should race against.
      const clients = Array.from(
        { length: 30 },
        () => new Agent({ keepAlive: true, maxSockets: 1 }),
      );
      await Promise.all(clients.map((client) => send(api, client, 'GET', '/api/health')));
      const inFlight = settled(
        clients.map((client) => send(api, client, 'POST', '/api/v1/auth/register', registration())),
      );
      await Promise.all(uploads.map((upload) => upload.headersSent));
      api.child.kill('SIGTERM');
      await api.logged('shutting down: readiness answers 503');

      // Readiness turns 503 first, while the port still answers.
      expect(await send(api, prober, 'GET', '/api/health/ready')).toEqual({
        status: 503,
        connection: 'close',
      });
      await portClosed(api);

      for (const upload of uploads) upload.finish();
      const answers = await settled([...uploads.map((upload) => upload.answer)]);
      const loadAnswers = await inFlight;
      const all = [...answers, ...loadAnswers];
      expect(all.filter((answer) => answer.status === 'rejected')).toEqual([]);
      expect(all.map((answer) => answer.status === 'fulfilled' && answer.value.status)).toEqual(
        Array(35).fill(201),
      );

      await idleSocketClosed;
      expect(await api.exited).toEqual({ code: 0, signal: null });
      const messages = api.logLines().map((line) => line['msg']);
      expect(messages).toContain('shutting down: readiness answers 503');
      expect(messages).toContain('shut down cleanly');
      for (const used of [...clients, ...uploaders, prober, idle]) used.destroy();
    },
    SPAWNED_TEST_TIMEOUT_MS,
  );

  it(
    'exits at the hard deadline when a request never completes',
    async () => {
      api = await spawnApi({ SHUTDOWN_DRAIN_DELAY_MS: '0', SHUTDOWN_TIMEOUT_MS: '2000' });
      const { port } = new URL(api.url);
      // A client that announces a body and never sends it: the request stays in flight for good.
      const stuck = connect(Number(port), '127.0.0.1');
      stuck.on('error', () => undefined);
      await new Promise<void>((resolve) => stuck.once('connect', () => resolve()));
      stuck.write(
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      api.child.kill('SIGTERM');

      expect(await api.exited).toEqual({ code: 1, signal: null });
      expect(api.logLines().map((line) => line['msg'])).toContain(
        'shutdown deadline passed; exiting with requests still open',
      );
      stuck.destroy();
    },
    SPAWNED_TEST_TIMEOUT_MS,
  );
});

describe('readiness of the real process while Redis is down', () => {
  let api: ApiProcess;
  let redis: TcpProxy;

  afterAll(async () => {
    await api?.close();
    await redis?.close();
  });

  it(
    'logs one warning without a stack when it turns unready, one line when ready again, and nothing raw on stderr',
    async () => {
      const shared = new URL(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
      redis = await startTcpProxy({ host: shared.hostname, port: Number(shared.port || 6379) });
      api = await spawnApi({ REDIS_URL: `redis://127.0.0.1:${redis.port}` });
      const probe = new Agent({ keepAlive: false });
      expect((await send(api, probe, 'GET', '/api/health/ready')).status).toBe(200);

      redis.cut();
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await send(api, probe, 'GET', '/api/health/ready')).status).toBe(503);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      redis.restore();
      let status = 0;
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        status = (await send(api, probe, 'GET', '/api/health/ready')).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);

      const readiness = api.logLines().filter((line) => line['context'] === 'Readiness');
      expect(readiness.map((line) => [line['level'], line['msg']])).toEqual([
        [40, 'not ready: redis down'],
        [30, 'ready: PostgreSQL and Redis answer'],
      ]);
      expect(JSON.stringify(readiness)).not.toContain('"stack"');
      expect(api.stdout()).not.toContain('"level":50');
      expect(api.stderr()).not.toContain('[ioredis]');
    },
    SPAWNED_TEST_TIMEOUT_MS,
  );
});
