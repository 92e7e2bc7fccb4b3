// The ceiling for P1: the same Fastify the API runs on, with nothing else — no Nest, no plugins,
// no logging. It answers the API's health path so that only the stack differs between the two.
// Prints `listening <port>` once ready; PORT=0 picks a free port. SPIN_US=<n> makes each answer
// burn n µs of CPU first: P9's ceiling, a server as CPU-hungry as the API with nothing shared.
import { createRequire } from 'node:module';
import { join } from 'node:path';

// Resolve Fastify from Nest's adapter, so both servers run the very same copy.
const fromRoot = createRequire(join(process.cwd(), 'package.json'));
const fromAdapter = createRequire(fromRoot.resolve('@nestjs/platform-fastify/package.json'));
const Fastify = fromAdapter('fastify');

const app = Fastify({ logger: false });
const spinUs = Number(process.env.SPIN_US ?? 0);
app.get('/api/health', async () => {
  if (spinUs > 0) {
    const until = process.hrtime.bigint() + BigInt(Math.round(spinUs * 1000));
    while (process.hrtime.bigint() < until);
  }
  return { status: 'ok' };
});

const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`listening ${new URL(address).port}\n`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => app.close().then(() => process.exit(0)));
}
