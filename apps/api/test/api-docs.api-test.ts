import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createOpenApiDocument, serveOpenApi } from '@oris/api/platform';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The docs UI as main.ts serves it: its files come through @fastify/static, registered by
 * @nestjs/swagger on the Fastify adapter (docs/SECURITY.md, S9).
 */
describe('API docs UI', () => {
  let api: TestApp;
  let docs: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    api = await startTestApp();
    docs = await createApp(api.config);
    serveOpenApi(docs, createOpenApiDocument(docs));
    await docs.listen({ port: 0, host: '127.0.0.1' });
    const address = docs.getHttpServer().address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await docs?.close();
    await api.close();
  });

  it('serves the page, its static files and the OpenAPI document', async () => {
    const page = await request(url).get('/api/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const script = await request(url).get('/api/docs/swagger-ui-bundle.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    const document = await request(url).get('/api/docs-json').expect(200);
    expect(document.body.info.title).toBe('ORIS Academy API');
  });

  // swagger-ui-dist sits in node_modules: two levels up is the repository's own package.json.
  it.each([
    '/api/docs/..%2f..%2fpackage.json',
    '/api/docs/%2e%2e/%2e%2e/package.json',
    '/api/docs/%2e%2e%2f%2e%2e%2fpackage.json',
    '/api/docs/..%5c..%5cpackage.json',
  ])('serves no file from outside the docs folder for %s', async (path) => {
    const response = await request(url).get(path);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.text).not.toContain('oris-academy');
  });
});
