import type { VerificationCache } from '../verification/verification-cache';
import { RevocationCache } from './revocation-cache';

/** What the revocation cache uses of VerificationCache: liveness, the clock, the invalidations. */
function verificationCache() {
  const followers: ((code: string | null) => void)[] = [];
  const fake = {
    live: true,
    now: () => 0,
    onForget: (follower: (code: string | null) => void) => followers.push(follower),
    forget: (code: string | null) => followers.forEach((follower) => follower(code)),
  };
  return fake;
}

describe('RevocationCache', () => {
  const setup = () => {
    const verification = verificationCache();
    const cache = new RevocationCache(verification as unknown as VerificationCache);
    const rows = new Map([[42, { revoked: false, code: 'CODE42' }]]);
    let reads = 0;
    const load = (position: number) => async () => {
      reads += 1;
      return rows.get(position) ?? { revoked: false, code: null };
    };
    return { verification, cache, rows, load, reads: () => reads };
  };

  it('answers a position again from memory, until its certificate’s code is announced', async () => {
    const { verification, cache, rows, load, reads } = setup();
    expect(await cache.isRevoked(42, load(42))).toBe(false);
    expect(cache.isRevoked(42, load(42))).toBe(false);
    expect(reads()).toBe(1);
    rows.set(42, { revoked: true, code: 'CODE42' });
    verification.forget('OTHER');
    expect(cache.isRevoked(42, load(42))).toBe(false);
    verification.forget('CODE42');
    expect(await cache.isRevoked(42, load(42))).toBe(true);
    expect(reads()).toBe(2);
  });

  it('keeps nothing while the invalidations are not live, and forgets all when they break', async () => {
    const { verification, cache, load, reads } = setup();
    await cache.isRevoked(42, load(42));
    verification.forget(null);
    verification.live = false;
    await cache.isRevoked(42, load(42));
    await cache.isRevoked(42, load(42));
    expect(reads()).toBe(3);
  });

  it('does not keep a read that started before an invalidation', async () => {
    const { verification, cache, rows, load, reads } = setup();
    const pending = cache.isRevoked(42, load(42));
    rows.set(42, { revoked: true, code: 'CODE42' });
    verification.forget('CODE42');
    expect(await pending).toBe(false);
    expect(await cache.isRevoked(42, load(42))).toBe(true);
    expect(reads()).toBe(2);
  });
});
