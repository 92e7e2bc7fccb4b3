import { aPublicPractice } from '../testing';
import { languagesOf, practiceJsonLd } from './practice-meta';

describe('practiceJsonLd', () => {
  it('describes the sheet as a HowTo with its translations, cost, evidence and edition', () => {
    const data = practiceJsonLd(aPublicPractice(), 'https://oris.example/practices/x');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'HowTo',
      name: 'Coopératives féminines du safran',
      alternateName: ['تعاونيات نسائية للزعفران'],
      inLanguage: ['fr', 'ar'],
      version: 2,
      datePublished: '2026-12-01',
      estimatedCost: { '@type': 'MonetaryAmount', currency: 'MAD', value: 1200000 },
      temporalCoverage: '2019/..',
      review: { reviewRating: { ratingValue: 2, bestRating: 5 } },
    });
  });

  it('leaves out what the sheet does not say', () => {
    const data = practiceJsonLd(
      aPublicPractice({ totalCostMad: null, startYear: null, texts: { fr: { title: 'T' } } }),
      'u',
    );
    expect(data).not.toHaveProperty('estimatedCost');
    expect(data).not.toHaveProperty('temporalCoverage');
    expect(data).not.toHaveProperty('alternateName');
  });
});

describe('languagesOf', () => {
  it('gives the original language first, then the translations', () => {
    expect(languagesOf(aPublicPractice())).toEqual(['fr', 'ar']);
  });
});
