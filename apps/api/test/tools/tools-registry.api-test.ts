// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { TINY_PDF, toolBody, toolsCast, toolsClient, type ToolsCast } from './tools-client';

const problem = (response: { headers: Record<string, string> }) =>
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);

describe('knowledge tools: the registry', () => {
  let api: TestApp;
  let cast: ToolsCast;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await toolsCast(api);
  });

  afterAll(() => api.close());

  const newTool = async (overrides: Record<string, unknown> = {}) =>
    (await toolsClient(api, cast.editor).post('/api/v1/tools', toolBody(overrides)).expect(201))
      .body as { id: string; status: string; licence: string | null };

  it('records a tool as submitted, with its licence in SPDX spelling and its links', async () => {
    const tool = await newTool({
      titles: { fr: 'Kit de formation', ar: 'حقيبة تدريبية' },
      descriptions: { fr: 'Pour les formateurs.\nDeux lignes.' },
      licence: 'cc-by-sa-4.0',
      publicationIds: ['5b7c3a52-58a1-4bb7-9a9b-0c5cbdb41b11'],
    });
    expect(tool).toMatchObject({ status: 'submitted', licence: 'CC-BY-SA-4.0' });
    const read = await toolsClient(api, cast.editor).get(`/api/v1/tools/${tool.id}`).expect(200);
    expect(read.body).toMatchObject({
      titles: { fr: 'Kit de formation', ar: 'حقيبة تدريبية' },
      originalLanguage: 'fr',
      publicationIds: ['5b7c3a52-58a1-4bb7-9a9b-0c5cbdb41b11'],
      courseIds: [],
      versions: [],
      validatedAt: null,
    });
  });

  it('refuses bad input with problem+json naming the field', async () => {
    const editor = toolsClient(api, cast.editor);
    const cases: [Record<string, unknown>, string][] = [
      [{ licence: 'Beerware-Forever' }, 'licence'],
      [{ kind: 'poster' }, 'kind'],
      [{ orisRole: 'owner' }, 'orisRole'],
      [{ titles: {}, originalLanguage: 'fr' }, 'originalLanguage'],
      [{ titles: { fr: '' } }, 'titles'],
      [{ titles: { french: 'Guide' } }, 'titles'],
      [{ originalLanguage: 'ar' }, 'originalLanguage'],
      [{ status: 'validated' }, 'status'],
      [{ courseIds: ['0b7c3a52-58a1-4bb7-9a9b-0c5cbdb41b11'] }, ''],
    ];
    for (const [overrides, field] of cases) {
      const response = await editor.post('/api/v1/tools', toolBody(overrides));
      expect([400, 422]).toContain(response.status);
      problem(response);
      if (field) {
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(
          field,
        );
      } else {
        expect(response.body.code).toBe('tool_course_unknown');
      }
    }
  });

  it('keeps version numbers unique per tool and refuses malformed versions', async () => {
    const tool = await newTool();
    const editor = toolsClient(api, cast.editor);
    const version = {
      number: '1.0',
      releasedOn: '2025-01-15',
      language: 'fr',
      url: 'https://oris.example/a',
    };
    await editor.post(`/api/v1/tools/${tool.id}/versions`, version).expect(201);
    const again = await editor.post(`/api/v1/tools/${tool.id}/versions`, version).expect(409);
    expect(again.body.code).toBe('tool_version_number_taken');
    for (const bad of [
      { ...version, number: 'v1' },
      { ...version, number: '2', releasedOn: '2025-02-30' },
      { ...version, number: '2', language: 'French' },
      { ...version, number: '2', url: 'javascript:alert(1)' },
    ]) {
      problem(await editor.post(`/api/v1/tools/${tool.id}/versions`, bad).expect(400));
    }
    await editor
      .post(`/api/v1/tools/3f0c1a52-58a1-4bb7-9a9b-0c5cbdb41b11/versions`, {
        ...version,
        number: '9',
      })
      .expect(404);
  });

  it('stores an uploaded file with its SHA-256, size and type, and refuses wrong types and sizes', async () => {
    const tool = await newTool();
    const editor = toolsClient(api, cast.editor);
    const query = {
      number: '1.0',
      releasedOn: '2025-03-01',
      language: 'fr',
      fileName: 'guide.pdf',
      mediaType: 'application/pdf',
    };
    const stored = await editor.upload(tool.id, query, TINY_PDF).expect(201);
    expect(stored.body.versions[0]).toMatchObject({
      number: '1.0',
      fileName: 'guide.pdf',
      mediaType: 'application/pdf',
      fileSize: TINY_PDF.length,
      sha256: createHash('sha256').update(TINY_PDF).digest('hex'),
      url: null,
      downloads: 0,
    });
    // A CSV is text; a PDF must start like one; an executable type is refused whatever its bytes.
    await editor
      .upload(
        tool.id,
        { ...query, number: '1.1', fileName: 'data.csv', mediaType: 'text/csv' },
        Buffer.from('a;b\n1;2\n'),
      )
      .expect(201);
    const disguised = await editor
      .upload(tool.id, { ...query, number: '1.2' }, Buffer.from('a;b\n1;2\n'))
      .expect(415);
    expect(disguised.body.code).toBe('tool_file_type_unsupported');
    problem(disguised);
    await editor
      .upload(
        tool.id,
        { ...query, number: '1.3', mediaType: 'application/x-msdownload' },
        Buffer.from('MZ\x90\x00'),
      )
      .expect(415);
    const empty = await editor
      .upload(tool.id, { ...query, number: '1.4' }, Buffer.alloc(0))
      .expect(400);
    problem(empty);
    const tooLarge = await editor
      .upload(
        tool.id,
        { ...query, number: '1.5' },
        Buffer.concat([TINY_PDF, Buffer.alloc(20 * 1024 * 1024)]),
      )
      .expect(413);
    problem(tooLarge);
    problem(
      await editor
        .upload(tool.id, { ...query, number: '1.6', fileName: '../x.pdf' }, TINY_PDF)
        .expect(400),
    );
    // JSON on the upload route is not a file.
    problem(
      await editor
        .post(
          `/api/v1/tools/${tool.id}/versions/upload?number=2&releasedOn=2025-01-01&language=fr&fileName=a.pdf&mediaType=application/pdf`,
          {},
        )
        .expect(400),
    );
    const read = await editor.get(`/api/v1/tools/${tool.id}`).expect(200);
    expect(read.body.versions.map((version: { number: string }) => version.number).sort()).toEqual([
      '1.0',
      '1.1',
    ]);
  });

  it('validates a tool with a version, once; a tool without one cannot be validated', async () => {
    const editor = toolsClient(api, cast.editor);
    const bare = await newTool();
    const refused = await editor.post(`/api/v1/tools/${bare.id}/validate`).expect(409);
    expect(refused.body.code).toBe('tool_not_validatable');
    await editor
      .post(`/api/v1/tools/${bare.id}/versions`, {
        number: '1',
        releasedOn: '2025-01-01',
        language: 'fr',
        url: 'https://oris.example/b',
      })
      .expect(201);
    const validated = await editor.post(`/api/v1/tools/${bare.id}/validate`).expect(200);
    expect(validated.body.status).toBe('validated');
    expect(validated.body.validatedAt).toEqual(expect.any(String));
    expect((await editor.post(`/api/v1/tools/${bare.id}/validate`).expect(409)).body.code).toBe(
      'tool_already_validated',
    );
  });

  it('lists with filters and a forgiving search in any language', async () => {
    const editor = toolsClient(api, cast.editor);
    const arabic = await newTool({
      titles: { ar: 'دليل الإدماج المهني', fr: 'Guide de l’insertion professionnelle' },
      originalLanguage: 'ar',
      kind: 'method',
      purpose: 'collection',
      orisRole: 'adapter',
    });
    const search = async (query: string) =>
      (await editor.get(`/api/v1/tools?${query}`).expect(200)).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await search('q=INSERTION%20professionnelle')).toContain(arabic.id);
    expect(await search(`q=${encodeURIComponent('دليل الادماج')}`)).toContain(arabic.id);
    expect(await search('q=insertoin%20professionelle')).toContain(arabic.id);
    expect(await search('kind=method&role=adapter&purpose=collection&status=submitted')).toEqual([
      arabic.id,
    ]);
    expect(await search('kind=method&status=validated')).toEqual([]);
    problem(await editor.get('/api/v1/tools?kind=poster').expect(400));
    const page = await editor.get('/api/v1/tools?pageSize=1&page=2').expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
  });

  it('keeps the facts as they were known before a correction (audited with the previous values)', async () => {
    const editor = toolsClient(api, cast.editor);
    const tool = await newTool({ licence: 'MIT' });
    await editor
      .patch(`/api/v1/tools/${tool.id}`, { licence: null, titles: { fr: 'Nouveau titre' } })
      .expect(200);
    const read = await editor.get(`/api/v1/tools/${tool.id}`).expect(200);
    expect(read.body).toMatchObject({ licence: null, titles: { fr: 'Nouveau titre' } });
    const { DataSource } = await import('typeorm');
    const facts = await api.app
      .get(DataSource)
      .query(
        `SELECT licence, superseded_at IS NOT NULL AS superseded FROM knowledge_tool_fact WHERE tool_id = $1 ORDER BY recorded_at`,
        [tool.id],
      );
    expect(facts).toEqual([
      { licence: 'MIT', superseded: true },
      { licence: null, superseded: false },
    ]);
    const audit = await api.app
      .get(DataSource)
      .query(`SELECT action, data FROM audit_event WHERE subject_id = $1 ORDER BY at`, [tool.id]);
    expect(audit.map((event: { action: string }) => event.action)).toEqual([
      'knowledge_tool.created',
      'knowledge_tool.updated',
    ]);
    expect(audit[1].data).toMatchObject({ licenceBefore: 'MIT' });
  });

  describe('access', () => {
    it('editors and admins write; partnership officers read only; trainees and anonymous are refused', async () => {
      const tool = await newTool();
      const version = {
        number: '1',
        releasedOn: '2025-01-01',
        language: 'fr',
        url: 'https://oris.example/c',
      };
      const partnerships = toolsClient(api, cast.partnerships);
      await partnerships.get('/api/v1/tools').expect(200);
      await partnerships.get(`/api/v1/tools/${tool.id}`).expect(200);
      problem(await partnerships.post('/api/v1/tools', toolBody()).expect(403));
      await partnerships.patch(`/api/v1/tools/${tool.id}`, { kind: 'method' }).expect(403);
      await partnerships.post(`/api/v1/tools/${tool.id}/versions`, version).expect(403);
      await partnerships
        .upload(tool.id, { ...version, fileName: 'a.pdf', mediaType: 'application/pdf' }, TINY_PDF)
        .expect(403);
      await partnerships.post(`/api/v1/tools/${tool.id}/validate`).expect(403);
      for (const someone of [cast.trainee, cast.officer]) {
        await toolsClient(api, someone).get('/api/v1/tools').expect(403);
        await toolsClient(api, someone).post('/api/v1/tools', toolBody()).expect(403);
      }
      await toolsClient(api).get('/api/v1/tools').expect(401);
      await toolsClient(api).post('/api/v1/tools', toolBody()).expect(401);
      const admin = toolsClient(api, cast.admin);
      await admin.post(`/api/v1/tools/${tool.id}/versions`, version).expect(201);
      await admin.post(`/api/v1/tools/${tool.id}/validate`).expect(200);
    });

    it('shows anyone the validated tools only, without download counts', async () => {
      const editor = toolsClient(api, cast.editor);
      const hidden = await newTool({ titles: { fr: 'Brouillon confidentiel' } });
      await editor
        .post(`/api/v1/tools/${hidden.id}/versions`, {
          number: '1',
          releasedOn: '2025-01-01',
          language: 'fr',
          url: 'https://oris.example/d',
        })
        .expect(201);
      const shown = await newTool({
        titles: { fr: 'Questionnaire public' },
        kind: 'survey_instrument',
      });
      await editor
        .post(`/api/v1/tools/${shown.id}/versions`, {
          number: '1',
          releasedOn: '2025-01-01',
          language: 'fr',
          url: 'https://oris.example/e',
        })
        .expect(201);
      await editor.post(`/api/v1/tools/${shown.id}/validate`).expect(200);
      const anyone = toolsClient(api);
      const list = await anyone.get('/api/v1/public/tools?pageSize=100').expect(200);
      const listed = list.body.items.map((item: { id: string }) => item.id);
      expect(listed).toContain(shown.id);
      expect(listed).not.toContain(hidden.id);
      expect(list.body.items.every((item: { status: string }) => item.status === 'validated')).toBe(
        true,
      );
      expect(list.body.items[0]).not.toHaveProperty('downloads');
      const filtered = await anyone
        .get('/api/v1/public/tools?kind=survey_instrument&q=questionnaire')
        .expect(200);
      expect(filtered.body.items.map((item: { id: string }) => item.id)).toEqual([shown.id]);
      const detail = await anyone.get(`/api/v1/public/tools/${shown.id}`).expect(200);
      expect(detail.body.versions[0]).not.toHaveProperty('downloads');
      problem(await anyone.get(`/api/v1/public/tools/${hidden.id}`).expect(404));
      problem(await anyone.get('/api/v1/public/tools/not-a-uuid').expect(400));
    });
  });
});
