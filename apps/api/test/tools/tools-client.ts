import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  signInAsNewAdmin,
  signInWithRoles,
  type Session,
} from '../identity/support/identity-client';
import type { TestApp } from '../support/test-app';

/** A browser's user agent: downloads by it count. */
export const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** The smallest file a PDF reader and the signature check accept. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export interface ToolsCast {
  admin: Session;
  editor: Session;
  partnerships: Session;
  officer: Session;
  trainee: Session;
}

export async function toolsCast(api: TestApp): Promise<ToolsCast> {
  const admin = await signInAsNewAdmin(api);
  return {
    admin,
    editor: await signInWithRoles(api, admin, ['observatory_editor']),
    partnerships: await signInWithRoles(api, admin, ['partnership_officer']),
    officer: await signInWithRoles(api, admin, ['placement_officer']),
    trainee: await signInWithRoles(api, admin, ['trainee']),
  };
}

export function toolsClient(api: TestApp, session?: Session) {
  const sign = (test: request.Test) =>
    session ? test.auth(session.accessToken, { type: 'bearer' }) : test;
  return {
    get: (url: string) => sign(request(api.url).get(url)),
    post: (url: string, body: object = {}) => sign(request(api.url).post(url).send(body)),
    patch: (url: string, body: object) => sign(request(api.url).patch(url).send(body)),
    upload: (toolId: string, query: Record<string, string>, bytes: Buffer) =>
      sign(
        request(api.url)
          .post(`/api/v1/tools/${toolId}/versions/upload`)
          .query(query)
          .set('content-type', 'application/octet-stream')
          .send(bytes),
      ),
  };
}

export const toolBody = (overrides: Record<string, unknown> = {}) => ({
  titles: { fr: 'Guide de l’entrepreneuriat social' },
  originalLanguage: 'fr',
  kind: 'guide',
  purpose: 'dissemination',
  orisRole: 'creator',
  licence: 'CC-BY-4.0',
  ...overrides,
});

/**
 * Sets every instant of a tool (created, facts, versions recorded; validated if it is) to
 * `instant`, so a test can place it in the past of a `knownAt`.
 */
export async function backdate(api: TestApp, toolId: string, instant: string): Promise<void> {
  const db = api.app.get(DataSource);
  await db.query(
    `UPDATE knowledge_tool SET created_at = $2, updated_at = $2,
       validated_at = CASE WHEN status = 'validated' THEN $2::timestamptz END WHERE id = $1`,
    [toolId, instant],
  );
  await db.query(`UPDATE knowledge_tool_fact SET recorded_at = $2 WHERE tool_id = $1`, [
    toolId,
    instant,
  ]);
  await db.query(`UPDATE knowledge_tool_version SET recorded_at = $2 WHERE tool_id = $1`, [
    toolId,
    instant,
  ]);
}
