import {
  aComment,
  aPractice,
  PRACTICE_ID,
  renderPage,
  settle,
  type RenderOptions,
} from '../testing';
import { PracticeReviewPage } from './practice-review-page';

const PATH = '/api/v1/practices/' + PRACTICE_ID;
const inReview = (overrides = {}) => aPractice({ status: 'in_review', ...overrides });

async function render(
  practice = inReview({ mayReview: true }),
  routes: Parameters<typeof renderPage>[3] = {},
  roles: RenderOptions['roles'] = ['observatory_editor'],
) {
  return renderPage(
    'observatory/practices/:id',
    `/observatory/practices/${PRACTICE_ID}`,
    PracticeReviewPage,
    {
      [`GET ${PATH}`]: () => Response.json(practice),
      [`GET ${PATH}/comments`]: () => Response.json([aComment()]),
      ...routes,
    },
    { roles },
  );
}

const button = (element: HTMLElement, key: string) =>
  [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    b.textContent?.includes(key),
  );

describe('PracticeReviewPage', () => {
  jest.setTimeout(30_000);

  it('shows a reviewer every evidence level with its meaning, and each language field by field', async () => {
    const { element } = await render();

    const levels = [...element.querySelectorAll('mat-radio-button')].map((radio) =>
      radio.textContent?.trim(),
    );
    expect(levels).toHaveLength(5);
    expect(levels[2]).toContain('practices.evidence.3.label');
    expect(levels[2]).toContain('practices.evidence.3.description');
    const arabic = element.querySelector('#texts-ar')?.closest('section');
    expect(arabic?.querySelector('p[lang="ar"]')?.textContent?.trim()).toBe(
      'تعاونيات نسائية للزعفران',
    );
    expect(arabic?.querySelector('p[lang="ar"]')?.getAttribute('dir')).toBe('rtl');
    expect(element.querySelectorAll('oris-comment-form').length).toBeGreaterThan(13);
  });

  it('will not publish without a level and a justification in the original language', async () => {
    const { element, harness, calls } = await render();
    button(element, 'practices.review.publish')?.click();
    await settle(harness);

    expect(element.textContent).toContain('practices.review.levelMissing');
    expect(element.textContent).toContain('practices.review.justificationMissing');
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('records the level and its justification, then publishes', async () => {
    const published = inReview({ status: 'published', evidenceLevel: 3, publishedVersion: 3 });
    const { element, harness, calls } = await render(undefined, {
      [`POST ${PATH}/review`]: () => Response.json(inReview({ evidenceLevel: 3 })),
      [`POST ${PATH}/publish`]: () => Response.json(published),
    });
    element.querySelectorAll<HTMLInputElement>('mat-radio-button input')[2].click();
    const justification = element.querySelector<HTMLTextAreaElement>(
      '#justification-fr',
    ) as HTMLTextAreaElement;
    justification.value = 'Groupe témoin de 300 femmes.';
    justification.dispatchEvent(new Event('input'));
    await settle(harness);
    button(element, 'practices.review.publish')?.click();
    await settle(harness);

    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts.map((call) => call.path)).toEqual([`${PATH}/review`, `${PATH}/publish`]);
    expect(posts[0].body).toEqual({
      decision: 'assess',
      evidenceLevel: 3,
      evidenceJustification: { fr: 'Groupe témoin de 300 femmes.' },
    });
    expect(element.textContent).toContain('practices.statuses.published');
    expect(element.querySelector('mat-radio-group')).toBeNull();
  });

  it('sends a comment on one field of one language, and can return the sheet to draft', async () => {
    const { element, harness, calls } = await render(undefined, {
      [`POST ${PATH}/comments`]: () =>
        Response.json(aComment({ id: 'c2', field: 'summary', language: 'ar', body: 'Cohérence.' })),
      [`POST ${PATH}/review`]: () => Response.json(aPractice({ mayReview: true })),
    });
    const form = element.querySelectorAll('#texts-ar ~ oris-comment-form')[1];
    const box = form.querySelector<HTMLTextAreaElement>('textarea') as HTMLTextAreaElement;
    box.value = 'Traduire « safran » de façon cohérente.';
    box.dispatchEvent(new Event('input'));
    await settle(harness);
    form.querySelector<HTMLButtonElement>('button')?.click();
    await settle(harness);

    expect(
      calls.find((call) => call.method === 'POST' && call.path === `${PATH}/comments`)?.body,
    ).toEqual({
      field: 'summary',
      language: 'ar',
      body: 'Traduire « safran » de façon cohérente.',
    });

    expect(element.textContent).toContain('Cohérence.');

    button(element, 'practices.review.returnToDraft')?.click();
    await settle(harness);
    expect(calls.some((call) => call.path === `${PATH}/review`)).toBe(false);
    const note = element.querySelector<HTMLTextAreaElement>('#return-note') as HTMLTextAreaElement;
    note.value = 'Ajoutez les chiffres de 2024.';
    note.dispatchEvent(new Event('input'));
    await settle(harness);
    button(element, 'practices.review.returnToDraft')?.click();
    await settle(harness);

    expect(calls.find((call) => call.path === `${PATH}/review`)?.body).toEqual({
      decision: 'return',
      comments: [{ field: 'general', language: null, body: 'Ajoutez les chiffres de 2024.' }],
    });
    expect(element.textContent).toContain('practices.statuses.draft');
  });

  it('tells an author they cannot review their own sheet', async () => {
    const { element } = await render(inReview({ mayReview: false }));

    expect(element.querySelector('mat-radio-group')).toBeNull();
    expect(element.textContent).toContain('practices.review.notReviewer');
    expect(element.querySelector('oris-comment-form')).toBeNull();
  });

  it('shows an author the open comments with a way to resolve them', async () => {
    const { element } = await render(inReview({ mayReview: false }), {}, ['admin']);
    const comment = element.querySelector('oris-field-comments .comment');
    expect(comment?.textContent).toContain('Précisez le nombre de coopératives.');
    expect(comment?.querySelector('button')?.textContent).toContain('practices.comments.resolve');
  });
});
