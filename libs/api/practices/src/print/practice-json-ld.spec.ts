import { practiceJsonLd } from './practice-json-ld';
import { EXAMPLE_PRACTICE_SHEET as sheet } from './testing/practice-sheet-example';

describe('practiceJsonLd', () => {
  const jsonLd = practiceJsonLd(sheet, (language) =>
    sheet.url.replace('/fr/pratiques/', `/${language}/pratiques/`),
  );

  it('describes the sheet as a free schema.org CreativeWork published by ORIS', () => {
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'CreativeWork',
      '@id': sheet.url,
      url: sheet.url,
      version: '2',
      inLanguage: 'fr',
      datePublished: '2026-03-12',
      dateModified: '2026-03-12',
      isAccessibleForFree: true,
      temporalCoverage: '2019/2023',
      publisher: { '@type': 'Organization', alternateName: 'ORIS' },
    });
    expect(jsonLd['name']).toEqual([
      { '@language': 'fr', '@value': sheet.texts.fr?.title },
      { '@language': 'ar', '@value': sheet.texts.ar?.title },
      { '@language': 'en', '@value': sheet.texts.en?.title },
    ]);
  });

  it('says what it is about and where, in the three languages', () => {
    expect(jsonLd['about']).toContainEqual({
      '@type': 'DefinedTerm',
      termCode: 'women_empowerment',
      name: [
        { '@language': 'fr', '@value': 'Autonomisation des femmes' },
        { '@language': 'ar', '@value': 'تمكين النساء' },
        { '@language': 'en', '@value': 'Women’s empowerment' },
      ],
    });
    expect(jsonLd['spatialCoverage']).toEqual([
      expect.objectContaining({ '@type': 'AdministrativeArea', identifier: 'MA-09' }),
      expect.objectContaining({ '@type': 'AdministrativeArea', identifier: 'MA-08' }),
    ]);
    expect(JSON.stringify(jsonLd['spatialCoverage'])).toContain('سوس ماسة');
  });

  it('lists the translations, each pointing back to the original', () => {
    expect(jsonLd['workTranslation']).toEqual([
      expect.objectContaining({
        '@id': sheet.url.replace('/fr/', '/ar/'),
        inLanguage: 'ar',
        translationOfWork: { '@id': sheet.url },
      }),
      expect.objectContaining({ inLanguage: 'en', translationOfWork: { '@id': sheet.url } }),
    ]);
  });

  it('gives the evidence level, the cost in MAD and the reach as property values', () => {
    expect(jsonLd['additionalProperty']).toEqual([
      expect.objectContaining({
        propertyID: 'evidenceLevel',
        value: sheet.evidenceLevel,
        maxValue: 5,
      }),
      { '@type': 'PropertyValue', propertyID: 'totalCost', value: 4_850_000, unitText: 'MAD' },
      {
        '@type': 'PropertyValue',
        propertyID: 'costPerBeneficiary',
        value: 7_460.5,
        unitText: 'MAD',
      },
      { '@type': 'PropertyValue', propertyID: 'beneficiaries', value: 650 },
    ]);
    const unknown = practiceJsonLd({
      ...sheet,
      totalCostMad: null,
      costPerBeneficiaryMad: null,
      beneficiaries: null,
    });
    expect(unknown['additionalProperty']).toHaveLength(1);
  });

  it('rests on the linked publications and mentions the linked tools and courses', () => {
    const linked = practiceJsonLd(sheet, () => null, [
      { kind: 'tool', title: 'Guide', url: 'https://oris.example/tools/t1' },
      { kind: 'publication', title: 'Évaluation', url: 'https://oris.example/publications/p1' },
      { kind: 'course', title: 'Cours', url: 'https://oris.example/catalogue/c1' },
    ]);
    expect(linked['isBasedOn']).toEqual([
      { '@type': 'CreativeWork', name: 'Évaluation', url: 'https://oris.example/publications/p1' },
    ]);
    expect(linked['mentions']).toEqual([
      { '@type': 'CreativeWork', name: 'Guide', url: 'https://oris.example/tools/t1' },
      { '@type': 'Course', name: 'Cours', url: 'https://oris.example/catalogue/c1' },
    ]);
    expect(jsonLd).not.toHaveProperty('isBasedOn');
    expect(jsonLd).not.toHaveProperty('mentions');
  });

  it('is a CreativeWork, never a HowTo: a sheet holds no steps to follow', () => {
    expect(jsonLd['@type']).toBe('CreativeWork');
    expect(jsonLd).not.toHaveProperty('step');
  });

  it('is pure: the same sheet gives the same JSON, and unknown facts are left out', () => {
    expect(JSON.stringify(practiceJsonLd(structuredClone(sheet)))).toBe(
      JSON.stringify(practiceJsonLd(sheet)),
    );
    const bare = practiceJsonLd({
      ...sheet,
      startYear: null,
      endYear: null,
      translatedLanguages: [],
      texts: { fr: sheet.texts.fr },
    });
    expect(bare).not.toHaveProperty('temporalCoverage');
    expect(bare).not.toHaveProperty('workTranslation');
    // Without a URL per language, a translation has no @id of its own.
    expect((practiceJsonLd(sheet)['workTranslation'] as object[])[0]).not.toHaveProperty('@id');
  });
});
