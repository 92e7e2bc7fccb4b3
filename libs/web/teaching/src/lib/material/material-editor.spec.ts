import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ApiError, toApiError } from '@oris/shared/api-client';
import { API_FETCH } from '@oris/web/core';
import { Confirmation } from '@oris/web/ui/dialogs';
import { type Answer, fakeApi, MODULE_ID, settle } from '../testing';
import { MaterialEditor } from './material-editor';
import { type Material, MaterialTeachingApi } from './material-teaching-api';

const BASE = `/api/v1/modules/${MODULE_ID}/material`;
const FR = {
  material: {
    editor: {
      added: '« {{title}} » a été ajouté.',
      moved: '« {{title}} » est maintenant en position {{position}}.',
      removed: '« {{title}} » a été retiré.',
      uploading: 'Envoi en cours : {{percent}} %',
    },
    problems: { tooLarge: 'Le fichier dépasse la taille permise.' },
  },
};

function aMaterial(id: string, title: string, changes: Partial<Material> = {}): Material {
  return {
    id,
    moduleId: MODULE_ID,
    position: 0,
    kind: 'document',
    titles: { fr: title },
    file: {
      name: `${id}.pdf`,
      size: 200_000,
      mediaType: 'application/pdf',
      sha256: 'abc',
      url: `https://files.example/${id}.pdf`,
    },
    video: null,
    createdAt: '2026-12-01T10:00:00Z',
    ...changes,
  };
}

const GUIDE = aMaterial('guide', 'Guide du trésorier');
const STATUTES = aMaterial('statutes', 'Statuts types');

