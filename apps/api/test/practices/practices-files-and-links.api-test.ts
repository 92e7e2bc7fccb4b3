// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { FILE_STORAGE, type FileStorage } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { publicationBody } from '../publications/publication-client';
import type { TestApp } from '../support/test-app';
import { TINY_PDF, toolBody } from '../tools/tools-client';
import {
  practiceBody,
  practicesCast,
  practicesClient,
  problem,
  publishedPractice,
  type PracticesCast,
} from './practices-client';

/** The smallest PNG signature: enough for the type check. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64),
]);

describe('practice library: removing files, naming links, describing the sheet', () => {
  let api: TestApp;
  let cast: PracticesCast;
  let storage: FileStorage;
  let db: DataSource;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await practicesCast(api);
    storage = api.app.get<FileStorage>(FILE_STORAGE);
    db = api.app.get(DataSource);
  });

  afterAll(() => api.close());

  const keyOf = async (attachmentId: string): Promise<string> =>
    (await db.query(`SELECT file_key FROM practice_attachment WHERE id = $1`, [attachmentId]))[0]
      .file_key;

  it('removes a draft’s file as a version, with If-Match, and deletes the bytes nobody uses', async () => {
    const editor = practicesClient(api, cast.editor);
    const created = await editor
      .post('/api/v1/practices', practiceBody({ slug: 'fichier-retire' }))
      .expect(201);
    const id = created.body.id as string;
    const added = await editor
      .upload(id, { fileName: 'rapport.pdf', mediaType: 'application/pdf' }, TINY_PDF)
      .expect(201);
    const [file] = added.body.attachments;
    const key = await keyOf(file.id);
    expect(await storage.exists(key)).toBe(true);
    const url = `/api/v1/practices/${id}/attachments/${file.id}`;

    // Without the version: 428; with an old one: 412; nothing changes.
    const unnamed = await editor.delete(url);
    expect(unnamed.status).toBe(428);
    problem(unnamed);
    const stale = await editor.delete(url).set('If-Match', `"${added.body.version - 1}"`);
    expect(stale.status).toBe(412);
    problem(stale);
    // Another editor removes it: a version, audited, and the remover becomes an author.
    const removed = await practicesClient(api, cast.reviewer)
      .delete(url)
      .set('If-Match', `"${added.body.version}"`)
      .expect(200);
    expect(removed.body.attachments).toEqual([]);
    expect(removed.body.version).toBe(added.body.version + 1);
    expect(removed.headers['etag']).toBe(`"${added.body.version + 1}"`);
    expect(removed.body.authors.map((author: { id: string }) => author.id)).toContain(
      cast.reviewer.user.id,
    );
    const versions = await editor.get(`/api/v1/practices/${id}/versions`).expect(200);
    expect(versions.body[0]).toMatchObject({ action: 'attachment_removed' });
    const audit = await db.query(
      `SELECT data FROM audit_event WHERE action = 'practice.attachment_removed' AND subject_id = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ attachmentId: file.id, sha256: file.sha256 });
    // Never published: its bytes are gone, and so is the file for everyone.
    expect(await storage.exists(key)).toBe(false);
    await editor.get(url).expect(404);
    const again = await editor.delete(url).set('If-Match', `"${removed.body.version}"`);
    expect(again.status).toBe(404);
    problem(again);
  });

  it('keeps the bytes a published version lists, and the public keeps reading them', async () => {
    const editor = practicesClient(api, cast.editor);
    const reviewer = practicesClient(api, cast.reviewer);
    const created = await editor
      .post('/api/v1/practices', practiceBody({ slug: 'fichier-publie' }))
      .expect(201);
    const id = created.body.id as string;
    const added = await editor
      .upload(
        id,
        { kind: 'image', fileName: 'atelier.png', mediaType: 'image/png', altFr: 'Un atelier' },
        PNG,
      )
      .expect(201);
    const [file] = added.body.attachments;
    await editor.post(`/api/v1/practices/${id}/submit`).expect(200);
    // In review: not changed (409), like an edit.
    const inReview = await editor
      .delete(file.downloadPath)
      .set('If-Match', `"${added.body.version + 1}"`);
    expect(inReview.status).toBe(409);
    problem(inReview);
    await reviewer
      .post(`/api/v1/practices/${id}/review`, {
        decision: 'assess',
        evidenceLevel: 1,
        evidenceJustification: { fr: 'Un récit clair de l’intervention.' },
      })
      .expect(200);
    const published = await reviewer.post(`/api/v1/practices/${id}/publish`).expect(200);

    const removed = await editor
      .delete(file.downloadPath)
      .set('If-Match', `"${published.body.version}"`)
      .expect(200);
    // A new edition opens; the public keeps the published one, its image included.
    expect(removed.body).toMatchObject({ status: 'draft', attachments: [] });
    const visitor = practicesClient(api);
    const shown = await visitor.get(`/api/v1/practices/${id}`).expect(200);
    expect(shown.body.attachments.map((shownFile: { id: string }) => shownFile.id)).toEqual([
      file.id,
    ]);
    const bytes = await visitor.get(file.downloadPath).buffer(true).expect(200);
    expect(Buffer.compare(bytes.body as Buffer, PNG)).toBe(0);
    expect(await storage.exists(await keyOf(file.id))).toBe(true);
    // Staff see the working state: the file is no longer there.
    await editor.get(file.downloadPath).expect(404);
  });

  it('lets only editors and administrators remove a file', async () => {
    const { id } = await publishedPractice(api, cast, { slug: 'fichier-protege' });
    const url = `/api/v1/practices/${id}/attachments/00000000-0000-4000-8000-000000000000`;
    for (const [session, status] of [
      [undefined, 401],
      [cast.trainee, 403],
      [cast.officer, 403],
    ] as const) {
      const response = await practicesClient(api, session).delete(url).set('If-Match', '"4"');
      expect(response.status).toBe(status);
      problem(response);
    }
  });

  it('names the linked records with the sheet, hiding from the public what is not public', async () => {
    const admin = practicesClient(api, cast.admin);
    const editor = practicesClient(api, cast.editor);
    const tool = async (title: string, validated: boolean) => {
      const { body } = await admin
        .post('/api/v1/tools', toolBody({ titles: { fr: title, ar: `${title} (ar)` } }))
        .expect(201);
      if (validated) {
        await db.query(
          `UPDATE knowledge_tool SET status = 'validated', validated_at = now() WHERE id = $1`,
          [body.id],
        );
      }
      return body.id as string;
    };
    const course = async (code: string, title: string, status: 'draft' | 'published') =>
      (
        await db.query(
          `INSERT INTO course (code, title, summary, theme, languages, delivery_mode, duration_hours, status, published_at)
           VALUES ($1, $2, 'Résumé', 'cooperatives', '{fr}', 'online', 10, $3,
             CASE WHEN $3::varchar = 'published' THEN now() END) RETURNING id`,
          [code, title, status],
        )
      )[0].id as string;
    const publication = async (title: string, validated: boolean) => {
      const { body } = await editor
        .post(
          '/api/v1/publications',
          publicationBody({ titles: [{ language: 'fr', title, original: true }] }),
        )
        .expect(201);
      if (validated) await editor.post(`/api/v1/publications/${body.id}/validate`).expect(200);
      return body.id as string;
    };
    const publicTool = await tool('Guide public', true);
    const hiddenTool = await tool('Guide en attente secret', false);
    const publicCourse = await course('LNK-1', 'Cours publié', 'published');
    const hiddenCourse = await course('LNK-2', 'Cours brouillon secret', 'draft');
    const publicPublication = await publication('Évaluation publiée', true);
    const hiddenPublication = await publication('Rapport soumis secret', false);
    const partnershipIds = (
      (await db.query(`SELECT id FROM partnership LIMIT 1`)) as { id: string }[]
    ).map((row) => row.id);
    const { id } = await publishedPractice(api, cast, {
      slug: 'liens-nommes',
      links: {
        toolIds: [publicTool, hiddenTool],
        publicationIds: [publicPublication, hiddenPublication],
        courseIds: [publicCourse, hiddenCourse],
        partnershipIds,
      },
    });

    const staff = await editor.get(`/api/v1/practices/${id}`).expect(200);
    expect(staff.body.linkedItems).toHaveLength(6 + partnershipIds.length);
    expect(staff.body.linkedItems).toContainEqual({
      kind: 'tool',
      id: hiddenTool,
      title: 'Guide en attente secret',
      titles: { fr: 'Guide en attente secret', ar: 'Guide en attente secret (ar)' },
    });
    expect(staff.body.jsonLd).toBeUndefined();

    for (const client of [practicesClient(api), practicesClient(api, cast.trainee)]) {
      const shown = await client.get(`/api/v1/practices/${id}`).expect(200);
      expect(shown.body.linkedItems).toEqual([
        {
          kind: 'tool',
          id: publicTool,
          title: 'Guide public',
          titles: { fr: 'Guide public', ar: 'Guide public (ar)' },
        },
        { kind: 'publication', id: publicPublication, title: 'Évaluation publiée', titles: {} },
        { kind: 'course', id: publicCourse, title: 'Cours publié', titles: {} },
      ]);
      // Neither the items nor the JSON-LD name what the public may not read.
      expect(JSON.stringify(shown.body)).not.toContain('secret');
      const jsonLd = shown.body.jsonLd;
      expect(jsonLd).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'CreativeWork',
        '@id': expect.stringMatching(/\/practices\/liens-nommes$/),
        inLanguage: 'fr',
        isBasedOn: [
          {
            '@type': 'CreativeWork',
            name: 'Évaluation publiée',
            url: expect.stringMatching(new RegExp(`/publications/${publicPublication}$`)),
          },
        ],
        mentions: [
          { '@type': 'CreativeWork', name: 'Guide public' },
          { '@type': 'Course', name: 'Cours publié' },
        ],
      });
      expect(jsonLd.workTranslation[0]).toMatchObject({
        inLanguage: 'ar',
        url: expect.stringMatching(/\/practices\/liens-nommes\?lang=ar$/),
      });
    }
  });

  it('stops showing a contact publicly as soon as the consent is withdrawn, before any republication', async () => {
    const { id } = await publishedPractice(api, cast, { slug: 'consentement-retire' });
    const editor = practicesClient(api, cast.editor);
    const visitor = practicesClient(api);
    const before = await visitor.get(`/api/v1/practices/${id}`).expect(200);
    expect(before.body.contacts.map((contact: { name: string }) => contact.name)).toEqual([
      'Fatima Zahra El Idrissi',
    ]);
    const working = await editor.get(`/api/v1/practices/${id}`).expect(200);
    await editor
      .patch(`/api/v1/practices/${id}`, {
        version: working.body.version,
        contacts: working.body.contacts.map(
          (contact: { id: string; name: string; email: string | null }) => ({
            id: contact.id,
            name: contact.name,
            email: contact.email,
            consentGiven: false,
          }),
        ),
      })
      .expect(200);

    // Staff reading the contacts leave a trace (law 09-08); the public view does not.
    const viewed = async () =>
      (
        await db.query(
          `SELECT actor_id FROM audit_event WHERE action = 'practice.contacts_viewed' AND subject_id = $1`,
          [id],
        )
      ).map((row: { actor_id: string }) => row.actor_id);
    expect(await viewed()).toEqual([cast.editor.user.id]);
    await editor.get(`/api/v1/practices/${id}?view=public`).expect(200);
    expect(await viewed()).toEqual([cast.editor.user.id]);

    const after = await visitor.get(`/api/v1/practices/${id}`).expect(200);
    // Still the published edition, without the contact who withdrew.
    expect(after.body.version).toBe(before.body.version);
    expect(after.body.contacts).toEqual([]);
    const printed = await visitor.get(`/api/v1/practices/${id}/published`).expect(200);
    expect(JSON.stringify(printed.body)).not.toContain('Fatima');
  });
});
