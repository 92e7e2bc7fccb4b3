import { aPublicPractice } from '../testing';
import { languagesOf, openGraphTags } from './practice-meta';

describe('openGraphTags', () => {
  it('gives the shown language as locale and the others as alternates', () => {
    const tags = openGraphTags(aPublicPractice(), 'ar', 'u');
    expect(tags).toContainEqual({ property: 'og:locale', content: 'ar_MA' });
    expect(tags).toContainEqual({ property: 'og:locale:alternate', content: 'fr_FR' });
    expect(tags).toContainEqual({ property: 'og:title', content: 'تعاونيات نسائية للزعفران' });
    expect(languagesOf(aPublicPractice())).toEqual(['fr', 'ar']);
  });
});
