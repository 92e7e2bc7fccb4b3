import { Outcome, SessionBatches } from './session-batches';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SessionBatches', () => {
  it('serves one key in arrival order, batching the jobs that arrived meanwhile', async () => {
    const batches: string[][] = [];
    let running = 0;
    const queue = new SessionBatches<string, string>(async (_key, jobs) => {
      running += 1;
      expect(running).toBe(1);
      batches.push(jobs);
      await tick();
      running -= 1;
      return jobs.map((job) => ({ ok: true, value: job.toUpperCase() }));
    });
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((job) => queue.submit('s1', job)));
    expect(results).toEqual(['A', 'B', 'C', 'D']);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    expect(queue.size).toBe(0);
  });

  it('caps a batch at maxBatch jobs', async () => {
    const sizes: number[] = [];
    const queue = new SessionBatches<number, number>(async (_key, jobs) => {
      sizes.push(jobs.length);
      await tick();
      return jobs.map((value) => ({ ok: true, value }));
    }, 2);
    await Promise.all([1, 2, 3, 4, 5, 6].map((job) => queue.submit('s1', job)));
    expect(sizes).toEqual([1, 2, 2, 1]);
  });

  it('runs different keys side by side', async () => {
    const events: string[] = [];
    const queue = new SessionBatches<string, void>(async (key, jobs) => {
      events.push(`start ${key}`);
      await tick();
      events.push(`end ${key}`);
      return jobs.map(() => ({ ok: true, value: undefined }));
    });
    await Promise.all([queue.submit('s1', 'a'), queue.submit('s2', 'b')]);
    expect(events.slice(0, 2)).toEqual(['start s1', 'start s2']);
  });

  it('gives each job its own outcome, and fails every job of a batch that failed as a whole', async () => {
    let calls = 0;
    const queue = new SessionBatches<string, string>(async (_key, jobs) => {
      calls += 1;
      await tick();
      if (calls === 2) throw new Error('connection lost');
      return jobs.map((job): Outcome<string> =>
        job === 'twice'
          ? { ok: false, error: new Error('already enrolled') }
          : { ok: true, value: job },
      );
    });
    const first = queue.submit('s1', 'twice');
    const lost = [queue.submit('s1', 'x'), queue.submit('s1', 'y')];
    await expect(first).rejects.toThrow('already enrolled');
    for (const job of lost) await expect(job).rejects.toThrow('connection lost');
    await expect(queue.submit('s1', 'z')).resolves.toBe('z');
  });
});
