import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { ConfigModule } from '../config/config.module';
import { loadConfig } from '../config/load-config';
import {
  assertStorageKey,
  FILE_STORAGE,
  FileNotFoundError,
  InvalidStorageKeyError,
  type FileStorage,
} from './file-storage';
import { LocalDirectoryStorage } from './local-directory-storage';
import { StorageModule } from './storage.module';
import { AbandonedWritesSweeper, StorageSweepModule } from './abandoned-writes-sweeper';

const HOUR_MS = 3600_000;

/** A file as a write killed before its rename leaves it, last written `ageMs` ago. */
async function leftover(folder: string, name: string, ageMs: number): Promise<string> {
  await mkdir(folder, { recursive: true });
  const path = join(folder, name);
  await writeFile(path, '%PDF-1.3 half a certif');
  const when = new Date(Date.now() - ageMs);
  await utimes(path, when, when);
  return path;
}

const listed = async (folder: string) => (await readdir(folder)).sort();

describe('assertStorageKey', () => {
  it.each(['a.pdf', 'certificates/2026/ORIS-2026-000123.pdf', 'x/y_z-1.bin'])(
    'accepts %s',
    (key) => {
      expect(() => assertStorageKey(key)).not.toThrow();
    },
  );

  it.each([
    '',
    '../secret',
    'a/../../b',
    '/etc/passwd',
    'a//b',
    'a/',
    './a',
    'a/./b',
    '.hidden',
    'a\\..\\b',
    'C:\\x',
    'a/b\u0000',
  ])('refuses %j', (key) => {
    expect(() => assertStorageKey(key)).toThrow(InvalidStorageKeyError);
  });

  it('refuses overlong segments and keys', () => {
    expect(() => assertStorageKey('a'.repeat(129))).toThrow(InvalidStorageKeyError);
    expect(() => assertStorageKey(`${'a/'.repeat(300)}b`)).toThrow(InvalidStorageKeyError);
  });
});

describe('LocalDirectoryStorage', () => {
  let root: string;
  let storage: LocalDirectoryStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'oris-storage-'));
    storage = new LocalDirectoryStorage(join(root, 'files'));
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes, reads back and reports files, creating folders as needed', async () => {
    const bytes = Buffer.from('%PDF-1.3 certificate');
    expect(await storage.exists('certificates/2026/a.pdf')).toBe(false);
    await storage.put('certificates/2026/a.pdf', bytes);
    expect(await storage.exists('certificates/2026/a.pdf')).toBe(true);
    expect(await storage.get('certificates/2026/a.pdf')).toEqual(bytes);
    expect(await readFile(join(root, 'files/certificates/2026/a.pdf'))).toEqual(bytes);
  });

  it('replaces a file whole and leaves no temporary file behind', async () => {
    await storage.put('a.pdf', Buffer.from('first version'));
    await storage.put('a.pdf', new Uint8Array([1, 2, 3]));
    expect(await storage.get('a.pdf')).toEqual(Buffer.from([1, 2, 3]));
    expect(await readdir(join(root, 'files'))).toEqual(['a.pdf']);
  });

  it('keeps the previous file when a write fails', async () => {
    await storage.put('a.pdf', Buffer.from('complete'));
    // A folder where the temporary file's rename wants a file: the rename fails.
    await storage.put('dir/x.pdf', Buffer.from('x'));
    await expect(storage.put('dir', Buffer.from('y'))).rejects.toThrow();
    expect(await storage.get('a.pdf')).toEqual(Buffer.from('complete'));
    expect((await readdir(join(root, 'files'))).sort()).toEqual(['a.pdf', 'dir']);
  });

  it('writes concurrent puts of one key to one complete file', async () => {
    const versions = Array.from({ length: 10 }, (_, i) => Buffer.alloc(64 * 1024, i));
    await Promise.all(versions.map((bytes) => storage.put('same.bin', bytes)));
    const stored = await storage.get('same.bin');
    expect(versions.some((bytes) => bytes.equals(stored))).toBe(true);
    expect(await readdir(join(root, 'files'))).toEqual(['same.bin']);
  });

  it('rejects a missing file with FileNotFoundError, and a folder is not a file', async () => {
    await expect(storage.get('nope.pdf')).rejects.toBeInstanceOf(FileNotFoundError);
    await storage.put('folder/a.pdf', Buffer.from('a'));
    expect(await storage.exists('folder')).toBe(false);
  });

  it('streams a byte range, inclusive, without reading the rest', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => i % 251));
    await storage.put('material/big.bin', bytes);
    const read = async (start: number, end: number) => {
      const chunks: Buffer[] = [];
      for await (const chunk of await storage.readRange('material/big.bin', start, end))
        chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    expect(await read(0, 0)).toEqual(bytes.subarray(0, 1));
    expect(await read(1000, 70_999)).toEqual(bytes.subarray(1000, 71_000));
    expect(await read(bytes.length - 10, bytes.length - 1)).toEqual(bytes.subarray(-10));
  });

  it('rejects a ranged read of a missing file, or a backwards range, before any byte', async () => {
    await expect(storage.readRange('nope.pdf', 0, 1)).rejects.toBeInstanceOf(FileNotFoundError);
    await storage.put('a.pdf', Buffer.from('abc'));
    await expect(storage.readRange('a.pdf', 2, 1)).rejects.toBeInstanceOf(RangeError);
    await expect(storage.readRange('../a.pdf', 0, 1)).rejects.toBeInstanceOf(
      InvalidStorageKeyError,
    );
  });

  it('deletes a file, and deleting one already gone is not an error', async () => {
    await storage.put('certificates/2026/a.pdf', Buffer.from('a'));
    await storage.delete('certificates/2026/a.pdf');
    expect(await storage.exists('certificates/2026/a.pdf')).toBe(false);
    await expect(storage.delete('certificates/2026/a.pdf')).resolves.toBeUndefined();
  });

  it('never reads or writes outside its root', async () => {
    await writeFile(join(root, 'secret.txt'), 'secret');
    for (const key of ['../secret.txt', 'a/../../secret.txt', join(root, 'secret.txt')]) {
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.exists(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(
        InvalidStorageKeyError,
      );
    }
    expect(await readFile(join(root, 'secret.txt'), 'utf8')).toBe('secret');
  });
});

