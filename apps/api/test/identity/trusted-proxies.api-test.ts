import { startTestApp, TestApp } from '../support/test-app';
import { uniqueEmail } from './support/identity-client';

const LIMIT = 3;
/** Fixed one-minute windows: 2 × limit + 1 attempts overflow one of them wherever they start. */
const BURST = 2 * LIMIT + 1;

/** Documentation addresses (RFC 5737): the real clients, and what they pretend to be. */
const CLIENT = '198.51.100.7';
const OTHER_CLIENT = '198.51.100.8';
const THIRD_CLIENT = '198.51.100.9';
const TLS_FRONT = '192.0.2.10';
const NGINX = '127.0.0.1';

let spoofs = 0;
/** A different made-up address on every request, as a client escaping a per-address budget would send. */
const spoofed = () => `203.0.113.${1 + (spoofs++ % 250)}`;

/**
 * The login budget is per address (request.ip), so it shows which address the API believed.
 * Each attempt uses a new e-mail, so only the address budget can run out.
 */
async function loginStatuses(
  api: TestApp,
  from: { remoteAddress: string; forwardedFor?: () => string },
  attempts = BURST,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      // The TCP peer the API sees: the client itself, or the last proxy.
      remoteAddress: from.remoteAddress,
      headers: from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor() } : {},
      payload: { email: uniqueEmail('nobody'), password: 'wrong-password-00' },
    });
    statuses.push(response.statusCode);
    if (response.statusCode === 429) break;
  }
  return statuses;
}

const expectLimitedAfterBudget = (statuses: number[]) => {
  expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401));
  expect(statuses[statuses.length - 1]).toBe(429);
};

describe('client address with clients connecting directly (TRUST_PROXY=false)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ TRUST_PROXY: 'false', LOGIN_RATE_LIMIT_PER_ADDRESS: String(LIMIT) });
  });
  afterAll(() => api.close());

  it('ignores X-Forwarded-For: a new made-up address on every request does not escape the budget', async () => {
    expectLimitedAfterBudget(
      await loginStatuses(api, { remoteAddress: CLIENT, forwardedFor: spoofed }),
    );
  });

  it('keeps separate budgets for separate connecting addresses', async () => {
    expect(await loginStatuses(api, { remoteAddress: OTHER_CLIENT }, 1)).toEqual([401]);
  });
});

describe('client address behind nginx on the same host (TRUST_PROXY=loopback)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      TRUST_PROXY: 'loopback',
      LOGIN_RATE_LIMIT_PER_ADDRESS: String(LIMIT),
    });
  });
  afterAll(() => api.close());

  it('believes the address nginx appended, not what the client wrote before it', async () => {
    // nginx appends its peer to whatever X-Forwarded-For the client sent.
    const statuses = await loginStatuses(api, {
      remoteAddress: NGINX,
      forwardedFor: () => `${spoofed()}, ${CLIENT}`,
    });
    expectLimitedAfterBudget(statuses);
  });

  it('gives another client behind the same nginx its own budget', async () => {
    const statuses = await loginStatuses(
      api,
      { remoteAddress: NGINX, forwardedFor: () => OTHER_CLIENT },
      1,
    );
    expect(statuses).toEqual([401]);
  });

  it('ignores X-Forwarded-For from a client that reaches the API without nginx', async () => {
    const direct = '203.0.113.250';
    expectLimitedAfterBudget(
      await loginStatuses(api, { remoteAddress: direct, forwardedFor: spoofed }),
    );
  });
});

describe('client address behind nginx behind a TLS front (two proxies listed)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      TRUST_PROXY: `${NGINX}, 192.0.2.0/28`,
      LOGIN_RATE_LIMIT_PER_ADDRESS: String(LIMIT),
    });
  });
  afterAll(() => api.close());

  it('walks back past both proxies to the real client', async () => {
    // The front appends the client, nginx appends the front: "<client's own>, client, front".
    const statuses = await loginStatuses(api, {
      remoteAddress: NGINX,
      forwardedFor: () => `${spoofed()}, ${CLIENT}, ${TLS_FRONT}`,
    });
    expectLimitedAfterBudget(statuses);
  });

  it('finds the same client when nginx already resolved the front (docker/nginx.conf, real_ip)', async () => {
    // nginx trusts the front (set_real_ip_from), so the address it appends is the client itself.
    const statuses = await loginStatuses(api, {
      remoteAddress: NGINX,
      forwardedFor: () => `${spoofed()}, ${OTHER_CLIENT}, ${OTHER_CLIENT}`,
    });
    expectLimitedAfterBudget(statuses);
  });

  it('gives another client behind the same two proxies its own budget', async () => {
    const statuses = await loginStatuses(
      api,
      { remoteAddress: NGINX, forwardedFor: () => `${THIRD_CLIENT}, ${TLS_FRONT}` },
      1,
    );
    expect(statuses).toEqual([401]);
  });

  it('stops at a client that reaches nginx without the front, whatever it wrote', async () => {
    // No front: nginx appends the client's own address, which is not a listed proxy.
    const bypasser = '203.0.113.251';
    expectLimitedAfterBudget(
      await loginStatuses(api, {
        remoteAddress: NGINX,
        forwardedFor: () => `${spoofed()}, ${TLS_FRONT}, ${bypasser}`,
      }),
    );
  });
});

describe('client address behind the compose nginx (TRUST_PROXY set to its one address)', () => {
  // docker/compose.yaml: nginx has a fixed address on the compose network, the API trusts it only.
  const COMPOSE_NGINX = '172.30.240.10';
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      TRUST_PROXY: COMPOSE_NGINX,
      LOGIN_RATE_LIMIT_PER_ADDRESS: String(LIMIT),
    });
  });
  afterAll(() => api.close());

  it('gives two clients behind nginx separate budgets', async () => {
    expectLimitedAfterBudget(
      await loginStatuses(api, { remoteAddress: COMPOSE_NGINX, forwardedFor: () => CLIENT }),
    );
    // The first client's budget is spent; the second one's is whole.
    expect(
      await loginStatuses(
        api,
        { remoteAddress: COMPOSE_NGINX, forwardedFor: () => OTHER_CLIENT },
        1,
      ),
    ).toEqual([401]);
  });

  it('ignores X-Forwarded-For from another container of the network, which is not the proxy', async () => {
    expectLimitedAfterBudget(
      await loginStatuses(api, { remoteAddress: '172.30.240.11', forwardedFor: spoofed }),
    );
  });
});
