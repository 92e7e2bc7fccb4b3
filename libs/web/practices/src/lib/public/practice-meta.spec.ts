import { aPublicPractice } from '../testing';
import { languagesOf } from './practice-meta';

describe('languagesOf', () => {
  it('gives the original language first, then the translations', () => {
    expect(languagesOf(aPublicPractice())).toEqual(['fr', 'ar']);
  });
});
