import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { VideoHost } from '@oris/shared/domain';
import { VideoEmbed } from './video-embed';

const EMBED = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ';

function render(host: VideoHost, embedUrl: string, pageUrl: string | null = null) {
  TestBed.configureTestingModule({
    imports: [
      VideoEmbed,
      TranslocoTestingModule.forRoot({
        langs: { fr: { material: { video: { load: 'Charger la vidéo ({{host}})' } } } },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
  });
  const fixture = TestBed.createComponent(VideoEmbed);
  fixture.componentRef.setInput('host', host);
  fixture.componentRef.setInput('embedUrl', embedUrl);
  fixture.componentRef.setInput('pageUrl', pageUrl);
  fixture.componentRef.setInput('title', 'Le statut de la coopérative');
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const button = () => element.querySelector<HTMLButtonElement>('button');
  const load = async () => {
    button()?.click();
    await fixture.whenStable();
  };
  return { element, button, load };
}

describe('VideoEmbed', () => {
  it('asks nothing of the host until the person loads the video', () => {
    const { element, button } = render('youtube', EMBED, 'https://www.youtube.com/watch?v=x');

    expect(element.querySelector('iframe')).toBeNull();
    expect(element.querySelector('img')).toBeNull();
    // The button names the host and, for screen readers, the video.
    expect(button()?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Charger la vidéo (YouTube) : Le statut de la coopérative',
    );
    const link = element.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=x');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('frames the player once asked, titled with the video', async () => {
    const { element, load } = render('youtube', EMBED);

    await load();

    const frame = element.querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe(EMBED);
    expect(frame?.getAttribute('title')).toBe('Le statut de la coopérative');
    expect(element.querySelector('button')).toBeNull();
  });

  it('never frames an address outside the host’s player origin', async () => {
    const { element, button, load } = render(
      'youtube',
      'https://www.youtube-nocookie.com.evil.example/embed/x',
    );

    expect(button()?.disabled).toBe(true);
    await load();
    expect(element.querySelector('iframe')).toBeNull();
  });

  it('has no link to the host’s page when there is none', () => {
    const { element } = render('vimeo', 'https://player.vimeo.com/video/76979871');

    expect(element.querySelector('a')).toBeNull();
    expect(element.querySelector('button')?.textContent).toContain('Vimeo');
  });
});
