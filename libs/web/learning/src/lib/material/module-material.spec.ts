import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import type { MaterialView } from '@oris/web/ui';
import { problem } from '@oris/web/testing';
import { type Answer, fakeApi, MODULE_IDS, settle } from '../testing';
import { ModuleMaterial } from './module-material';

const MATERIAL = `GET /api/v1/modules/${MODULE_IDS[0]}/material`;

const SLIDES: MaterialView = {
  id: 'slides',
  kind: 'slides',
  titles: { fr: 'Diaporama de la séance' },
  file: {
    name: 'seance-1.pptx',
    size: 1_500_000,
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    url: 'https://files.example/seance-1.pptx?signature=abc',
  },
  video: null,
};
const VIDEO_LINK: MaterialView = {
  id: 'talk',
  kind: 'video_link',
  titles: { fr: 'Témoignage d’une coopérative' },
  file: null,
  video: {
    host: 'vimeo',
    videoId: '76979871',
    embedUrl: 'https://player.vimeo.com/video/76979871',
    pageUrl: 'https://vimeo.com/76979871',
  },
};

async function render(answer: Answer) {
  const api = fakeApi({ [MATERIAL]: answer });
  TestBed.configureTestingModule({
    imports: [
      ModuleMaterial,
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [{ provide: API_FETCH, useValue: api.fetch }],
  });
  const fixture = TestBed.createComponent(ModuleMaterial);
  fixture.componentRef.setInput('moduleId', MODULE_IDS[0]);
  await settle(fixture);
  return { fixture, element: fixture.nativeElement as HTMLElement, calls: api.calls };
}

describe('ModuleMaterial', () => {
  it('lists the module’s material under its heading, files as downloads', async () => {
    const { element } = await render(() => Response.json([SLIDES, VIDEO_LINK]));

    expect(element.querySelector('h2')?.textContent?.trim()).toBe('material.heading');
    const download = element.querySelector('a.file');
    expect(download?.getAttribute('href')).toBe(SLIDES.file?.url);
    expect(download?.textContent).toContain('Diaporama de la séance');
  });

  it('loads a linked video only when the trainee asks for it', async () => {
    const { element, fixture } = await render(() => Response.json([VIDEO_LINK]));
    expect(element.querySelector('iframe')).toBeNull();

    element.querySelector<HTMLButtonElement>('oris-video-embed button')?.click();
    await fixture.whenStable();

    expect(element.querySelector('iframe')?.getAttribute('src')).toBe(
      'https://player.vimeo.com/video/76979871',
    );
    expect(element.querySelector('iframe')?.getAttribute('title')).toBe(
      'Témoignage d’une coopérative',
    );
  });

  it('draws nothing for a module without material', async () => {
    const { element } = await render(() => Response.json([]));

    expect(element.querySelector('section')).toBeNull();
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('says why the material could not be read', async () => {
    const { element } = await render(() =>
      problem(403, 'not_enrolled', 'Vous ne suivez pas cette formation'),
    );

    expect(element.querySelector('section')).toBeNull();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Vous ne suivez pas cette formation',
    );
  });
});
