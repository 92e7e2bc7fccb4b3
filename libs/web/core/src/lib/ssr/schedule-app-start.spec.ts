import { FIRST_INTERACTIONS, scheduleAppStart } from './schedule-app-start';
import { takeFileDroppedBeforeStart } from './dropped-before-start';

/** The shape of a page as Angular's server bundle writes it (21.2, outputMode "server"). */
const RENDERED = `<!DOCTYPE html><html lang="ar" dir="rtl"><head>
<link rel="preload" href="i18n/fr.json" as="fetch" type="application/json" crossorigin="anonymous">
<style>.page{display:block}</style></head>
<body><script type="text/javascript" id="ng-event-dispatch-contract" nonce="n0nce">window.__jsaction_bootstrap=1;</script>
<oris-root ng-server-context="ssr"><main><h1>Indicateurs</h1></main></oris-root>
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

const added = (page: Document) =>
  [...page.head.querySelectorAll('link, script')].map((element) =>
    element instanceof HTMLScriptElement
      ? `script ${element.type} ${element.getAttribute('src')}`
      : `link ${element.getAttribute('rel')} ${element.getAttribute('href')}`,
  );

/** What the page fetches ahead (without running it): its language's translations, then the scripts. */
const FETCHED_AHEAD = [
  'link preload i18n/ar.json',
  'link modulepreload main-CCCC.js',
  'link modulepreload chunk-AAAA.js',
  'link modulepreload chunk-BBBB.js',
];

/** The browser-rendered shell as the server bundle sends it: a loading bar, no server context. */
const BROWSER_RENDERED = RENDERED.replace(
  '<oris-root ng-server-context="ssr"><main><h1>Indicateurs</h1></main></oris-root>',
  '<oris-root><div class="oris-boot-bar">ORIS</div></oris-root>',
);

describe('scheduleAppStart', () => {
  /** The visitor's page: a fresh one for each test. */
  let visited: Document;
  beforeEach(() => {
    jest.useFakeTimers();
    visited = document.implementation.createHTMLDocument();
    visited.documentElement.lang = 'ar';
  });
  afterEach(() => jest.useRealTimers());

  it('takes the scripts and the French preload out of the HTML, leaving one boot script with the nonce', () => {
    const page = scheduleAppStart(RENDERED, 'n0nce');

    expect(page).not.toContain('<link rel="modulepreload"');
    expect(page).not.toContain('i18n/fr.json');
    expect(page).not.toContain('<script src="main-CCCC.js"');
    // Everything else is the server's page, in its order.
    expect(page).toContain(
      '<oris-root ng-server-context="ssr"><main><h1>Indicateurs</h1></main></oris-root>',
    );
    expect(page.indexOf('ng-event-dispatch-contract')).toBeLessThan(page.indexOf('const waiting'));
    expect(page.indexOf('const waiting')).toBeLessThan(page.indexOf('id="ng-state"'));
  });

  it('fetches the scripts and the page language’s translations once a frame is painted, without running them', () => {
    runBootScript(scheduleAppStart(RENDERED, 'n0nce'), visited);
    expect(added(visited)).toEqual([]);

    jest.advanceTimersByTime(16); // the animation frame: the page is painted after it
    expect(added(visited)).toEqual([]);
    jest.runOnlyPendingTimers(); // the task after that frame

    expect(added(visited)).toEqual(FETCHED_AHEAD);
    const translations = visited.head.querySelector<HTMLLinkElement>('link[rel="preload"]')!;
    expect([translations.as, translations.crossOrigin, translations.type]).toEqual([
      'fetch',
      'anonymous',
      'application/json',
    ]);
    // A visitor who only reads the page never runs the app.
    jest.runAllTimers();
    visited.dispatchEvent(new Event('visibilitychange'));
    visited.dispatchEvent(new Event('scroll'));
    expect(added(visited)).not.toContain('script module main-CCCC.js');
  });

  it('fetches the chunks of the page’s lazy routes with the others, each once', () => {
    runBootScript(
      scheduleAppStart(RENDERED, 'n0nce', ['chunk-ROUTE.js', 'chunk-AAAA.js']),
      visited,
    );
    jest.runAllTimers();

    expect(added(visited)).toEqual([...FETCHED_AHEAD, 'link modulepreload chunk-ROUTE.js']);
  });

  it.each(FIRST_INTERACTIONS)('starts the app at the visitor’s first %s, once', (type) => {
    runBootScript(scheduleAppStart(RENDERED, 'n0nce'), visited);
    jest.runAllTimers();

    visited.body.dispatchEvent(new Event(type, { bubbles: true }));
    expect(added(visited).filter((tag) => tag.startsWith('script'))).toEqual([
      'script module main-CCCC.js',
    ]);

    for (const again of FIRST_INTERACTIONS) {
      visited.body.dispatchEvent(new Event(again, { bubbles: true }));
    }
    expect(added(visited).filter((tag) => tag.startsWith('script'))).toHaveLength(1);
  });

  it('fetches and starts at once when the visitor reaches for the page before its first frame', () => {
    runBootScript(scheduleAppStart(RENDERED, 'n0nce'), visited);
    visited.body.dispatchEvent(new Event('touchstart', { bubbles: true }));
    expect(added(visited)).toEqual([...FETCHED_AHEAD, 'script module main-CCCC.js']);

    jest.runAllTimers(); // the frame's fetch finds everything fetched
    expect(added(visited)).toHaveLength(5);
  });

  it('leaves the visitor’s event to the page: its listeners are passive and it is not stopped', () => {
    runBootScript(scheduleAppStart(RENDERED, 'n0nce'), visited);
    const reached = jest.fn();
    visited.body.addEventListener('pointerdown', reached);
    const event = new Event('pointerdown', { bubbles: true, cancelable: true });
    visited.body.dispatchEvent(event);

    expect(reached).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(false);
  });

  describe('the browser-rendered shell (nothing to read before its app runs)', () => {
    it('fetches and starts the app once its loading bar is painted, without waiting for the visitor', () => {
      runBootScript(scheduleAppStart(BROWSER_RENDERED, 'n0nce'), visited);
      expect(added(visited)).toEqual([]);

      jest.advanceTimersByTime(16); // the animation frame
      jest.runOnlyPendingTimers(); // the task after it

      expect(added(visited)).toEqual([...FETCHED_AHEAD, 'script module main-CCCC.js']);
    });

    it('starts at once in a hidden tab, which paints no frame, and once only', () => {
      Object.defineProperty(visited, 'visibilityState', { value: 'hidden', configurable: true });
      runBootScript(scheduleAppStart(BROWSER_RENDERED, 'n0nce'), visited);
      expect(added(visited)).toHaveLength(5);

      visited.dispatchEvent(new Event('visibilitychange'));
      jest.runAllTimers();
      expect(added(visited)).toHaveLength(5);
    });

    it('starts when the tab is hidden before its first frame', () => {
      runBootScript(scheduleAppStart(BROWSER_RENDERED, 'n0nce'), visited);
      visited.dispatchEvent(new Event('visibilitychange'));
      expect(added(visited)).toHaveLength(5);
    });
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
      runBootScript(scheduleAppStart(RENDERED, 'n0nce'), page);
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
    expect(scheduleAppStart(browserRendered, 'n0nce')).toBe(browserRendered);
  });

  it('writes no URL that could close the script element', () => {
    const hostile = RENDERED.replace('chunk-AAAA.js', 'chunk-</script><b>.js');
    const page = scheduleAppStart(hostile, 'n0nce');
    expect(page).not.toContain('</script><b>');
  });
});
