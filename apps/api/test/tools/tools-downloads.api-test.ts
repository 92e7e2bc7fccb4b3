// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { ToolDownloads } from '@oris/api/knowledge-tools';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import {
  BROWSER,
  TINY_PDF,
  toolBody,
  toolsCast,
  toolsClient,
  type ToolsCast,
} from './tools-client';

describe('knowledge tools: downloads', () => {
  let api: TestApp;
  let cast: ToolsCast;
  let toolId: string;
  let fileVersion: string;
  let linkVersion: string;
  let hiddenTool: string;
  let hiddenVersion: string;

  const download = (
    tool: string,
    version: string,
    agent?: string,
    headers: Record<string, string> = {},
  ) => {
    const pending = request(api.url).get(`/api/v1/tools/${tool}/versions/${version}/download`);
    if (agent) pending.set('user-agent', agent);
    for (const [name, value] of Object.entries(headers)) pending.set(name, value);
    return pending.buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  };
  const counts = async () => {
    const read = await toolsClient(api, cast.editor).get(`/api/v1/tools/${toolId}`).expect(200);
    return Object.fromEntries(
      read.body.versions.map((version: { id: string; downloads: number }) => [
        version.id,
        version.downloads,
      ]),
    );
  };

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await toolsCast(api);
    const editor = toolsClient(api, cast.editor);
    toolId = (
      await editor
        .post('/api/v1/tools', toolBody({ titles: { ar: 'دليل' }, originalLanguage: 'ar' }))
        .expect(201)
    ).body.id;
    const withFile = await editor
      .upload(
        toolId,
        {
          number: '1.0',
          releasedOn: '2025-03-01',
          language: 'ar',
          fileName: 'دليل.pdf',
          mediaType: 'application/pdf',
        },
        TINY_PDF,
      )
      .expect(201);
    fileVersion = withFile.body.versions[0].id;
    const withLink = await editor
      .post(`/api/v1/tools/${toolId}/versions`, {
        number: '2.0',
        releasedOn: '2025-06-01',
        language: 'fr',
        url: 'https://oris.example/guide-v2',
      })
      .expect(201);
    linkVersion = withLink.body.versions.find(
      (version: { number: string }) => version.number === '2.0',
    ).id;
    await editor.post(`/api/v1/tools/${toolId}/validate`).expect(200);
    hiddenTool = (await editor.post('/api/v1/tools', toolBody()).expect(201)).body.id;
    hiddenVersion = (
      await editor
        .upload(
          hiddenTool,
          {
            number: '1',
            releasedOn: '2025-03-01',
            language: 'fr',
            fileName: 'x.pdf',
            mediaType: 'application/pdf',
          },
          TINY_PDF,
        )
        .expect(201)
    ).body.versions[0].id;
  });

  afterAll(() => api.close());

  it('serves the file to anyone, with its name and type, and counts a visitor once within 24 hours', async () => {
    const first = await download(toolId, fileVersion, BROWSER).expect(200);
    expect(Buffer.compare(first.body as Buffer, TINY_PDF)).toBe(0);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('دليل.pdf')}`,
    );
    expect(first.headers['accept-ranges']).toBe('bytes');
    await download(toolId, fileVersion, BROWSER).expect(200);
    await download(toolId, fileVersion, BROWSER).expect(200);
    expect((await counts())[fileVersion]).toBe(1);
    // Another browser (another visitor key) counts.
    await download(toolId, fileVersion, `${BROWSER} Edg/131.0`).expect(200);
    expect((await counts())[fileVersion]).toBe(2);
  });

  it('counts the same visitor again after 24 hours', async () => {
    const downloads = api.app.get(ToolDownloads);
    const visitor = {
      toolId,
      versionId: fileVersion,
      address: '198.51.100.7',
      userAgent: BROWSER,
      journey: false,
    };
    expect(await downloads.count(visitor, new Date('2030-01-01T08:00:00Z'))).toBe(true);
    expect(await downloads.count(visitor, new Date('2030-01-02T07:59:00Z'))).toBe(false);
    expect(await downloads.count(visitor, new Date('2030-01-02T08:00:01Z'))).toBe(true);
  });

  it('serves robots and scripted clients without counting them', async () => {
    const before = (await counts())[fileVersion];
    for (const agent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'curl/8.5.0',
      'python-requests/2.32.3',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36',
      undefined,
    ]) {
      await download(toolId, fileVersion, agent).expect(200);
    }
    expect((await counts())[fileVersion]).toBe(before);
    // The browser journeys say who they are (outside production): their headless browser counts.
    await download(
      toolId,
      fileVersion,
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36',
      { 'x-oris-journey': '1' },
    ).expect(200);
    expect((await counts())[fileVersion]).toBe(before + 1);
  });

  it('answers byte ranges (206, 416), and a resumed transfer is not another download', async () => {
    const agent = `${BROWSER} Range/1`;
    const head = await download(toolId, fileVersion, agent, { range: 'bytes=0-3' }).expect(206);
    expect((head.body as Buffer).toString()).toBe('%PDF');
    expect(head.headers['content-range']).toBe(`bytes 0-3/${TINY_PDF.length}`);
    const before = (await counts())[fileVersion];
    const rest = await download(toolId, fileVersion, `${BROWSER} Range/2`, {
      range: 'bytes=4-',
    }).expect(206);
    expect(Buffer.concat([head.body as Buffer, rest.body as Buffer]).equals(TINY_PDF)).toBe(true);
    expect((await counts())[fileVersion]).toBe(before);
    await download(toolId, fileVersion, agent, { range: `bytes=${TINY_PDF.length}-` }).expect(416);
  });

  it('redirects to a link version and counts it', async () => {
    const response = await download(toolId, linkVersion, BROWSER).expect(302);
    expect(response.headers['location']).toBe('https://oris.example/guide-v2');
    expect((await counts())[linkVersion]).toBe(1);
  });

  it('answers 404 for an unvalidated tool, another tool’s version or an unknown one; stores no address', async () => {
    for (const [tool, version] of [
      [hiddenTool, hiddenVersion],
      [hiddenTool, fileVersion],
      [toolId, '0c7c3a52-58a1-4bb7-9a9b-0c5cbdb41b11'],
    ]) {
      const response = await download(tool, version, BROWSER).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const rows = await api.app.get(DataSource).query(`SELECT * FROM knowledge_tool_download`);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('127.0.0.1');
    expect(JSON.stringify(rows)).not.toContain('198.51.100.7');
    for (const row of rows) expect(row.visitor_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
