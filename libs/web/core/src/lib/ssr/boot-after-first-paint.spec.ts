import { bootAfterFirstPaint } from './boot-after-first-paint';
import { takeFileDroppedBeforeStart } from './dropped-before-start';

/** The shape of a page as Angular's server bundle writes it (21.2, outputMode "server"). */
const RENDERED = `<!DOCTYPE html><html lang="ar" dir="rtl"><head>
<link rel="preload" href="i18n/fr.json" as="fetch" type="application/json" crossorigin="anonymous">
<style>.page{display:block}</style></head>
<body><script type="text/javascript" id="ng-event-dispatch-contract" nonce="n0nce">window.__jsaction_bootstrap=1;</script>
<oris-root><main><h1>Indicateurs</h1></main></oris-root>
<link rel="modulepreload" href="chunk-AAAA.js"><link rel="modulepreload" href="chunk-BBBB.js"><script src="main-CCCC.js" type="module"></script>
<script id="ng-state" type="application/json">{}</script></body></html>`;

/**
 * The inline script the rewritten page carries, run as the browser would run it, in `page` (each
 * page runs it once: a fresh document keeps the listeners of earlier runs away).
 */
function runBootScript(html: string, page: Document = document): void {
  const code = /<script nonce="n0nce">(\(\(\)=>\{.*?)<\/script>/s.exec(html)?.[1];
  if (!code) throw new Error('No boot script in the page');
  new Function('document', code)(page);
}

const added = () =>
  [...document.head.querySelectorAll('link, script')].map((element) =>
    element instanceof HTMLScriptElement
      ? `script ${element.type} ${element.getAttribute('src')}`
      : `link ${element.getAttribute('rel')} ${element.getAttribute('href')}`,
  );

describe('bootAfterFirstPaint', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    document.head.replaceChildren();
    document.documentElement.lang = 'ar';
  });
  afterEach(() => {
    jest.useRealTimers();
    Reflect.deleteProperty(document, 'visibilityState');
  });

  it('takes the scripts and the French preload out of the HTML, leaving one boot script with the nonce', () => {
    const page = bootAfterFirstPaint(RENDERED, 'n0nce');

    expect(page).not.toContain('<link rel="modulepreload"');
    expect(page).not.toContain('i18n/fr.json');
    expect(page).not.toContain('<script src="main-CCCC.js"');
    // Everything else is the server's page, in its order.
    expect(page).toContain('<oris-root><main><h1>Indicateurs</h1></main></oris-root>');
    expect(page.indexOf('ng-event-dispatch-contract')).toBeLessThan(page.indexOf('let started'));
    expect(page.indexOf('let started')).toBeLessThan(page.indexOf('id="ng-state"'));
  });

  it('starts the app only after a frame has been painted, with the page language’s translations', () => {
    runBootScript(bootAfterFirstPaint(RENDERED, 'n0nce'));
    expect(added()).toEqual([]);

    jest.advanceTimersByTime(16); // the animation frame: the page is painted after it
    expect(added()).toEqual([]);
    jest.runOnlyPendingTimers(); // the task after that frame

    expect(added()).toEqual([
      'link preload i18n/ar.json',
      'link modulepreload chunk-AAAA.js',
      'link modulepreload chunk-BBBB.js',
      'script module main-CCCC.js',
    ]);
    const translations = document.head.querySelector<HTMLLinkElement>('link[rel="preload"]')!;
    expect([translations.as, translations.crossOrigin, translations.type]).toEqual([
      'fetch',
      'anonymous',
      'application/json',
    ]);
  });

  it('starts the app once only, and at once in a hidden tab, which paints no frame', () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    runBootScript(bootAfterFirstPaint(RENDERED, 'n0nce'));
    expect(added()).toHaveLength(4);

    document.dispatchEvent(new Event('visibilitychange'));
    jest.runAllTimers();
    expect(added()).toHaveLength(4);
  });

  it('starts the app when the tab is hidden before its first frame', () => {
    runBootScript(bootAfterFirstPaint(RENDERED, 'n0nce'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(added()).toHaveLength(4);
  });

  describe('a file dropped before the app started', () => {
    /** A drag event as the browser sends it (jsdom has no DataTransfer). */
    function drag(target: Element, type: string, files: File[] = []): Event {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { files, dropEffect: 'none' } });
      target.dispatchEvent(event);
      return event;
    }

    let page: Document;
    let zone: HTMLElement;
    let inside: HTMLElement;
    beforeEach(() => {
      page = document.implementation.createHTMLDocument();
      zone = page.createElement('oris-file-drop-zone');
      zone.className = 'oris-file-drop-zone';
      inside = zone.appendChild(page.createElement('p'));
      page.body.replaceChildren(zone);
      runBootScript(bootAfterFirstPaint(RENDERED, 'n0nce'), page);
    });

    it('is kept from the browser, which would open it in place of the page, and recorded for its zone', () => {
      const file = new File(['%PDF-1.7'], 'certificat.pdf', { type: 'application/pdf' });
      const over = drag(inside, 'dragover');
      expect(over.defaultPrevented).toBe(true);
      expect(
        (over as Event & { dataTransfer: { dropEffect: string } }).dataTransfer.dropEffect,
      ).toBe('copy');
      expect(drag(inside, 'drop', [file]).defaultPrevented).toBe(true);

      expect(takeFileDroppedBeforeStart(zone)).toBe(file);
      expect(takeFileDroppedBeforeStart(zone)).toBeNull();
    });

    it('is left alone outside a zone, and on a zone whose app has started (it cancels the drop itself)', () => {
      const file = new File(['%PDF-1.7'], 'certificat.pdf');
      expect(drag(page.body, 'dragover').defaultPrevented).toBe(false);
      expect(drag(page.body, 'drop', [file]).defaultPrevented).toBe(false);

      zone.addEventListener('drop', (event) => event.preventDefault());
      drag(inside, 'drop', [file]);
      expect(takeFileDroppedBeforeStart(zone)).toBeNull();
    });
  });

  it('leaves a page without a module script as it is', () => {
    const browserRendered = '<html><head></head><body><oris-root></oris-root></body></html>';
    expect(bootAfterFirstPaint(browserRendered, 'n0nce')).toBe(browserRendered);
  });

  it('writes no URL that could close the script element', () => {
    const hostile = RENDERED.replace('chunk-AAAA.js', 'chunk-</script><b>.js');
    const page = bootAfterFirstPaint(hostile, 'n0nce');
    expect(page).not.toContain('</script><b>');
  });
});
