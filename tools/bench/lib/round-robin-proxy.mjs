// A small HTTP load balancer for the scale-out benchmarks (P9, P10), standing in for nginx's
// `upstream` (docker/nginx.conf) on a machine without it: each request goes to the next upstream
// in turn over keep-alive connections. A request an upstream refused before reading it (connection
// refused or reset before any answer: the process is down) is sent to the next one, as nginx's
// `proxy_next_upstream error` does; an answer cut after that is a 502, which a client retries.
// The upstream list can change while it runs (`setUpstreams`), and the run counts its answers.
//
// In its own process (so that it does not share the load generator's event loop):
//   node tools/bench/lib/round-robin-proxy.mjs <port> <upstream URL>…   (prints `listening <port>`)
import { Agent, createServer, request } from 'node:http';
import { pathToFileURL } from 'node:url';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

/** How long an upstream that refused a connection is skipped before it is tried again. */
const DOWN_FOR_MS = 1_000;

export function createRoundRobinProxy(initialUpstreams) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let upstreams = initialUpstreams.map((url) => ({ url: new URL(url), downUntil: 0 }));
  let next = 0;
  const counts = { forwarded: 0, retried: 0, badGateway: 0 };

  const pick = () => {
    const now = Date.now();
    for (let i = 0; i < upstreams.length; i++) {
      const upstream = upstreams[(next + i) % upstreams.length];
      if (upstream.downUntil <= now) {
        next = (next + i + 1) % upstreams.length;
        return upstream;
      }
    }
    // All marked down: try the next anyway (one may be back).
    return upstreams[next++ % upstreams.length];
  };

  const forward = (req, res, body, attemptsLeft) => {
    const upstream = pick();
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name)) headers[name] = value;
    }
    headers['x-forwarded-for'] = req.socket.remoteAddress;
    headers['content-length'] = String(body.length);
    let answered = false;
    const outgoing = request(
      {
        host: upstream.url.hostname,
        port: upstream.url.port,
        method: req.method,
        path: req.url,
        headers,
        agent,
      },
      (answer) => {
        answered = true;
        const out = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (!HOP_BY_HOP.has(name)) out[name] = value;
        }
        res.writeHead(answer.statusCode, out);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
        counts.forwarded += 1;
      },
    );
    outgoing.on('error', (err) => {
      if (answered) return;
      // Refused, or a kept-alive socket the upstream closed before reading this request.
      const unread =
        err.code === 'ECONNREFUSED' || (err.code === 'ECONNRESET' && outgoing.reusedSocket);
      if (err.code === 'ECONNREFUSED') upstream.downUntil = Date.now() + DOWN_FOR_MS;
      if (unread && attemptsLeft > 0) {
        counts.retried += 1;
        forward(req, res, body, attemptsLeft - 1);
        return;
      }
      counts.badGateway += 1;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    outgoing.end(body);
  };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), upstreams.length * 2));
  });
  server.keepAliveTimeout = 65_000;

  return {
    server,
    counts,
    setUpstreams(urls) {
      upstreams = urls.map((url) => ({ url: new URL(url), downUntil: 0 }));
      next = 0;
    },
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [port, ...upstreams] = process.argv.slice(2);
  if (!port || upstreams.length === 0) {
    process.stderr.write('Usage: round-robin-proxy.mjs <port> <upstream URL>…\n');
    process.exit(64);
  }
  const proxy = createRoundRobinProxy(upstreams);
  proxy.server.listen(Number(port), '127.0.0.1', () => {
    process.stdout.write(`listening ${proxy.server.address().port}\n`);
  });
  // SIGUSR2 prints the counts (the benchmark reads them from the log).
  process.on('SIGUSR2', () => process.stdout.write(`counts ${JSON.stringify(proxy.counts)}\n`));
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => proxy.close().then(() => process.exit(0)));
}
