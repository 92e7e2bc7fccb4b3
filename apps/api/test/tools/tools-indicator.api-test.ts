// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import {
  backdate,
  TINY_PDF,
  toolBody,
  toolsCast,
  toolsClient,
  type ToolsCast,
} from './tools-client';

/**
 * A hand-built registry and the figures it must give (OBSERVATORY.md, "Knowledge tools created in
 * year Y"). Everything is recorded on RECORDED, before KNOWN_AT, unless a tool's case says otherwise.
 */
const RECORDED = '2026-01-10T10:00:00Z';
const KNOWN_AT = '2026-02-01T00:00:00.000Z';
const LATER = '2026-03-01T10:00:00Z';

describe('indicators: knowledge tools created in a year', () => {
  let api: TestApp;
  let cast: ToolsCast;
  const ids: Record<string, string> = {};

  const figures = (query: string, session = cast.editor) =>
    toolsClient(api, session).get(`/api/v1/indicators/tools?${query}`).expect(200);

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await toolsCast(api);
    const editor = toolsClient(api, cast.editor);
    const tool = async (
      name: string,
      overrides: Record<string, unknown>,
      versions: {
        number: string;
        releasedOn: string;
        language: string;
        url?: string | null;
        file?: boolean;
      }[],
      validate = true,
    ) => {
      const created = await editor
        .post('/api/v1/tools', toolBody({ titles: { fr: `Outil ${name}` }, ...overrides }))
        .expect(201);
      const id = created.body.id as string;
      for (const { file, ...version } of versions) {
        if (file) {
          await editor
            .upload(
              id,
              { ...version, fileName: `${name}.pdf`, mediaType: 'application/pdf' } as Record<
                string,
                string
              >,
              TINY_PDF,
            )
            .expect(201);
        } else {
          await editor
            .post(`/api/v1/tools/${id}/versions`, {
              url: `https://oris.example/tools/${name}`,
              ...version,
            })
            .expect(201);
        }
      }
      if (validate) await editor.post(`/api/v1/tools/${id}/validate`).expect(200);
      await backdate(api, id, RECORDED);
      ids[name] = id;
    };

    // Counted in 2025: a French guide, translated into Arabic later in 2025 (counts once).
    await tool('guide', { kind: 'guide', purpose: 'dissemination' }, [
      { number: '1.0', releasedOn: '2025-03-10', language: 'fr', file: true },
      { number: '1.1-ar', releasedOn: '2025-09-01', language: 'ar', file: true },
    ]);
    // Counted in 2025: a co-created dataset published at an address.
    await tool(
      'dataset',
      { kind: 'dataset', purpose: 'processing', orisRole: 'co_creator', licence: 'cc0-1.0' },
      [{ number: '1', releasedOn: '2025-06-01', language: 'en' }],
    );
    // Counted in 2024, not 2025: first version in 2024, a translation in 2025.
    await tool(
      'survey',
      { kind: 'survey_instrument', purpose: 'collection', orisRole: 'adapter' },
      [
        { number: '1.0', releasedOn: '2024-11-05', language: 'fr', file: true },
        { number: '2.0', releasedOn: '2025-02-01', language: 'ar' },
      ],
    );
    // Never counted: ORIS only curates it (available all the same).
    await tool('curated', { kind: 'platform', orisRole: 'curator' }, [
      { number: '1', releasedOn: '2025-04-01', language: 'fr' },
    ]);
    // Never counted: no licence declared.
    await tool('unlicensed', { licence: null }, [
      { number: '1', releasedOn: '2025-05-01', language: 'fr' },
    ]);
    // Never counted: a release recorded without its file or link.
    await tool('fileless', {}, [
      { number: '1', releasedOn: '2025-05-02', language: 'fr', url: null },
    ]);
    // Never counted: submitted, not validated.
    await tool('submitted', {}, [{ number: '1', releasedOn: '2025-05-03', language: 'fr' }], false);
    // Counted only with an asOf on or after its release, 20 December 2025.
    await tool('december', { kind: 'template', purpose: 'dissemination' }, [
      { number: '1', releasedOn: '2025-12-20', language: 'ar' },
    ]);
    // Validated after KNOWN_AT: counted now, not as known then.
    await tool('late', { kind: 'training_kit', purpose: 'dissemination' }, [
      { number: '1', releasedOn: '2025-07-01', language: 'fr' },
    ]);
    await api.app
      .get(DataSource)
      .query(`UPDATE knowledge_tool SET validated_at = $2 WHERE id = $1`, [ids['late'], LATER]);
    // Corrected after KNOWN_AT from creator to curator: counted as known then, not now.
    await tool('corrected', { kind: 'method', purpose: 'processing' }, [
      { number: '1', releasedOn: '2025-08-01', language: 'fr' },
    ]);
    await toolsClient(api, cast.editor)
      .patch(`/api/v1/tools/${ids['corrected']}`, { orisRole: 'curator' })
      .expect(200);
  });

  afterAll(() => api.close());

  it('counts distinct validated tools first released in the year, as known at knownAt', async () => {
    const response = await figures(`year=2025&asOf=2025-12-31&knownAt=${KNOWN_AT}`);
    expect(response.body).toMatchObject({
      indicator: 'tools',
      year: 2025,
      asOf: '2025-12-31',
      knownAt: KNOWN_AT,
      value: 4,
    });
    expect(response.body.counted).toEqual(
      [ids['guide'], ids['dataset'], ids['december'], ids['corrected']].sort(),
    );
  });

  it('gives tools available on asOf as companion, whatever ORIS’s role, validated only', async () => {
    const response = await figures(`year=2025&asOf=2025-12-31&knownAt=${KNOWN_AT}`);
    const available = response.body.companions.find(
      (companion: { key: string }) => companion.key === 'available_on_as_of',
    );
    // guide, dataset, survey, curated, unlicensed, fileless, december, corrected (8);
    // not the submitted one, nor the one validated later.
    expect(available.value).toBe(8);
    expect(available.counted).not.toContain(ids['submitted']);
    expect(available.counted).not.toContain(ids['late']);
  });

  it('places a tool in the year of its first version: a translation never counts it again', async () => {
    const in2024 = await figures(`year=2024&asOf=2025-12-31&knownAt=${KNOWN_AT}`);
    expect(in2024.body.value).toBe(1);
    expect(in2024.body.counted).toEqual([ids['survey']]);
  });

  it('applies asOf to release dates: a release after asOf does not count yet', async () => {
    const early = await figures(`year=2025&asOf=2025-12-01&knownAt=${KNOWN_AT}`);
    expect(early.body.value).toBe(3);
    expect(early.body.counted).not.toContain(ids['december']);
    const companion = early.body.companions[0];
    expect(companion.value).toBe(7);
  });

  it('reads today’s knowledge by default: the late validation counts, the correction applies', async () => {
    const now = await figures('year=2025&asOf=2025-12-31');
    expect(now.body.value).toBe(4);
    expect(now.body.counted).toEqual(
      [ids['guide'], ids['dataset'], ids['december'], ids['late']].sort(),
    );
  });

  it('knows nothing before the registry was recorded', async () => {
    const before = await figures('year=2025&asOf=2025-12-31&knownAt=2026-01-01T00:00:00Z');
    expect(before.body.value).toBe(0);
    expect(before.body.companions[0].value).toBe(0);
  });

  it('breaks the value down by kind, purpose, ORIS role and first language; each dimension sums to it', async () => {
    const response = await figures(`year=2025&asOf=2025-12-31&knownAt=${KNOWN_AT}`);
    const rows = (dimension: string) =>
      Object.fromEntries(
        response.body.breakdown
          .filter((row: { dimension: string }) => row.dimension === dimension)
          .map((row: { key: string; value: number }) => [row.key, row.value]),
      );
    expect(rows('kind')).toEqual({ guide: 1, dataset: 1, template: 1, method: 1 });
    expect(rows('purpose')).toEqual({ dissemination: 2, processing: 2 });
    expect(rows('role')).toEqual({ creator: 3, co_creator: 1 });
    expect(rows('language')).toEqual({ fr: 2, en: 1, ar: 1 });
  });

  it('states its rule in three languages, ending with the two dates, with a version', async () => {
    const response = await figures(`year=2025&asOf=2025-12-31&knownAt=${KNOWN_AT}`);
    expect(response.body.definition.version).toBe('tools-1');
    expect(response.body.definition.text.fr).toContain('2025-12-31');
    expect(response.body.definition.text.en).toMatch(/never a mere curator/);
    expect(response.body.definition.text.ar).toContain('2025-12-31');
  });

  it('lists the counted records with titles in the requested language and their first release', async () => {
    const response = await toolsClient(api, cast.admin)
      .get(
        `/api/v1/indicators/tools/records?year=2025&asOf=2025-12-31&knownAt=${KNOWN_AT}&lang=ar&pageSize=2`,
      )
      .expect(200);
    expect(response.body.total).toBe(4);
    expect(response.body.items).toHaveLength(2);
    const guide = (
      await toolsClient(api, cast.admin)
        .get(
          `/api/v1/indicators/tools/records?year=2025&asOf=2025-12-31&knownAt=${KNOWN_AT}&pageSize=10`,
        )
        .expect(200)
    ).body.items.find((item: { id: string }) => item.id === ids['guide']);
    expect(guide).toEqual({
      id: ids['guide'],
      label: 'Outil guide',
      date: '2025-03-10',
      path: `/observatory/tools/${ids['guide']}`,
    });
  });

  it('is for staff: trainees 403, anonymous 401; the four staff roles 200', async () => {
    for (const url of [
      '/api/v1/indicators/tools?year=2025',
      '/api/v1/indicators/tools/records?year=2025',
    ]) {
      await toolsClient(api, cast.trainee).get(url).expect(403);
      await toolsClient(api).get(url).expect(401);
      for (const someone of [cast.admin, cast.editor, cast.partnerships, cast.officer]) {
        await toolsClient(api, someone).get(url).expect(200);
      }
    }
  });

  it('refuses a missing year, a future asOf or knownAt, with problem+json', async () => {
    for (const query of [
      '',
      'year=abc',
      'year=2025&asOf=2999-01-01',
      'year=2025&knownAt=2999-01-01T00:00:00Z',
      'year=2025&asOf=2025-13-01',
    ]) {
      const response = await toolsClient(api, cast.editor)
        .get(`/api/v1/indicators/tools?${query}`)
        .expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
