// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_STORAGE, type FileStorage } from '@oris/api/platform';
import request from 'supertest';
import { baseline, openSession } from '../enrollments/enrollment-client';
import { Session, signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { Cast, castOf, client } from './catalogue-client';
import { uniquePdf } from './material-support';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082',
  'hex',
);

interface Material {
  id: string;
  kind: string;
  position: number;
  titles: Record<string, string>;
  file: { name: string; size: number; mediaType: string; sha256: string; url: string } | null;
  video: { host: string; videoId: string; embedUrl: string } | null;
}

describe('module material: files, video links, ranges, access', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let storageDir: string;
  let course: Awaited<ReturnType<typeof openSession>>;
  let moduleId: string;
  let enrolled: Session;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'oris-material-'));
    api = await startIdentityTestApp({ STORAGE_DIR: storageDir });
    cast = await castOf(api);
    http = client(api);
    course = await openSession(api, cast.trainer);
    moduleId = course.moduleIds[0];
    enrolled = await signInWithRoles(api, cast.admin, ['trainee']);
    await http
      .as(enrolled)
      .post(`/api/v1/sessions/${course.sessionId}/enrollments`, baseline())
      .expect(201);
  });

  afterAll(async () => {
    await api.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const upload = (
    session: Session | undefined,
    module: string,
    bytes: Buffer,
    query: Record<string, string> = { fileName: 'guide.pdf' },
    contentType = 'application/octet-stream',
  ) => {
    const test = request(api.url)
      .post(`/api/v1/modules/${module}/material/files`)
      .query(query)
      .set('Content-Type', contentType);
    return (session ? test.auth(session.accessToken, { type: 'bearer' }) : test).send(bytes);
  };

  const list = (session: Session, module = moduleId) =>
    http.as(session).get(`/api/v1/modules/${module}/material`);

  describe('uploads', () => {
    it('stores a PDF with its SHA-256, typed from its content, titled per language', async () => {
      const pdf = uniquePdf();
      const response = await upload(cast.trainer, moduleId, pdf, {
        fileName: 'دليل المشروع.pdf',
        titleFr: 'Guide du projet',
        titleAr: 'دليل المشروع',
      }).expect(201);
      const material = response.body as Material;
      expect(material).toMatchObject({
        kind: 'document',
        titles: { fr: 'Guide du projet', ar: 'دليل المشروع' },
        file: { name: 'دليل المشروع.pdf', size: pdf.length, mediaType: 'application/pdf' },
        video: null,
      });
      expect(material.file?.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('takes the type from the bytes, not from the name or the declared type', async () => {
      const image = await upload(cast.trainer, moduleId, PNG, { fileName: 'photo.pdf' }).expect(
        201,
      );
      expect(image.body).toMatchObject({ kind: 'image', file: { mediaType: 'image/png' } });
      for (const bytes of [
        Buffer.from('<!doctype html><script>alert(1)</script>'),
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        Buffer.concat([Buffer.from('MZ'), randomBytes(64)]),
      ]) {
        const refused = await upload(cast.trainer, moduleId, bytes, { fileName: 'slides.pdf' });
        expect(refused.status).toBe(415);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.body.code).toBe('unsupported_material_type');
      }
    });

    it('refuses an empty body, a multipart form, a file past the largest limit, and a bad name', async () => {
      expect((await upload(cast.trainer, moduleId, Buffer.alloc(0))).status).toBe(400);
      expect(
        (await upload(cast.trainer, moduleId, uniquePdf(), undefined, 'multipart/form-data'))
          .status,
      ).toBe(415);
      const tooLarge = await request(api.url)
        .post(`/api/v1/modules/${moduleId}/material/files?fileName=big.pdf`)
        .auth(cast.trainer.accessToken, { type: 'bearer' })
        .set('Content-Type', 'application/octet-stream')
        .set('Content-Length', String(101 * 1024 * 1024))
        .send(Buffer.alloc(16));
      expect([413, 400]).toContain(tooLarge.status);
      expect(
        (await upload(cast.trainer, moduleId, uniquePdf(), { fileName: '../../etc/passwd' }))
          .status,
      ).toBe(400);
    });

    it('applies each kind’s own limit: an image past 10 MiB is refused with 413', async () => {
      const bigImage = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
      const response = await upload(cast.trainer, moduleId, bigImage, { fileName: 'big.png' });
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('material_too_large');
    });

    it('lets only the course’s owners and administrators add material', async () => {
      // Another trainer has no right on the module at all: it does not exist for them.
      expect((await upload(cast.otherTrainer, moduleId, uniquePdf())).status).toBe(404);
      expect((await upload(enrolled, moduleId, uniquePdf())).status).toBe(403);
      expect((await upload(undefined, moduleId, uniquePdf())).status).toBe(401);
      expect((await upload(cast.admin, moduleId, uniquePdf())).status).toBe(201);
    });
  });

  describe('video links', () => {
    it('keeps a known host and id, and answers the privacy-friendly player', async () => {
      const response = await http
        .as(cast.trainer)
        .post(`/api/v1/modules/${moduleId}/material/links`, {
          url: 'https://youtu.be/aqz-KE-bpKQ?t=3',
          titles: { fr: 'Vidéo' },
        })
        .expect(201);
      expect(response.body).toMatchObject({
        kind: 'video_link',
        file: null,
        video: {
          host: 'youtube',
          videoId: 'aqz-KE-bpKQ',
          embedUrl: 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ',
        },
      });
    });

    it('refuses unknown hosts and embed HTML with 422', async () => {
      for (const url of [
        'https://evil.example/watch?v=aqz-KE-bpKQ',
        '<iframe src="https://www.youtube.com/embed/aqz-KE-bpKQ"></iframe>',
        'javascript:alert(1)',
      ]) {
        const response = await http
          .as(cast.trainer)
          .post(`/api/v1/modules/${moduleId}/material/links`, { url });
        expect(response.status).toBe(422);
        expect(response.body.code).toBe('unknown_video_link');
      }
    });
  });

  describe('downloads with ranges', () => {
    let pdf: Buffer;
    let material: Material;

    beforeAll(async () => {
      pdf = uniquePdf();
      material = (await upload(cast.trainer, moduleId, pdf, { fileName: 'ranges.pdf' })).body;
    });

    const download = (headers: Record<string, string> = {}) => {
      const test = request(api.url).get(`/api/v1/material/${material.id}/file`);
      for (const [name, value] of Object.entries(headers)) test.set(name, value);
      return test.auth(enrolled.accessToken, { type: 'bearer' });
    };

    it('sends the whole file with its ETag, Accept-Ranges and a safe attachment name', async () => {
      const response = await download().buffer(true).expect(200);
      expect(Buffer.compare(response.body as Buffer, pdf)).toBe(0);
      expect(response.headers['accept-ranges']).toBe('bytes');
      expect(response.headers['etag']).toBe(`"${material.file?.sha256}"`);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="ranges.pdf"; filename*=UTF-8''ranges.pdf`,
      );
      expect(response.headers['content-type']).toBe('application/pdf');
    });

    it('answers 206 with exactly the bytes asked for, from a start, to the end, or a suffix', async () => {
      const cases: [string, number, number][] = [
        ['bytes=0-9', 0, 9],
        [`bytes=10-`, 10, pdf.length - 1],
        ['bytes=-7', pdf.length - 7, pdf.length - 1],
        [`bytes=5-${pdf.length + 100}`, 5, pdf.length - 1],
      ];
      for (const [range, start, end] of cases) {
        const response = await download({ Range: range }).buffer(true).expect(206);
        expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${pdf.length}`);
        expect(Buffer.compare(response.body as Buffer, pdf.subarray(start, end + 1))).toBe(0);
      }
    });

    it('answers 416 with the size for a range past the end', async () => {
      const response = await download({ Range: `bytes=${pdf.length}-` }).expect(416);
      expect(response.headers['content-range']).toBe(`bytes */${pdf.length}`);
    });

    it('honours If-Range: the range for the same ETag, the whole file for another', async () => {
      const etag = `"${material.file?.sha256}"`;
      await download({ Range: 'bytes=0-3', 'If-Range': etag }).expect(206);
      const stale = await download({ Range: 'bytes=0-3', 'If-Range': '"0000"' })
        .buffer(true)
        .expect(200);
      expect((stale.body as Buffer).length).toBe(pdf.length);
      await download({ 'If-None-Match': etag }).expect(304);
    });

    it('serves the signed address without a header, and refuses a forged or foreign one', async () => {
      const listed = (await list(enrolled).expect(200)).body as Material[];
      const url = listed.find((item) => item.id === material.id)?.file?.url as string;
      expect(url).toMatch(/^\/api\/v1\/material\/.+\/file\?token=/);
      const ranged = await request(api.url).get(url).set('Range', 'bytes=0-3').expect(206);
      expect(ranged.headers['content-range']).toBe(`bytes 0-3/${pdf.length}`);
      await request(api.url).get(`${url}x`).expect(404);
      const other = listed.find((item) => item.id !== material.id && item.file) as Material;
      const token = url.split('token=')[1];
      await request(api.url).get(`/api/v1/material/${other.id}/file?token=${token}`).expect(404);
      await request(api.url).get(`/api/v1/material/${material.id}/file`).expect(404);
    });
  });

  describe('ranged reads of the storage', () => {
    it('reads only the range asked for, never the whole stored file', async () => {
      // 3 MiB: far past a typical range, so a whole-file read would show in the spies.
      const big = Buffer.concat([uniquePdf(), randomBytes(3 * 1024 * 1024)]);
      const stored = (
        await upload(cast.trainer, moduleId, big, { fileName: 'big.pdf' }).expect(201)
      ).body as Material;
      const storage = api.app.get<FileStorage>(FILE_STORAGE);
      const whole = jest.spyOn(storage, 'get');
      const ranged = jest.spyOn(storage, 'readRange');
      try {
        const download = (range?: string) => {
          const test = request(api.url).get(`/api/v1/material/${stored.id}/file`);
          if (range) test.set('Range', range);
          return test.auth(enrolled.accessToken, { type: 'bearer' }).buffer(true);
        };
        const start = 1024 * 1024;
        const end = start + 65_535;
        const part = await download(`bytes=${start}-${end}`).expect(206);
        expect(part.headers['content-range']).toBe(`bytes ${start}-${end}/${big.length}`);
        expect(part.headers['content-length']).toBe('65536');
        expect(Buffer.compare(part.body as Buffer, big.subarray(start, end + 1))).toBe(0);
        expect(ranged).toHaveBeenLastCalledWith(expect.stringMatching(/^material\//), start, end);

        const tail = await download('bytes=-100').expect(206);
        expect(Buffer.compare(tail.body as Buffer, big.subarray(big.length - 100))).toBe(0);
        expect(ranged).toHaveBeenLastCalledWith(
          expect.any(String),
          big.length - 100,
          big.length - 1,
        );

        const all = await download().expect(200);
        expect(all.headers['content-length']).toBe(String(big.length));
        expect(Buffer.compare(all.body as Buffer, big)).toBe(0);
        expect(ranged).toHaveBeenLastCalledWith(expect.any(String), 0, big.length - 1);

        const calls = ranged.mock.calls.length;
        await download(`bytes=${big.length}-`).expect(416);
        expect(ranged.mock.calls.length).toBe(calls);
        expect(whole).not.toHaveBeenCalled();
      } finally {
        whole.mockRestore();
        ranged.mockRestore();
      }
    });
  });

  describe('who reads it', () => {
    it('lists the material in order to the enrolled trainee, and reorders for the owner', async () => {
      const before = (await list(enrolled).expect(200)).body as Material[];
      expect(before.length).toBeGreaterThan(2);
      const reversed = [...before].reverse().map((item) => item.id);
      const reordered = await http
        .as(cast.trainer)
        .put(`/api/v1/modules/${moduleId}/material/order`, { materialIds: reversed })
        .expect(200);
      expect(reordered.body.map((item: Material) => item.id)).toEqual(reversed);
      await http
        .as(cast.trainer)
        .put(`/api/v1/modules/${moduleId}/material/order`, { materialIds: reversed.slice(1) })
        .expect(409);
    });

    it('gives 404 to a trainee of another course, an unenrolled trainee and a foreign trainer', async () => {
      const [material] = (await list(cast.trainer).expect(200)).body as Material[];
      const elsewhere = await openSession(api, cast.otherTrainer);
      const otherTrainee = await signInWithRoles(api, cast.admin, ['trainee']);
      await http
        .as(otherTrainee)
        .post(`/api/v1/sessions/${elsewhere.sessionId}/enrollments`, baseline())
        .expect(201);
      for (const outsider of [otherTrainee, cast.trainee, cast.otherTrainer]) {
        const listed = await list(outsider);
        expect(listed.status).toBe(404);
        expect(listed.body.code).toBe('module_not_found');
        const file = await http.as(outsider).get(`/api/v1/material/${material.id}/file`);
        expect(file.status).toBe(404);
        expect(file.body.code).toBe('material_not_found');
      }
      await http.anonymous.get(`/api/v1/modules/${moduleId}/material`).expect(401);
    });

    it('hides a draft module’s material from its enrolled trainees, not from its owner', async () => {
      const draft = await http
        .as(cast.trainer)
        .post(`/api/v1/courses/${course.courseId}/modules`, {
          title: 'Brouillon',
          estimatedMinutes: 10,
        })
        .expect(201);
      await upload(cast.trainer, draft.body.id, uniquePdf()).expect(201);
      await list(cast.trainer, draft.body.id).expect(200);
      await list(enrolled, draft.body.id).expect(404);
    });

    it('stops a withdrawn trainee’s signed addresses at once', async () => {
      const leaver = await signInWithRoles(api, cast.admin, ['trainee']);
      const enrollment = await http
        .as(leaver)
        .post(`/api/v1/sessions/${course.sessionId}/enrollments`, baseline())
        .expect(201);
      const [first] = ((await list(leaver).expect(200)).body as Material[]).filter((m) => m.file);
      await request(api.url)
        .get(first.file?.url as string)
        .expect(200);
      await http.as(leaver).post(`/api/v1/enrollments/${enrollment.body.id}/withdraw`).expect(200);
      await request(api.url)
        .get(first.file?.url as string)
        .expect(404);
    });
  });

  describe('removal', () => {
    it('removes the row and the stored file when nothing else names it; readers then get 404', async () => {
      const pdf = uniquePdf();
      const added = (await upload(cast.trainer, moduleId, pdf).expect(201)).body as Material;
      await http.as(enrolled).delete(`/api/v1/material/${added.id}`).expect(403);
      const stored = join(storageDir, 'material', `${added.file?.sha256}.pdf`);
      expect(existsSync(stored)).toBe(true);
      await http.as(cast.trainer).delete(`/api/v1/material/${added.id}`).expect(204);
      expect(existsSync(stored)).toBe(false);
      await http.as(enrolled).get(`/api/v1/material/${added.id}/file`).expect(404);
      const again = (await upload(cast.trainer, moduleId, pdf).expect(201)).body as Material;
      await http.as(enrolled).get(`/api/v1/material/${again.id}/file`).expect(200);
    });
  });
});
