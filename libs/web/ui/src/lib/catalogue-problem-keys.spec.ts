import { toApiError } from '@oris/shared/api-client';
import { catalogueMessageKeys } from './catalogue-problem-keys';

describe('catalogueMessageKeys', () => {
  it('words a known catalogue problem in the interface language', () => {
    const error = toApiError(409, {
      title: 'Publish at least one module first',
      code: 'no_published_module',
    });

    expect(catalogueMessageKeys(error)).toEqual({
      conflict: 'catalogue.problems.noPublishedModule',
    });
  });

  it("leaves other problems to the API's own words", () => {
    expect(catalogueMessageKeys(toApiError(400, { title: 'Invalid input' }))).toEqual({});
    expect(catalogueMessageKeys(null)).toEqual({});
  });
});
