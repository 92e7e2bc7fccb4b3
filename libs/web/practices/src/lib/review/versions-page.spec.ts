import { PRACTICE_ID, renderPage } from '../testing';
import { VersionsPage } from './versions-page';

const PATH = `/api/v1/practices/${PRACTICE_ID}`;

describe('VersionsPage', () => {
  jest.setTimeout(30_000);

  it('compares the latest version with the one before, marking insertions and deletions beyond colour', async () => {
    const { element, calls } = await renderPage(
      'observatory/practices/:id/versions',
      `/observatory/practices/${PRACTICE_ID}/versions`,
      VersionsPage,
      {
        [`GET ${PATH}/versions`]: () =>
          Response.json([
            {
              number: 2,
              status: 'in_review',
              action: 'submitted',
              authorId: 'u1',
              authorName: 'Salma',
              recordedAt: '2026-12-01T09:00:00Z',
              public: false,
            },
            {
              number: 1,
              status: 'draft',
              action: 'created',
              authorId: 'u1',
              authorName: 'Salma',
              recordedAt: '2026-11-01T09:00:00Z',
              public: false,
            },
          ]),
        [`GET ${PATH}/versions/2/diff`]: () =>
          Response.json({
            from: 1,
            to: 2,
            changes: [
              {
                field: 'summary',
                language: 'fr',
                before: 'Des coopératives de femmes',
                after: 'Des coopératives féminines',
                segments: [
                  { op: 'equal', text: 'Des coopératives ' },
                  { op: 'delete', text: 'de femmes' },
                  { op: 'insert', text: 'féminines' },
                ],
              },
              {
                field: 'regions',
                language: null,
                before: '',
                after: 'MA-08',
                segments: [{ op: 'insert', text: 'MA-08' }],
              },
            ],
          }),
      },
      { roles: ['observatory_editor'] },
    );

    expect(calls.find((call) => call.path.endsWith('/diff'))?.query).toBe('against=1');
    expect(element.querySelectorAll('tbody tr')).toHaveLength(2);
    const ins = element.querySelector('oris-diff-view ins');
    const del = element.querySelector('oris-diff-view del');
    expect(ins?.textContent).toContain('+');
    expect(ins?.textContent).toContain('practices.diff.inserted');
    expect(ins?.textContent).toContain('féminines');
    expect(del?.textContent).toContain('−');
    expect(del?.textContent).toContain('de femmes');
    expect(element.querySelector('oris-diff-view p[lang="fr"]')).not.toBeNull();
    const headings = [...element.querySelectorAll('oris-diff-view h3')].map((h) =>
      h.textContent?.trim(),
    );
    expect(headings).toEqual(['practices.diff.textField', 'practices.diff.fields.regions']);
    expect(element.querySelector('tbody')?.textContent).toContain(
      'practices.versions.actions.submitted',
    );
  });
});