async function render(
  routes: Record<string, Answer>,
  options: { readOnly?: boolean; confirm?: boolean } = {},
) {
  const api = fakeApi({ [`GET ${BASE}`]: () => Response.json([GUIDE, STATUTES]), ...routes });
  const ask = jest.fn(async () => options.confirm ?? true);
  TestBed.configureTestingModule({
    imports: [
      MaterialEditor,
      TranslocoTestingModule.forRoot({
        langs: { fr: FR },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      { provide: API_FETCH, useValue: api.fetch },
      { provide: Confirmation, useValue: { ask } },
    ],
  });
  // The upload goes through XMLHttpRequest for its progress: the service's method is replaced.
  const upload = jest.spyOn(TestBed.inject(MaterialTeachingApi), 'upload');
  const fixture = TestBed.createComponent(MaterialEditor);
  fixture.componentRef.setInput('moduleId', MODULE_ID);
  fixture.componentRef.setInput('readOnly', options.readOnly ?? false);
  await settle(fixture);
  const element = fixture.nativeElement as HTMLElement;
  const titles = () =>
    [...element.querySelectorAll('ol.items .item-title')].map((item) => item.textContent?.trim());
  const status = () => element.querySelector('[role="status"]')?.textContent?.trim();
  const byLabel = (label: string) =>
    element.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
  const type = async (name: string, value: string) => {
    const input = element.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) throw new Error(`No field ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const chooseFile = async (file: File) => {
    const input = element.querySelector<HTMLInputElement>('oris-file-drop-zone input');
    if (!input) throw new Error('No file input');
    Object.defineProperty(input, 'files', { value: { item: () => file, length: 1 } });
    input.dispatchEvent(new Event('change'));
    await settle(fixture);
  };
  return {
    fixture,
    element,
    titles,
    status,
    byLabel,
    type,
    chooseFile,
    upload,
    ask,
    calls: api.calls,
  };
}

describe('MaterialEditor', () => {
  jest.setTimeout(30_000);

  it('lists the module’s material in order and moves a piece down', async () => {
    const { titles, byLabel, status, calls, fixture } = await render({
      [`PUT ${BASE}/order`]: () => Response.json([STATUTES, GUIDE]),
    });
    expect(titles()).toEqual(['Guide du trésorier', 'Statuts types']);
    // The first cannot go up, the last cannot go down.
    expect(byLabel('material.editor.moveUp')?.disabled).toBe(true);

    byLabel('material.editor.moveDown')?.click();
    await settle(fixture);

    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({
      materialIds: ['statutes', 'guide'],
    });
    expect(titles()).toEqual(['Statuts types', 'Guide du trésorier']);
    expect(status()).toBe('« Guide du trésorier » est maintenant en position 2.');
  });

  it('uploads a chosen file with the titles given, and adds it to the list', async () => {
    const { type, chooseFile, upload, titles, status, element } = await render({});
    const added = aMaterial('budget', 'Budget prévisionnel', {
      titles: { fr: 'Budget prévisionnel', ar: 'الميزانية التقديرية' },
    });
    upload.mockImplementation(async (_moduleId, _file, _titles, progress) => {
      progress(0.5);
      return added;
    });
    await type('file-title-fr', ' Budget prévisionnel ');
    await type('file-title-ar', 'الميزانية التقديرية');
    const file = new File(['%PDF-1.7'], 'budget.pdf', { type: 'application/pdf' });

    await chooseFile(file);

    expect(upload).toHaveBeenCalledWith(
      MODULE_ID,
      file,
      { fr: 'Budget prévisionnel', ar: 'الميزانية التقديرية' },
      expect.any(Function),
    );
    expect(titles()).toEqual(['Guide du trésorier', 'Statuts types', 'Budget prévisionnel']);
    expect(status()).toBe('« Budget prévisionnel » a été ajouté.');
    // The titles are emptied for the next file, and the progress bar is gone.
    expect(element.querySelector<HTMLInputElement>('input[name="file-title-fr"]')?.value).toBe('');
    expect(element.querySelector('mat-progress-bar')).toBeNull();
  });

  it('says in its own words why a file was refused', async () => {
    const { chooseFile, upload, element, titles } = await render({});
    upload.mockRejectedValue(
      toApiError(413, {
        type: 'about:blank',
        title: 'Material too large',
        status: 413,
        code: 'material_too_large',
      }),
    );

    await chooseFile(new File(['x'], 'film.mp4', { type: 'video/mp4' }));

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Le fichier dépasse la taille permise.',
    );
    expect(titles()).toHaveLength(2);
  });

  it('says when the upload could not reach the server', async () => {
    const { chooseFile, upload, element } = await render({});
    upload.mockRejectedValue(new ApiError(0));

    await chooseFile(new File(['x'], 'notes.pdf', { type: 'application/pdf' }));

    expect(element.querySelector('[role="alert"]')?.textContent).toContain('problems.network');
  });

  it('previews a video link behind the click trainees get, then adds it', async () => {
    const added = aMaterial('talk', 'Témoignage', {
      kind: 'video_link',
      file: null,
      video: {
        host: 'youtube',
        videoId: 'dQw4w9WgXcQ',
        embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
        pageUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      },
    });
    const { type, element, calls, titles, fixture } = await render({
      [`POST ${BASE}/links`]: () => Response.json(added, { status: 201 }),
    });
    const addButton = () =>
      element.querySelector<HTMLButtonElement>('form.link-form button[type="submit"]');

    await type('video-url', 'https://example.org/video');
    expect(element.querySelector('form.link-form')?.textContent).toContain(
      'material.problems.unknownVideoLink',
    );
    expect(addButton()?.disabled).toBe(true);

    await type('video-url', 'https://youtu.be/dQw4w9WgXcQ');
    await type('link-title-fr', 'Témoignage');
    expect(element.querySelector('.preview oris-video-embed')).not.toBeNull();
    // Nothing is asked of YouTube while the trainer types.
    expect(element.querySelector('.preview iframe')).toBeNull();
    expect(addButton()?.disabled).toBe(false);

    element.querySelector('form.link-form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);

    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      url: 'https://youtu.be/dQw4w9WgXcQ',
      titles: { fr: 'Témoignage' },
    });
    expect(titles()).toEqual(['Guide du trésorier', 'Statuts types', 'Témoignage']);
    expect(element.querySelector<HTMLInputElement>('input[name="video-url"]')?.value).toBe('');
  });

  it('removes a piece once the trainer confirms', async () => {
    const { byLabel, ask, calls, titles, status, fixture } = await render({
      'DELETE /api/v1/material/guide': () => new Response(null, { status: 204 }),
    });

    byLabel('material.editor.removeLabel')?.click();
    await settle(fixture);

    expect(ask).toHaveBeenCalledWith(
      expect.objectContaining({ titleKey: 'material.editor.remove.title', destructive: true }),
    );
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([
      '/api/v1/material/guide',
    ]);
    expect(titles()).toEqual(['Statuts types']);
    expect(status()).toBe('« Guide du trésorier » a été retiré.');
  });

  it('keeps the piece when the trainer does not confirm', async () => {
    const { byLabel, calls, titles, fixture } = await render({}, { confirm: false });

    byLabel('material.editor.removeLabel')?.click();
    await settle(fixture);

    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
    expect(titles()).toHaveLength(2);
  });

  it('only lists the material of a course the trainer may not change', async () => {
    const { element, titles } = await render({}, { readOnly: true });

    expect(titles()).toHaveLength(2);
    expect(element.querySelector('ol.items button')).toBeNull();
    expect(element.querySelector('oris-file-drop-zone')).toBeNull();
    expect(element.querySelector('form.link-form')).toBeNull();
  });
});
