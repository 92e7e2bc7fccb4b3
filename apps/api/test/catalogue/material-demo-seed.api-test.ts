// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@oris/api/identity';
import request from 'supertest';
import { seedDemo } from '../../src/cli/demo-seed-command';
import { database } from '../enrollments/enrollment-client';
import { login } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';

describe('module material: the demo seed', () => {
  let api: TestApp;
  let storageDir: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'oris-material-seed-'));
    api = await startIdentityTestApp({ STORAGE_DIR: storageDir });
  });

  afterAll(async () => {
    await api.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('gives ES-101’s first module a PDF made at seed time and a video link, once', async () => {
    const first = await seedDemo(api.config);
    expect(first).toMatch(
      /^Material: ES-101’s first module has a PDF factsheet and a video link\.$/m,
    );
    const rows = async () =>
      database(api).query(
        `SELECT id, kind, video_host FROM module_material ORDER BY position`,
      ) as Promise<{ id: string; kind: string; video_host: string | null }[]>;
    const before = await rows();
    expect(before.map((row) => row.kind)).toEqual(['document', 'video_link']);
    expect(before[1].video_host).toBe('youtube');

    expect(await seedDemo(api.config)).toMatch(/already has its material/);
    expect(await rows()).toEqual(before);

    const trainerEmail = DEMO_ACCOUNTS.find((a) => a.role === 'trainer')?.email ?? '';
    const trainer = await login(api, trainerEmail, DEMO_PASSWORD);
    const file = await request(api.url)
      .get(`/api/v1/material/${before[0].id}/file`)
      .auth(trainer.accessToken, { type: 'bearer' })
      .buffer(true)
      .expect(200);
    expect((file.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
