import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn, accessTokenOf } from './support/browser';

/**
 * Phone numbers, end to end: a trained person adds a phone number in their profile; the placement
 * officer, who is told to call trainees, finds it as a `tel:` link on the person's page and in
 * the follow-up queue. The person is one of the demo's due follow-ups (MI-110's completers), taken
 * from the middle of the queue: the survey journeys answer from its end, the officer's from its
 * top, and a phone number changes nothing they check.
 */

interface QueuedFollowup {
  person: { id: string; email: string; fullName: string; phone: string | null };
}

const TYPED = '07 11 22 33 44';
const E164 = '+212711223344';

describe('an officer calling a trainee who gave a phone number', () => {
  let trainee: Browser;
  let officer: Browser;
  let person: QueuedFollowup['person'];

  beforeAll(async () => {
    const token = await accessTokenOf('officer@oris.example');
    const response = await fetch(`${baseUrl()}/api/v1/followups?status=due&pageSize=100`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const items = ((await response.json()) as { items: QueuedFollowup[] }).items;
    const withoutPhone = items.filter((item) => item.person.phone === null);
    const chosen = withoutPhone[Math.floor(withoutPhone.length / 2)];
    if (!chosen) throw new Error('No due follow-up without a phone in the demo');
    person = chosen.person;
    [trainee, officer] = await Promise.all([openBrowser(), openBrowser()]);
  });

  afterAll(async () => {
    await Promise.all([trainee?.close(), officer?.close()]);
  });

  it('lets the person add their phone number in their profile', async () => {
    const { page } = trainee;
    await signIn(page, person.email);
    await page.goto(`${baseUrl()}/profile`);
    const form = page.locator('oris-profile-details-form');
    const phone = form.locator('oris-phone-field input');
    await phone.waitFor();
    expect(await phone.getAttribute('type')).toBe('tel');
    await phone.fill(TYPED);
    await form.locator('button[type="submit"]').click();
    await form.locator('.oris-status').filter({ hasText: /\S/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the officer a tel: link on the person’s page', async () => {
    const { page } = officer;
    await signIn(page, 'officer@oris.example');

    await page.goto(`${baseUrl()}/insertion/people/${person.id}`);
    const call = page.locator(`a[href="tel:${E164}"]`);
    await call.waitFor();
    expect(await call.getAttribute('dir')).toBe('ltr');
    expect(await seriousViolations(page)).toEqual([]);
    // The follow-up queue's tel: link is checked by its component spec (followups-page.spec.ts):
    // this person sits in the middle of the demo queue, past its first page.
  });
});
