import { DEV_CREDENTIAL_SIGNING_SEED, DEV_JWT_SECRET } from './app-config';
import { InvalidConfigError, loadConfig } from './load-config';

/** What a developer's `.env` (copied from `.env.example`) says at least. */
const DEV = { NODE_ENV: 'development' };

describe('loadConfig', () => {
  it('gives every variable its safe development default', () => {
    const config = loadConfig(DEV);
    expect(config.API_PORT).toBe(3000);
    expect(config.API_HOST).toBe('127.0.0.1');
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/oris');
    expect(config.cookieSecure).toBe(false);
    expect(config.trustProxy).toEqual(['loopback']);
  });

  it('treats empty strings as unset so .env.example can list every variable', () => {
    expect(loadConfig({ ...DEV, API_PORT: '', SMTP_URL: '' }).API_PORT).toBe(3000);
  });

  it('converts numbers and booleans from their text form', () => {
    const config = loadConfig({ ...DEV, API_PORT: '8080', COOKIE_SECURE: 'true' });
    expect(config.API_PORT).toBe(8080);
    expect(config.cookieSecure).toBe(true);
  });

  it('reads TRUST_PROXY as the list of proxies, or false for none', () => {
    expect(
      loadConfig({ ...DEV, TRUST_PROXY: '172.31.240.10, 10.0.0.0/8,loopback' }).trustProxy,
    ).toEqual(['172.31.240.10', '10.0.0.0/8', 'loopback']);
    expect(loadConfig({ ...DEV, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it.each([
    ['1', /hop count/],
    ['true', /every address/],
    ['0.0.0.0/0', /every address/],
    ['10.0.0.0/33', /prefix length/],
    ['nginx', /not an IP address/],
    [' , ', /at least one proxy/],
  ])('refuses TRUST_PROXY=%j and says why', (value, reason) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(reason);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: /);
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => loadConfig({ ...DEV, API_PORT: 'eighty', REDIS_URL: 'http://nope' })).toThrow(
      InvalidConfigError,
    );
    try {
      loadConfig({ ...DEV, API_PORT: 'eighty', REDIS_URL: 'http://nope' });
    } catch (error) {
      const problems = (error as InvalidConfigError).problems.join('\n');
      expect(problems).toMatch(/^API_PORT: /m);
      expect(problems).toMatch(/^REDIS_URL: /m);
    }
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      CREDENTIAL_SIGNING_SEED: 'ab'.repeat(32),
    });
    expect(config.JWT_SECRET).not.toBe(DEV_JWT_SECRET);
    expect(config.cookieSecure).toBe(true);
  });

  it('refuses the development JWT secret unless NODE_ENV=development (or test) is set explicitly', () => {
    // NODE_ENV left unset still means development for everything else, but not for the secret:
    // a server started without its environment must not sign tokens with a public key.
    expect(() => loadConfig({})).toThrow(/JWT_SECRET: .*NODE_ENV=development/);
    expect(() => loadConfig({ NODE_ENV: '' })).toThrow(/JWT_SECRET/);
    expect(loadConfig(DEV).JWT_SECRET).toBe(DEV_JWT_SECRET);
    expect(loadConfig({ NODE_ENV: 'test' }).JWT_SECRET).toBe(DEV_JWT_SECRET);
    const own = loadConfig({
      JWT_SECRET: 'y'.repeat(40),
      CREDENTIAL_SIGNING_SEED: 'cd'.repeat(32),
    });
    expect(own.NODE_ENV).toBe('development');
  });

  it('refuses the development credential signing key in a deployment, and reads retired keys', () => {
    const deployed = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(deployed)).toThrow(/CREDENTIAL_SIGNING_SEED: must be set/);
    expect(() => loadConfig({ ...DEV, CREDENTIAL_SIGNING_SEED: 'not-hex' })).toThrow(
      /CREDENTIAL_SIGNING_SEED/,
    );
    expect(loadConfig(DEV).CREDENTIAL_SIGNING_SEED).toBe(DEV_CREDENTIAL_SIGNING_SEED);
    const old = 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const config = loadConfig({ ...DEV, CREDENTIAL_RETIRED_PUBLIC_KEYS: `${old},${old}` });
    expect(config.credentialRetiredPublicKeys).toEqual([old, old]);
    expect(loadConfig(DEV).credentialRetiredPublicKeys).toEqual([]);
    expect(() => loadConfig({ ...DEV, CREDENTIAL_RETIRED_PUBLIC_KEYS: 'abc' })).toThrow(
      /CREDENTIAL_RETIRED_PUBLIC_KEYS/,
    );
  });

  it('binds the API to loopback unless told otherwise', () => {
    expect(loadConfig(DEV).API_HOST).toBe('127.0.0.1');
    expect(loadConfig({ ...DEV, API_HOST: '0.0.0.0' }).API_HOST).toBe('0.0.0.0');
  });
});
