import { TestBed } from '@angular/core/testing';
import { Confirmation } from '@oris/web/ui/dialogs';
import { aComment, aPractice, PRACTICE_ID, problem, renderPage, settle } from '../testing';
import { PracticeFormPage } from './practice-form-page';

const EDIT_URL = `/observatory/practices/${PRACTICE_ID}/edit`;
const PATH = '/api/v1/practices/' + PRACTICE_ID;

async function render(routes: Parameters<typeof renderPage>[3] = {}) {
  return renderPage(
    'observatory/practices/:id/edit',
    EDIT_URL,
    PracticeFormPage,
    {
      [`GET ${PATH}`]: () => Response.json(aPractice()),
      [`GET ${PATH}/comments`]: () => Response.json([aComment()]),
      ...routes,
    },
    { roles: ['observatory_editor'] },
  );
}

const field = (element: HTMLElement, name: string, language = 'fr') =>
  element.querySelector<HTMLTextAreaElement | HTMLInputElement>(`#text-${language}-${name}`);

async function type(
  harness: Awaited<ReturnType<typeof render>>['harness'],
  control: HTMLInputElement | HTMLTextAreaElement | null,
  value: string,
) {
  if (!control) throw new Error('no such field');
  control.value = value;
  control.dispatchEvent(new Event('input'));
  await settle(harness);
}

