import { isBackendUnavailable } from './unavailable';

const withCode = (code: string) => Object.assign(new Error('failed'), { code });

describe('isBackendUnavailable', () => {
  it('recognises a refused or cut connection', () => {
    expect(isBackendUnavailable(withCode('ECONNREFUSED'))).toBe(true);
    expect(isBackendUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isBackendUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('recognises PostgreSQL shutting down, starting up or out of connections', () => {
    for (const code of ['57P01', '57P03', '53300', '08006'])
      expect(isBackendUnavailable(withCode(code))).toBe(true);
  });

  it('follows TypeORM driver errors and causes', () => {
    const wrapped = Object.assign(new Error('Query failed'), { driverError: withCode('57P01') });
    expect(isBackendUnavailable(wrapped)).toBe(true);
    expect(isBackendUnavailable(new Error('outer', { cause: withCode('ECONNRESET') }))).toBe(true);
  });

  it('leaves query errors and bugs to the 500 path', () => {
    expect(isBackendUnavailable(withCode('23505'))).toBe(false);
    expect(isBackendUnavailable(withCode('22P02'))).toBe(false);
    expect(isBackendUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isBackendUnavailable('ECONNREFUSED')).toBe(false);
  });
});
