import { toApiError } from '@oris/shared/api-client';
import { latestLoad } from './latest-load';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('latestLoad', () => {
  it('keeps the answer to the latest request when an older one answers last', async () => {
    const list = latestLoad<string>();
    const older = deferred<string>();
    const newer = deferred<string>();

    const first = list.load(() => older.promise);
    const second = list.load(() => newer.promise);
    newer.resolve('newer');
    older.resolve('older');

    expect(await second).toBe(true);
    expect(await first).toBe(false);
    expect(list.value()).toBe('newer');
    expect(list.loading()).toBe(false);
  });

  it('shows loading until the latest request answers', async () => {
    const list = latestLoad<string>();
    const older = deferred<string>();
    const newer = deferred<string>();

    const first = list.load(() => older.promise);
    const second = list.load(() => newer.promise);
    older.resolve('older');
    await first;
    expect(list.loading()).toBe(true);

    newer.resolve('newer');
    await second;
    expect(list.loading()).toBe(false);
  });

  it('keeps the last value beside the problem of a failed load, unless told to forget it', async () => {
    const failure = toApiError(503, { title: 'Unavailable' });
    const keeping = latestLoad<string>();
    const forgetting = latestLoad<string>({ forgetOnFailure: true });
    for (const list of [keeping, forgetting]) {
      await list.load(async () => 'first');
      await list.load(async () => Promise.reject(failure));
    }

    expect(keeping.value()).toBe('first');
    expect(keeping.problem()?.status).toBe(503);
    expect(forgetting.value()).toBeNull();
    expect(forgetting.problem()?.status).toBe(503);
  });

  it('ignores the failure of a request a newer one has replaced', async () => {
    const list = latestLoad<string>();
    const older = deferred<string>();

    const first = list.load(() => older.promise);
    await list.load(async () => 'newer');
    older.reject(toApiError(500, { title: 'Boom' }));
    await first;

    expect(list.problem()).toBeNull();
    expect(list.value()).toBe('newer');
  });

  it('runs the last request again on reload, clearing the problem once it succeeds', async () => {
    const list = latestLoad<number>();
    let calls = 0;
    const request = async () => {
      calls++;
      if (calls === 1) throw toApiError(503, { title: 'Unavailable' });
      return calls;
    };

    await list.load(request);
    expect(list.problem()?.status).toBe(503);
    expect(await list.reload()).toBe(true);

    expect(list.value()).toBe(2);
    expect(list.problem()).toBeNull();
  });

  it('clears the problem when a load starts if asked to, and words failures its own way', async () => {
    const missing = toApiError(404, { title: 'Not found' });
    const list = latestLoad<string>({ clearProblemOnStart: true, problemOf: () => missing });
    await list.load(async () => Promise.reject(new Error('bad id')));
    expect(list.problem()).toBe(missing);

    const pending = deferred<string>();
    const load = list.load(() => pending.promise);
    expect(list.problem()).toBeNull();
    pending.resolve('found');
    await load;
  });

  it("takes an action's value, which the next answer to land replaces", async () => {
    const list = latestLoad<string>({ loading: true });
    const pending = deferred<string>();
    const load = list.load(() => pending.promise);

    list.set('from an action');
    list.update((value) => `${value}, updated`);
    expect(list.value()).toBe('from an action, updated');
    expect(list.loading()).toBe(true);

    pending.resolve('reloaded');
    await load;
    expect(list.value()).toBe('reloaded');
    expect(list.loading()).toBe(false);
  });
});
