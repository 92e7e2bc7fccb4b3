import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import type { CertificateDocument } from './certificate-document';
import { CertificateRenderer } from './certificate-renderer';
import {
  RENDER_THREAD_BUNDLE,
  RenderThreadPool,
  resolveRenderThreadEntry,
  type RenderThreadEntry,
} from './render-thread-pool';

// Threads started from the TypeScript sources compile them first: seconds on a busy machine.
jest.setTimeout(60_000);

const sample: CertificateDocument = {
  serial: 'ORIS-2026-000123',
  verificationUrl: 'https://academy.oris.example/verify/7KQ2M9XD4RTPW3HZ',
  verificationCode: '7KQ2M9XD4RTPW3HZ',
  holderName: "Aïcha N'Diaye-Ağaoğlu",
  holderNameAr: 'عائشة محمد',
  courseTitle: 'Entrepreneuriat social : du projet à la coopérative',
  hours: 24,
  sessionStartsOn: '2026-03-02',
  sessionEndsOn: '2026-03-20',
  completedOn: '2026-03-20',
  issuedOn: '2026-03-25',
  regionName: 'Souss-Massa',
  regionNameAr: 'سوس ماسة',
};

/** Different people, scripts and titles, so that each thread's font caches fill differently. */
const documents: CertificateDocument[] = [
  sample,
  { ...sample, serial: 'ORIS-2026-000124', holderName: 'Youssef El Idrissi', holderNameAr: null },
  {
    ...sample,
    serial: 'ORIS-2026-000125',
    holderName: 'Łukasz Benali',
    holderNameAr: 'لوكاش بنعلي',
    courseTitle: 'ريادة الأعمال الاجتماعية 2026 (المستوى 1)',
    hours: 1.5,
  },
  {
    ...sample,
    serial: 'ORIS-2026-000126',
    holderName: 'Mohamed Amine Ben Abdelkader El Idrissi Ait Ouahmane',
    courseTitle: 'Gestion financière des associations (niveau 2) — '.repeat(4),
  },
  { ...sample, serial: 'ORIS-2026-000127', holderNameAr: 'فاطمة الزهراء (Fatima) 12' },
  {
    ...sample,
    serial: 'ORIS-2026-000128',
    regionName: 'Drâa-Tafilalet',
    regionNameAr: 'درعة تافيلالت',
  },
];

/**
 * A stand-in thread program speaking the pool's protocol, told what to do by the serial:
 * `hang` loops forever, `exit:<code>` ends the thread, `throw` throws outside any request,
 * `fail` answers with an error, `slow:<ms>` blocks that long; otherwise it answers with the bytes
 * of `<serial>@<threadId>`.
 */
