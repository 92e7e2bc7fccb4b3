import { ApplicationRef, PendingTasks } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { createOrisApiClient, unwrap } from '@oris/shared/api-client';
import { unstableUntilAnswered } from './oris-api';

function stableNow(appRef: ApplicationRef): boolean {
  let stable = false;
  appRef.isStable.subscribe((value) => (stable = value)).unsubscribe();
  return stable;
}

describe('unstableUntilAnswered', () => {
  it('keeps the application unstable until the caller has read the answer', async () => {
    let release: (response: Response) => void = () => undefined;
    const client = unstableUntilAnswered(
      createOrisApiClient({
        baseUrl: 'http://app.test',
        fetch: () => new Promise<Response>((resolve) => (release = resolve)),
      }),
      TestBed.inject(PendingTasks),
    );
    const appRef = TestBed.inject(ApplicationRef);
    await appRef.whenStable();

    const answer = unwrap(client.GET('/api/v1/regions'));
    expect(stableNow(appRef)).toBe(false);

    release(Response.json([{ code: 'MA-01' }]));
    const regions = await answer;
    // The caller holds the answer and the page has not drawn it yet: still not stable, so
    // hydration keeps the server's HTML of what this answer fills.
    expect(regions).toEqual([{ code: 'MA-01' }]);
    expect(stableNow(appRef)).toBe(false);

    await appRef.whenStable();
    expect(stableNow(appRef)).toBe(true);
  });

  it('lets a failed call go too', async () => {
    const client = unstableUntilAnswered(
      createOrisApiClient({
        baseUrl: 'http://app.test',
        fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      }),
      TestBed.inject(PendingTasks),
    );
    const appRef = TestBed.inject(ApplicationRef);

    await expect(unwrap(client.GET('/api/v1/regions'))).rejects.toThrow();
    await appRef.whenStable();
    expect(stableNow(appRef)).toBe(true);
  });
});
