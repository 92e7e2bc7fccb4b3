import { aPractice, pageOf, renderPage, settle } from '../testing';
import { PracticesPage } from './practices-page';

describe('PracticesPage', () => {
  jest.setTimeout(30_000);

  it('lists the sheets with their status and filters them by status', async () => {
    const { titles, summaries, id, slug, status, version, publishedVersion, originalLanguage } =
      aPractice();
    const summary = {
      ...{ id, slug, status, version, publishedVersion, originalLanguage, titles, summaries },
      languages: ['fr', 'ar'],
      regions: ['MA-08'],
      themes: [],
      populations: [],
      evidenceLevel: null,
      publishedOn: null,
      updatedAt: '2026-11-30T10:00:00Z',
    };
    const { element, harness, calls } = await renderPage(
      'observatory/practices',
      '/observatory/practices',
      PracticesPage,
      { 'GET /api/v1/practices': () => Response.json(pageOf([summary])) },
      { roles: ['observatory_editor'] },
    );

    const row = element.querySelector('tbody tr');
    expect(row?.querySelector('a')?.textContent).toBe('Coopératives féminines du safran');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe(`/observatory/practices/${id}`);
    expect(row?.textContent).toContain('practices.statuses.draft');
    expect(row?.textContent).toContain('30 novembre 2026');

    element.querySelector<HTMLElement>('mat-select')?.click();
    await settle(harness);
    const inReview = [...document.querySelectorAll<HTMLElement>('mat-option')].find((option) =>
      option.textContent?.includes('practices.statuses.in_review'),
    );
    inReview?.click();
    await settle(harness);

    const last = calls.filter((call) => call.path === '/api/v1/practices').at(-1);
    expect(new URLSearchParams(last?.query).get('status')).toBe('in_review');
  });
});
