// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { indexDocs, markedWords, searchDoc } from './search-fixtures';

describe('search: the observatory’s one search', () => {
  let api: TestApp;
  const ids = {
    cooperatives: randomUUID(),
    microcredit: randomUUID(),
    microcreditBody: randomUUID(),
    toolkit: randomUUID(),
    training: randomUUID(),
    rural: randomUUID(),
  };

  beforeAll(async () => {
    api = await startTestApp({ SEARCH_RATE_LIMIT_PER_MINUTE: '100000' });
    await indexDocs(api, [
      // One practice in French (original) and Arabic (translation).
      searchDoc({
        id: ids.cooperatives,
        title: 'Les coopératives agricoles de femmes à Fès',
        body: 'Une coopérative féminine valorise le safran de la région et forme ses membres à la gestion.',
        regions: ['MA-03'],
        themes: ['cooperatives_social_economy'],
        populations: ['women'],
        evidenceLevel: 3,
        publishedOn: '2026-03-01',
        path: '/practices/cooperatives-femmes',
      }),
      searchDoc({
        id: ids.cooperatives,
        language: 'ar',
        original: false,
        title: 'إدارةُ التعاونيّات النسائيّة في جهة فاس',
        body: 'تعاونية نسائية تثمّن الزعفران على مستوى الجهة وتكوّن عضواتها في التسيير.',
        regions: ['MA-03'],
        themes: ['cooperatives_social_economy'],
        populations: ['women'],
        evidenceLevel: 3,
        publishedOn: '2026-03-01',
        path: '/practices/cooperatives-femmes',
      }),
      searchDoc({
        id: ids.microcredit,
        title: 'Microcrédit rural et insertion des jeunes',
        body: 'Un fonds renouvelable prête aux jeunes porteurs de projets.',
        regions: ['MA-03'],
        themes: ['employment_insertion'],
        populations: ['youth_neet'],
        evidenceLevel: 2,
        publishedOn: '2025-06-01',
      }),
      searchDoc({
        id: ids.microcreditBody,
        kind: 'publication',
        title: 'Finances solidaires au Maroc',
        body: 'Une étude des associations de microcrédit et de leurs usagers.',
        subtype: 'report',
        publishedOn: '2026-05-01',
        path: '/publications/x',
      }),
      searchDoc({
        id: ids.toolkit,
        kind: 'tool',
        language: 'en',
        title: 'Training toolkit for social entrepreneurs',
        body: 'Exercises and templates for trainers.',
        subtype: 'training_kit',
        publishedOn: '2024-11-01',
        path: '/tools/x',
      }),
      searchDoc({
        id: ids.training,
        kind: 'course',
        title: 'Concevoir une formation en gestion de projet',
        body: 'Le module d’introduction.',
        regions: ['MA-01'],
        themes: ['project_engineering'],
        publishedOn: '2026-09-01',
        path: '/catalogue/x',
      }),
      searchDoc({
        id: ids.rural,
        title: 'Tourisme rural solidaire dans le Drâa',
        body: 'Des gîtes gérés par des coopératives de villages.',
        regions: ['MA-08'],
        themes: ['rural_development'],
        populations: ['rural_households'],
        evidenceLevel: 3,
        publishedOn: '2026-07-01',
      }),
    ]);
  });

  afterAll(() => api.close());

  const search = (query: string) => request(api.url).get(`/api/v1/search?${query}`);
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

  it('finds a French document from a query with a typo, the matched words marked', async () => {
    const response = await search('q=cooperatves').expect(200);
    expect(idsOf(response.body)).toContain(ids.cooperatives);
    const hit = response.body.items.find((item: { id: string }) => item.id === ids.cooperatives);
    expect(hit).toMatchObject({ kind: 'practice', language: 'fr', original: true });
    expect(markedWords(hit.titleSegments)).toEqual(['coopératives']);
  });

  it('forgives a typo in a word of the body only, through the indexed words', async () => {
    const response = await search('q=valorisse').expect(200);
    expect(idsOf(response.body)).toEqual([ids.cooperatives]);
    expect(markedWords(response.body.items[0].snippet)).toEqual(['valorise']);
  });

  it('finds an Arabic document written with diacritics, hamza alef and teh marbuta from a plain query', async () => {
    const response = await search(`q=${encodeURIComponent('اداره التعاونيات')}&lang=ar`).expect(
      200,
    );
    expect(idsOf(response.body)).toEqual([ids.cooperatives]);
    const hit = response.body.items[0];
    expect(hit.language).toBe('ar');
    expect(markedWords(hit.titleSegments)).toEqual(['إدارةُ', 'التعاونيّات']);
  });

  it('finds Arabic written with alef maqsura from a query typed with yeh', async () => {
    const response = await search(`q=${encodeURIComponent('علي مستوي الجهه')}`).expect(200);
    expect(idsOf(response.body)).toEqual([ids.cooperatives]);
    expect(markedWords(response.body.items[0].snippet)).toEqual(
      expect.arrayContaining(['على', 'مستوى', 'الجهة']),
    );
  });

  it('shows one hit per record, in the visitor’s language when it matches in several', async () => {
    const french = await search('q=coop%C3%A9ratives&type=practice').expect(200);
    expect(
      french.body.items.filter((item: { id: string }) => item.id === ids.cooperatives),
    ).toHaveLength(1);
  });

  it('stems French and English: a plural finds a singular and the reverse', async () => {
    const formations = await search('q=formations').expect(200);
    expect(idsOf(formations.body)).toContain(ids.training);
    const trainings = await search('q=trainings').expect(200);
    expect(idsOf(trainings.body)).toContain(ids.toolkit);
    const entrepreneur = await search('q=entrepreneur').expect(200);
    expect(idsOf(entrepreneur.body)).toContain(ids.toolkit);
  });

  it('ranks a title match above a body match', async () => {
    const response = await search('q=microcr%C3%A9dit').expect(200);
    expect(idsOf(response.body)).toEqual([ids.microcredit, ids.microcreditBody]);
    expect(markedWords(response.body.items[1].snippet)).toEqual(['microcrédit']);
  });

  it('counts each facet over the matching set without its own filter', async () => {
    const response = await search('q=cooperatives&type=practice&region=MA-03').expect(200);
    expect(idsOf(response.body)).toEqual([ids.cooperatives]);
    expect(response.body.total).toBe(1);
    const counts = (facet: string) =>
      Object.fromEntries(
        response.body.facets[facet].map((f: { value: string; count: number }) => [
          f.value,
          f.count,
        ]),
      );
    // « coopératives » matches the Fès practice and the Drâa practice (its body): both practices.
    expect(counts('type')).toEqual({ practice: 1 });
    expect(counts('region')).toEqual({ 'MA-03': 1, 'MA-08': 1 });
    expect(counts('theme')).toEqual({ cooperatives_social_economy: 1 });
    expect(counts('evidence')).toEqual({ '3': 1 });
  });

  it('takes a facet’s values repeated or comma-separated, OR-ed within the facet', async () => {
    const repeated = await search('type=tool&type=course').expect(200);
    const commas = await search('type=tool,course').expect(200);
    expect(new Set(idsOf(repeated.body))).toEqual(new Set([ids.toolkit, ids.training]));
    expect(idsOf(commas.body)).toEqual(idsOf(repeated.body));
  });

  it('lists by recency without a query, and pages', async () => {
    const all = await search('pageSize=2').expect(200);
    expect(all.body).toMatchObject({ total: 6, page: 1, pageSize: 2 });
    expect(idsOf(all.body)).toEqual([ids.training, ids.rural]);
    const second = await search('pageSize=2&page=2').expect(200);
    expect(idsOf(second.body)).toEqual([ids.microcreditBody, ids.cooperatives]);
    const beyond = await search('pageSize=2&page=4').expect(200);
    expect(beyond.body).toMatchObject({ total: 6, items: [] });
  });

  it('finds nothing for a query of punctuation only', async () => {
    const response = await search('q=%3F%21').expect(200);
    expect(response.body).toMatchObject({ total: 0, items: [] });
  });

  it.each([
    ['a query over 200 characters', `q=${'a'.repeat(201)}`],
    ['an unknown type', 'type=podcast'],
    ['an unknown region', 'region=MA-99'],
    ['an unknown theme', 'theme=astrology'],
    ['an unknown population', 'population=aliens'],
    ['an evidence level out of 1–5', 'evidence=7'],
    ['an unknown language', 'lang=de'],
    ['a page beyond the deepest', 'page=501'],
    ['page 0', 'page=0'],
    ['a page size over 50', 'pageSize=51'],
    ['a control character', 'q=a%07b'],
    ['an unknown parameter', 'sort=title'],
  ])('refuses %s with a 400 problem', async (_case, query) => {
    const response = await search(query).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('reads an undecodable escape (the bytes of a lone surrogate) as literal text, never a 500', async () => {
    // CESU-8 bytes of U+D800: the query-string parser keeps them as written (`%ED%A0%80x`), so
    // no unpaired surrogate reaches the search (SearchQuery refuses one: search.query.spec.ts).
    const response = await search('q=%ED%A0%80x').expect(200);
    expect(response.body).toMatchObject({ total: 0, items: [] });
  });
});