const FAKE_THREAD = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ id, document }) => {
  const [command, argument] = document.serial.split(':');
  if (command === 'hang') for (;;);
  if (command === 'exit') process.exit(Number(argument));
  if (command === 'throw') {
    setImmediate(() => { throw new Error('thread blew up'); });
    return;
  }
  if (command === 'fail') {
    parentPort.postMessage({ id, error: { name: 'RangeError', message: 'cannot draw this' } });
    return;
  }
  if (command === 'slow') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(argument));
  const bytes = new TextEncoder().encode(document.serial + '@' + threadId).buffer;
  parentPort.postMessage({ id, pdf: bytes }, [bytes]);
});
parentPort.postMessage({ ready: true });
`;

const BROKEN_THREAD = `throw new Error('the fonts are missing');`;

const asDocument = (serial: string) => ({ ...sample, serial });
const text = (pdf: Buffer) => pdf.toString('utf8');

let scratch: string;
let fake: RenderThreadEntry;
let broken: RenderThreadEntry;
const pools: RenderThreadPool[] = [];

function pool(options: { threads: number; renderTimeoutMs?: number; entry?: RenderThreadEntry }) {
  const created = new RenderThreadPool({ renderTimeoutMs: 10_000, ...options });
  pools.push(created);
  return created;
}

/**
 * Once every thread of the pool has started (the pool says so once, in its log). Until then the
 * threads already started take all the work: how many that is depends on the machine's load.
 */
async function everyThreadStarted(): Promise<void> {
  const said = () =>
    log.mock.calls.some(([message]) => /render thread\(s\) ready/.test(String(message)));
  while (!said()) await new Promise((resolve) => setTimeout(resolve, 10));
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'oris-render-threads-'));
  await writeFile(join(scratch, 'fake-thread.js'), FAKE_THREAD);
  await writeFile(join(scratch, 'broken-thread.js'), BROKEN_THREAD);
  fake = { kind: 'built', file: join(scratch, 'fake-thread.js') };
  broken = { kind: 'built', file: join(scratch, 'broken-thread.js') };
});

let log: jest.SpyInstance;
let warn: jest.SpyInstance;
let error: jest.SpyInstance;
beforeEach(() => {
  log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()));
  jest.restoreAllMocks();
});

afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('resolveRenderThreadEntry', () => {
  it('takes the built render-thread.js beside a bundle', async () => {
    await writeFile(join(scratch, RENDER_THREAD_BUNDLE), '');
    expect(resolveRenderThreadEntry(scratch)).toEqual({
      kind: 'built',
      file: join(scratch, RENDER_THREAD_BUNDLE),
    });
    await rm(join(scratch, RENDER_THREAD_BUNDLE));
  });

  it('takes the TypeScript source with the workspace tsconfig when running from the sources', () => {
    expect(resolveRenderThreadEntry(__dirname)).toEqual({
      kind: 'source',
      file: join(__dirname, 'render-thread.ts'),
      tsconfig: resolve(__dirname, '../../../../../tsconfig.base.json'),
    });
  });

  it('refuses a directory with neither, naming the file a build must emit', () => {
    expect(() => resolveRenderThreadEntry(scratch)).toThrow(/must emit render-thread\.js/);
  });
});

describe('RenderThreadPool with the real render thread', () => {
  it('draws the very bytes the renderer draws in this thread, off this thread', async () => {
    const threads = pool({ threads: 2 });
    const inProcess = new CertificateRenderer();
    // Twice each, all at once: both threads draw, each sees the documents in another order.
    const batch = [...documents, ...[...documents].reverse()];
    const fromThreads = await Promise.all(batch.map((document) => threads.render(document)));
    for (const [index, document] of batch.entries()) {
      const expected = await inProcess.render(document);
      expect(fromThreads[index].equals(expected)).toBe(true);
      // The bytes came over in a buffer of their own (transferred, not a view into a copy pool).
      expect(fromThreads[index].byteLength).toBe(fromThreads[index].buffer.byteLength);
    }
    expect(threads.threadIds).toHaveLength(2);
    // Counted by the thread that drew: worker threads only, every render once.
    const counted = [...threads.renderedByThread];
    expect(counted.map(([threadId]) => threadId).sort()).toEqual([...threads.threadIds].sort());
    expect(counted.reduce((sum, [, count]) => sum + count, 0)).toBe(batch.length);
  });

  it('rejects a render that fails and keeps its thread for the next one', async () => {
    const threads = pool({ threads: 1 });
    await threads.render(sample); // the thread is up
    const [before] = threads.threadIds;
    // The error keeps its name, message and the thread's stack (not its class: it crossed threads).
    await expect(threads.render(null as unknown as CertificateDocument)).rejects.toMatchObject({
      name: 'TypeError',
      message: expect.stringMatching(/issuedOn/),
      stack: expect.stringMatching(/certificate-renderer/),
    });
    expect(threads.threadIds).toEqual([before]);
    expect((await threads.render(sample)).subarray(0, 5).toString()).toBe('%PDF-');
    // The failed render is not counted as drawn.
    expect([...threads.renderedByThread]).toEqual([[before, 2]]);
  });

  it('stops a render that outlives its timeout, rejects it and starts another thread', async () => {
    // No certificate draws in 1 ms: every render is stopped mid-way, its thread terminated.
    const threads = pool({ threads: 1, renderTimeoutMs: 1 });
    await expect(threads.render(sample)).rejects.toThrow(/took longer than 1 ms/);
    const [first] = threads.threadIds;
    await expect(threads.render(sample)).rejects.toThrow(/took longer than 1 ms/);
    const [second] = threads.threadIds;
    expect(second).not.toBe(first);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/starting another/));
  });
});

describe('RenderThreadPool faults', () => {
  it('rejects the render of a thread that exits, replaces it, and goes on with the queue', async () => {
    const threads = pool({ threads: 1, entry: fake });
    const [lost, ...after] = await Promise.allSettled([
      threads.render(asDocument('exit:7')),
      threads.render(asDocument('after-1')),
      threads.render(asDocument('after-2')),
    ]);
    expect(lost.status).toBe('rejected');
    expect((lost as PromiseRejectedResult).reason.message).toMatch(
      /was lost during the render: .*code 7/,
    );
    const [replacement] = threads.threadIds;
    expect(after.map((result) => result.status === 'fulfilled' && text(result.value))).toEqual([
      `after-1@${replacement}`,
      `after-2@${replacement}`,
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/starting another/));
  });

  it('rejects with the error a thread throws outside any request, and replaces it', async () => {
    const threads = pool({ threads: 2, entry: fake });
    await everyThreadStarted();
    const before = await Promise.all([
      threads.render(asDocument('slow:50')),
      threads.render(asDocument('slow:50')),
    ]);
    expect(new Set(before.map(text)).size).toBe(2);
    await expect(threads.render(asDocument('throw'))).rejects.toThrow(/thread blew up/);
    await threads.render(asDocument('again'));
    expect(threads.threadIds).toHaveLength(2);
  });

  it('answers a failed render with its error, thread kept', async () => {
    const threads = pool({ threads: 1, entry: fake });
    const [id] = await threads.render(asDocument('first')).then(() => threads.threadIds);
    const failure = await threads.render(asDocument('fail')).catch((reason: Error) => reason);
    expect(failure).toMatchObject({ name: 'RangeError', message: 'cannot draw this' });
    expect(threads.threadIds).toEqual([id]);
  });

  it('terminates a thread stuck in a loop at the timeout, and the next render works', async () => {
    const threads = pool({ threads: 1, renderTimeoutMs: 300, entry: fake });
    await expect(threads.render(asDocument('hang'))).rejects.toThrow(/took longer than 300 ms/);
    expect(text(await threads.render(asDocument('next')))).toMatch(/^next@/);
  });

  it('fails the waiting renders when no thread can start, instead of holding them', async () => {
    const threads = pool({ threads: 2, entry: broken });
    await expect(threads.render(sample)).rejects.toThrow(
      /No render thread could start: the fonts are missing/,
    );
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/could not start/));
    // Not restarted in a loop: the next try waits a while.
    expect(threads.threadIds).toHaveLength(0);
  });
});

describe('RenderThreadPool shutdown', () => {
  it('lets running and queued renders finish, refuses new ones, then ends the threads', async () => {
    const threads = pool({ threads: 2, entry: fake });
    const finished: string[] = [];
    const renders = ['slow:200', 'slow:200', 'slow:100', 'slow:100'].map((serial, index) =>
      threads.render(asDocument(serial)).then((pdf) => {
        finished.push(`render ${index}`);
        return text(pdf);
      }),
    );
    const closed = threads.close().then(() => finished.push('closed'));
    await expect(threads.render(sample)).rejects.toThrow(/shutting down/);
    const results = await Promise.all(renders);
    await closed;
    expect(results.every((result) => result.startsWith('slow:'))).toBe(true);
    expect(finished.at(-1)).toBe('closed');
    expect(finished).toHaveLength(5);
    expect(threads.threadIds).toEqual([]);
  });
});