describe('LocalDirectoryStorage.removeAbandonedWrites', () => {
  let root: string;
  let storage: LocalDirectoryStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'oris-storage-sweep-'));
    storage = new LocalDirectoryStorage(join(root, 'files'));
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('deletes old temporary files in every folder, and nothing else', async () => {
    const year = join(root, 'files/certificates/2026');
    await storage.put('certificates/2026/kept.pdf', Buffer.from('%PDF'));
    await utimes(join(year, 'kept.pdf'), new Date(0), new Date(0)); // old, but a stored file
    await leftover(year, '.ORIS-2026-000001.pdf.4242.0a1b2c3d4e5f.tmp', 2 * HOUR_MS);
    await leftover(join(root, 'files'), '.top.pdf.77.ffffffffffff.tmp', 3 * HOUR_MS);
    // Being written right now (or a minute ago): not abandoned yet.
    await leftover(year, '.ORIS-2026-000002.pdf.4242.aaaaaaaaaaaa.tmp', 60_000);
    // Not a name `put` gives its temporary files.
    await leftover(year, 'report.tmp', 2 * HOUR_MS);

    expect(await storage.removeAbandonedWrites(HOUR_MS)).toBe(2);
    expect(await listed(year)).toEqual([
      '.ORIS-2026-000002.pdf.4242.aaaaaaaaaaaa.tmp',
      'kept.pdf',
      'report.tmp',
    ]);
    expect(await listed(join(root, 'files'))).toEqual(['certificates']);
    expect(await storage.get('certificates/2026/kept.pdf')).toEqual(Buffer.from('%PDF'));
    expect(await storage.removeAbandonedWrites(HOUR_MS)).toBe(0);
  });

  it('has nothing to do before the first file is stored', async () => {
    expect(await storage.removeAbandonedWrites(HOUR_MS)).toBe(0);
  });
});

describe('StorageSweepModule', () => {
  it('sweeps abandoned writes older than STORAGE_TEMP_FILE_MAX_AGE_MINUTES from the start', async () => {
    const root = await mkdtemp(join(tmpdir(), 'oris-storage-sweeper-'));
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(
          loadConfig({
            NODE_ENV: 'test',
            STORAGE_DIR: root,
            STORAGE_TEMP_FILE_MAX_AGE_MINUTES: '30',
          }),
        ),
        StorageModule,
        StorageSweepModule,
      ],
    }).compile();
    try {
      await leftover(root, '.old.pdf.1.000000000000.tmp', 31 * 60_000);
      await leftover(root, '.recent.pdf.1.000000000000.tmp', 29 * 60_000);
      await moduleRef.init(); // the first sweep runs as the application starts
      for (let waited = 0; (await listed(root)).length > 1 && waited < 5_000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await listed(root)).toEqual(['.recent.pdf.1.000000000000.tmp']);
      expect(await moduleRef.get(AbandonedWritesSweeper).sweep()).toBe(0);
    } finally {
      await moduleRef.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('StorageModule', () => {
  it('provides FILE_STORAGE under STORAGE_DIR', async () => {
    const root = await mkdtemp(join(tmpdir(), 'oris-storage-module-'));
    try {
      const moduleRef = await Test.createTestingModule({
        imports: [
          ConfigModule.forRoot(loadConfig({ NODE_ENV: 'test', STORAGE_DIR: root })),
          StorageModule,
        ],
      }).compile();
      const storage = moduleRef.get<FileStorage>(FILE_STORAGE);
      expect(storage).toBeInstanceOf(LocalDirectoryStorage);
      expect((storage as LocalDirectoryStorage).root).toBe(root);
      await storage.put('k.bin', Buffer.from('k'));
      expect(await readFile(join(root, 'k.bin'), 'utf8')).toBe('k');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('defaults STORAGE_DIR to data/files', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).STORAGE_DIR).toBe('data/files');
  });
});
