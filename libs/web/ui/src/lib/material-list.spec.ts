import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { fileSizeText, MaterialList, materialTitle, type MaterialView } from './material-list';

const FILE = (name: string, size: number, mediaType: string) => ({
  name,
  size,
  mediaType,
  url: `https://files.example/${name}?signature=abc`,
});

const MATERIAL: MaterialView[] = [
  {
    id: 'pdf',
    kind: 'document',
    titles: { fr: 'Statuts types', ar: 'النظام الأساسي النموذجي' },
    file: FILE('statuts.pdf', 2_400_000, 'application/pdf'),
    video: null,
  },
  {
    id: 'photo',
    kind: 'image',
    titles: { fr: 'Assemblée générale' },
    file: FILE('ag.jpg', 300_000, 'image/jpeg'),
    video: null,
  },
  {
    id: 'talk',
    kind: 'audio',
    titles: {},
    file: FILE('entretien.mp3', 5_000_000, 'audio/mpeg'),
    video: null,
  },
  {
    id: 'film',
    kind: 'video',
    titles: { en: 'A cooperative at work' },
    file: FILE('coop.mp4', 40_000_000, 'video/mp4'),
    video: null,
  },
  {
    id: 'link',
    kind: 'video_link',
    titles: { fr: 'Témoignage' },
    file: null,
    video: {
      host: 'youtube',
      videoId: 'dQw4w9WgXcQ',
      embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      pageUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    },
  },
];

function render(language = 'fr') {
  TestBed.configureTestingModule({
    imports: [
      MaterialList,
      TranslocoTestingModule.forRoot({
        langs: { fr: {}, ar: {} },
        translocoConfig: { availableLangs: ['fr', 'ar'], defaultLang: 'fr' },
      }),
    ],
  });
  TestBed.inject(TranslocoService).setActiveLang(language);
  const fixture = TestBed.createComponent(MaterialList);
  fixture.componentRef.setInput('items', MATERIAL);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('MaterialList', () => {
  it('draws each piece as what it is, in the order given', () => {
    const element = render();
    const items = [...element.querySelectorAll('li')];

    expect(items).toHaveLength(5);
    const download = items[0].querySelector('a.file');
    expect(download?.getAttribute('download')).toBe('statuts.pdf');
    expect(download?.textContent).toContain('Statuts types');
    // In French, with the French unit.
    expect(download?.textContent?.replace(/\s/g, ' ')).toContain('2,3 Mo');
    expect(items[1].querySelector('img')?.getAttribute('alt')).toBe('Assemblée générale');
    expect(items[1].querySelector('img')?.getAttribute('loading')).toBe('lazy');
    // No title: the file's name stands in.
    expect(items[2].querySelector('audio')?.getAttribute('aria-label')).toBe('entretien.mp3');
    expect(items[3].querySelector('video')?.getAttribute('preload')).toBe('metadata');
    expect(items[3].querySelector('h3')?.textContent?.trim()).toBe('A cooperative at work');
    // The linked video waits for a click: no frame yet.
    expect(items[4].querySelector('oris-video-embed')).not.toBeNull();
    expect(items[4].querySelector('iframe')).toBeNull();
  });

  it('titles each piece in the reader’s language when it has one', () => {
    const element = render('ar');

    expect(element.querySelector('.file-title')?.textContent?.trim()).toBe(
      'النظام الأساسي النموذجي',
    );
  });
});

describe('materialTitle', () => {
  it('falls back to French, then Arabic, then English, then the file or the host', () => {
    expect(materialTitle(MATERIAL[0], 'en')).toBe('Statuts types');
    expect(materialTitle(MATERIAL[3], 'fr')).toBe('A cooperative at work');
    expect(materialTitle(MATERIAL[2], 'ar')).toBe('entretien.mp3');
    expect(materialTitle({ ...MATERIAL[4], titles: {} }, 'fr')).toBe('youtube');
  });
});

describe('fileSizeText', () => {
  const spaced = (text: string) => text.replace(/\s/g, ' ');

  it('says kilobytes under a megabyte and megabytes with one decimal above', () => {
    expect(spaced(fileSizeText(300, 'fr-MA'))).toBe('1 ko');
    expect(spaced(fileSizeText(300_000, 'en'))).toBe('293 kB');
    expect(spaced(fileSizeText(2_400_000, 'en'))).toBe('2.3 MB');
  });

  it('words the unit in the interface’s language', () => {
    expect(spaced(fileSizeText(2_400_000, 'fr-MA'))).toBe('2,3 Mo');
    expect(spaced(fileSizeText(2_400_000, 'ar-MA-u-nu-latn'))).toBe('2,3 م.ب');
  });
});
