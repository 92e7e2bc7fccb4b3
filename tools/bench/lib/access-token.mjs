import { createHmac } from 'node:crypto';

// Benchmarks sign their trainees in without the login route, which is rate-limited and not what
// they measure.

const base64url = (value) => Buffer.from(value).toString('base64url');

/** An access token as `AccessTokens.issue` makes it: HS256, the API's audience and issuer, 1 h. */
export function accessToken(secret, { id, email }) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({
      sub: id,
      email,
      roles: ['trainee'],
      iat: now,
      exp: now + 3600,
      aud: 'oris-api',
      iss: 'oris-academy',
    }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  return `${header}.${claims}.${signature}`;
}
