import { canonicalJson, IDEMPOTENCY_KEY_PATTERN, requestHash } from './request-hash';

describe('idempotent request identity', () => {
  it('ignores the order of object keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
    expect(requestHash('POST', '/a', { x: 1, y: 2 })).toBe(
      requestHash('post', '/a', { y: 2, x: 1 }),
    );
  });

  it('tells apart another body, another path and another method', () => {
    const base = requestHash('POST', '/api/v1/sessions/1/enrollments', { a: 1 });
    expect(requestHash('POST', '/api/v1/sessions/1/enrollments', { a: 2 })).not.toBe(base);
    expect(requestHash('POST', '/api/v1/sessions/2/enrollments', { a: 1 })).not.toBe(base);
    expect(requestHash('PUT', '/api/v1/sessions/1/enrollments', { a: 1 })).not.toBe(base);
  });

  it('treats a missing body like an empty one only when both are absent', () => {
    expect(requestHash('POST', '/a', undefined)).toBe(requestHash('POST', '/a', null));
    expect(requestHash('POST', '/a', undefined)).not.toBe(requestHash('POST', '/a', {}));
  });

  it('accepts 1 to 255 visible ASCII characters as a key', () => {
    expect(IDEMPOTENCY_KEY_PATTERN.test('6f1c2d7e-93b4-4c1a-b2f0-8d5e0a9b7c31')).toBe(true);
    expect(IDEMPOTENCY_KEY_PATTERN.test('k'.repeat(255))).toBe(true);
    for (const bad of ['', 'k'.repeat(256), 'with space', 'é', 'a\nb']) {
      expect(IDEMPOTENCY_KEY_PATTERN.test(bad)).toBe(false);
    }
  });
});
