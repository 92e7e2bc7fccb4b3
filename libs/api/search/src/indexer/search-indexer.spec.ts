import { cutBody, SEARCH_BODY_MAX_LENGTH } from './search-indexer';

describe('cutBody', () => {
  it('keeps a body under the limit as it is', () => {
    expect(cutBody('Une coopérative agricole')).toBe('Une coopérative agricole');
  });

  it('cuts a long body at the last space before the limit', () => {
    const body = 'mot '.repeat(SEARCH_BODY_MAX_LENGTH);
    const cut = cutBody(body);
    expect(cut.length).toBeLessThanOrEqual(SEARCH_BODY_MAX_LENGTH);
    expect(cut.endsWith('mot')).toBe(true);
  });

  it('cuts a long text without spaces at the limit', () => {
    expect(cutBody('x'.repeat(SEARCH_BODY_MAX_LENGTH + 10))).toHaveLength(SEARCH_BODY_MAX_LENGTH);
  });
});
