// The chaos run's PostgreSQL access: one client per function, retried while the database is
// down (it is one of the services the run kills).
import { requireFromRoot, sleep } from '../dev/lib.mjs';

/** A PostgreSQL client for one function, closed afterwards. */
export async function withClient(url, fn) {
  const { Client } = requireFromRoot('pg');
  const client = new Client({ connectionString: url, application_name: 'oris-chaos' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Retries `fn` while the database is down (it is one of the services the run kills). */
export async function withClientRetrying(url, fn, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await withClient(url, fn);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(500);
    }
  }
}
