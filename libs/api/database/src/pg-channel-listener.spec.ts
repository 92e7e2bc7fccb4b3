import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PgChannelListener } from './pg-channel-listener';

/** The shared PostgreSQL of the tests; channels and session names are this test's own. */
const URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Polls a condition (never a duration). */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 1_000; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never met');
}

describe('PgChannelListener (real PostgreSQL)', () => {
  const suffix = randomBytes(4).toString('hex');
  const channel = `oris_test_channel_${suffix}`;
  const applicationName = `oris-test-listener-${suffix}`;
  let admin: Client;
  let listener: PgChannelListener;
  const events: string[] = [];

  const sessions = async () =>
    Number(
      (
        await admin.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
          [applicationName],
        )
      ).rows[0].n,
    );

  beforeAll(async () => {
    admin = new Client({ connectionString: URL });
    await admin.connect();
    listener = new PgChannelListener(
      {
        connectionString: URL,
        applicationName,
        channel,
        label: 'PgChannelListener test',
        retry: { firstMs: 20, maxMs: 100 },
      },
      {
        notified: (payload) => events.push(`notified:${payload}`),
        listening: () => events.push('listening'),
        lost: () => events.push('lost'),
      },
    );
    listener.start();
  });

  afterAll(async () => {
    await listener.stop();
    await admin.end();
  });

  it('listens once ready, with a session named after its owner', async () => {
    await listener.ready();
    expect(listener.listening).toBe(true);
    expect(events).toEqual(['listening']);
    expect(await sessions()).toBe(1);
  });

  it('hands over the payload of a committed notification, and nothing of a rolled-back one', async () => {
    events.length = 0;
    await admin.query('BEGIN');
    await admin.query(`SELECT pg_notify($1, 'rolled back')`, [channel]);
    await admin.query('ROLLBACK');
    await admin.query(`SELECT pg_notify($1, 'other channel')`, [`${channel}_x`]);
    await admin.query(`SELECT pg_notify($1, '42')`, [channel]);
    await until(() => events.length > 0);
    expect(events).toEqual(['notified:42']);
  });

  it('reports a lost session, then listens again on a new one by itself', async () => {
    events.length = 0;
    const [{ terminated }] = (
      await admin.query(
        `SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
          WHERE application_name = $1`,
        [applicationName],
      )
    ).rows;
    expect(terminated).toBe(1);
    await until(() => events.includes('listening'));
    expect(events).toEqual(['lost', 'listening']);
    expect(listener.listening).toBe(true);

    events.length = 0;
    await admin.query(`SELECT pg_notify($1, 'after')`, [channel]);
    await until(() => events.length > 0);
    expect(events).toEqual(['notified:after']);
  });

  it('keeps retrying while it cannot connect, and stops without calling a handler', async () => {
    const failing: string[] = [];
    const unreachable = new PgChannelListener(
      {
        connectionString: `${URL.replace(/\/[^/]*$/, '')}/oris_no_such_database_${suffix}`,
        applicationName: `${applicationName}-failing`,
        channel,
        label: 'PgChannelListener test (failing)',
        retry: { firstMs: 20, maxMs: 40 },
      },
      {
        notified: () => failing.push('notified'),
        listening: () => failing.push('listening'),
        lost: () => failing.push('lost'),
      },
    );
    const attempts = jest.spyOn(unreachable as unknown as { connect(): Promise<void> }, 'connect');
    unreachable.start();
    await unreachable.ready();
    expect(unreachable.listening).toBe(false);
    await until(() => attempts.mock.calls.length >= 3);
    await unreachable.stop();
    expect(failing).toEqual([]);
  });

  it('ends its session on stop and hears nothing more', async () => {
    events.length = 0;
    await listener.stop();
    expect(listener.listening).toBe(false);
    await until(async () => (await sessions()) === 0);
    await admin.query(`SELECT pg_notify($1, 'late')`, [channel]);
    // A round trip on the notifying session: had anything listened, nothing would reach it now.
    await admin.query('SELECT 1');
    expect(events).toEqual([]);
  });
});
