import { jsonDepthExceeds } from './json-body-parser';

describe('jsonDepthExceeds', () => {
  it('counts nested objects and arrays', () => {
    expect(jsonDepthExceeds('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds('{"a":"[[[[{{{{","b":"\\"[[[["}', 1)).toBe(false);
  });

  it('scans 5,000 levels without recursion', () => {
    expect(jsonDepthExceeds('['.repeat(5_000) + ']'.repeat(5_000), 32)).toBe(true);
  });

  it('lets sibling objects share one level', () => {
    expect(jsonDepthExceeds(JSON.stringify(Array.from({ length: 100 }, () => ({ a: 1 }))), 2)).toBe(
      false,
    );
  });
});