describe('PracticeFormPage', () => {
  jest.setTimeout(30_000);

  it('labels the original language and the translations, and counts characters against each limit', async () => {
    const { element } = await render();

    const tabs = [...element.querySelectorAll('[role="tab"]')].map((tab) =>
      tab.textContent?.trim(),
    );
    expect(tabs).toEqual([
      'practices.form.tabOriginal',
      'practices.form.tabTranslation',
      'practices.form.tabTranslation',
    ]);
    const title = field(element, 'title') as HTMLInputElement;
    expect(title.value).toBe('Coopératives féminines du safran');
    expect(title.getAttribute('lang')).toBe('fr');
    expect(title.maxLength).toBe(200);
    expect(title.required).toBe(true);
    // Every text field, in reading order, on the original's tab.
    const names = [...element.querySelectorAll('.tab [id^="text-fr-"]')].map((control) =>
      control.id.replace('text-fr-', ''),
    );
    expect(names.slice(0, 3)).toEqual(['title', 'summary', 'problem']);
    expect(names).toHaveLength(13);
    expect(element.textContent).toContain('practices.form.charCount');
  });

  it('shows the open review comment beside its field and lets the author resolve it', async () => {
    const { element, harness, calls } = await render({
      [`POST ${PATH}/comments/${aComment().id}/resolve`]: () =>
        Response.json(aComment({ resolvedAt: '2026-12-01T10:00:00Z' })),
    });
    const comment = element.querySelector('oris-field-comments .comment');
    expect(comment?.textContent).toContain('Précisez le nombre de coopératives.');

    comment?.querySelector('button')?.click();
    await settle(harness);

    expect(calls.some((call) => call.path === `${PATH}/comments/${aComment().id}/resolve`)).toBe(
      true,
    );
    expect(element.querySelector('oris-field-comments .comment')).toBeNull();
  });

  it('saves with the version it started from, and offers to reload when someone saved meanwhile', async () => {
    let version = 3;
    const { element, harness, calls } = await render({
      [`PATCH ${PATH}`]: () => problem(412, 'practice_precondition_failed'),
      [`GET ${PATH}`]: () => Response.json(aPractice({ version: version++ })),
    });
    await type(harness, field(element, 'title') as HTMLInputElement, 'Coopératives du safran');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);

    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"3"');
    expect(patch?.body).toMatchObject({
      originalLanguage: 'fr',
      texts: { fr: { title: 'Coopératives du safran' }, ar: { title: 'تعاونيات نسائية للزعفران' } },
      contacts: [
        {
          id: aPractice().contacts[0].id,
          name: 'Fatima Zahra',
          role: 'Présidente',
          organisation: 'Coopérative Taliouine',
          email: 'fz@example.org',
          phone: null,
          consentGiven: true,
          consentNote: 'Courriel du 2 mars 2026',
        },
      ],
    });
    const alert = element.querySelector('.conflict');
    expect(alert?.textContent).toContain('practices.conflict.title');

    jest.spyOn(TestBed.inject(Confirmation), 'ask').mockResolvedValue(true);
    alert?.querySelector('button')?.click();
    await settle(harness);

    expect(calls.filter((call) => call.method === 'GET' && call.path === PATH)).toHaveLength(2);
    expect((field(element, 'title') as HTMLInputElement).value).toBe(
      'Coopératives féminines du safran',
    );
    expect(element.querySelector('.conflict')).toBeNull();
  });

  it('removes a file after asking, from the version on screen', async () => {
    const file = {
      id: 'f11e0000-0000-4000-8000-000000000001',
      kind: 'attachment' as const,
      fileName: 'rapport.pdf',
      mediaType: 'application/pdf',
      size: 1200,
      sha256: 'a'.repeat(64),
      altText: {},
      downloadPath: `${PATH}/attachments/f11e0000-0000-4000-8000-000000000001`,
    };
    const { element, harness, calls } = await render({
      [`GET ${PATH}`]: () => Response.json(aPractice({ version: 3, attachments: [file] })),
      [`DELETE ${PATH}/attachments/${file.id}`]: () =>
        Response.json(aPractice({ version: 4, attachments: [] })),
    });
    const ask = jest.spyOn(TestBed.inject(Confirmation), 'ask').mockResolvedValueOnce(false);
    const remove = () =>
      element.querySelector<HTMLButtonElement>(
        'oris-attachments-panel button[aria-label="practices.attachments.removeLabel"]',
      );
    remove()?.click();
    await settle(harness);
    // Declined: nothing sent.
    expect(ask).toHaveBeenCalledWith(
      expect.objectContaining({ params: { name: 'rapport.pdf' }, destructive: true }),
    );
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    ask.mockResolvedValueOnce(true);
    remove()?.click();
    await settle(harness);

    const removal = calls.find((call) => call.method === 'DELETE');
    expect(removal?.headers.get('If-Match')).toBe('"3"');
    expect(element.textContent).toContain('practices.attachments.none');
    expect(remove()).toBeNull();
  });

  it('names the linked records from the sheet itself, without asking each registry', async () => {
    const { element, calls } = await render({
      [`GET ${PATH}`]: () =>
        Response.json(
          aPractice({
            links: { toolIds: ['t1'], publicationIds: [], courseIds: [], partnershipIds: ['p1'] },
            linkedItems: [
              { kind: 'tool', id: 't1', title: 'Guide', titles: { fr: 'Guide' } },
              { kind: 'partnership', id: 'p1', title: 'Convention Taliouine', titles: {} },
            ],
          }),
        ),
    });
    expect(element.textContent).toContain('Convention Taliouine');
    expect(
      calls.filter((call) => /tools|partnerships|courses|publications/.test(call.path)),
    ).toEqual([]);
  });

  it('lists the required fields still empty in the original language instead of submitting', async () => {
    const { element, harness, calls } = await render();
    await type(harness, field(element, 'results'), '');
    const submit = [...element.querySelectorAll<HTMLButtonElement>('button')].find((button) =>
      button.textContent?.includes('practices.form.submit'),
    );
    submit?.click();
    await settle(harness);

    const alert = element.querySelector('[role="alert"] ul');
    expect(alert?.textContent).toContain('practices.field.results');
    expect(calls.some((call) => call.path.endsWith('/submit'))).toBe(false);
  });

  it('asks how a contact consented, and says unconsented contacts stay private', async () => {
    const { element, harness } = await render({
      [`GET ${PATH}`]: () =>
        Response.json(
          aPractice({
            contacts: [
              {
                ...aPractice().contacts[0],
                consentGiven: false,
                consentRecordedAt: null,
                consentNote: null,
              },
            ],
          }),
        ),
    });
    expect(element.textContent).toContain('practices.contacts.consentRule');
    expect(element.textContent).toContain('practices.contacts.notPublished');

    element.querySelector<HTMLInputElement>('oris-contacts-editor input[type="checkbox"]')?.click();
    await settle(harness);

    expect(element.querySelector('[formcontrolname="consentNote"]')).not.toBeNull();
    expect(element.textContent).toContain('practices.contacts.consentRecordedOnSave');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);
    expect(element.textContent).toContain('practices.contacts.consentNoteMissing');
  });
});
