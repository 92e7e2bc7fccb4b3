import { bootAfterFirstPaint } from './boot-after-first-paint';

/** The shape of a page as Angular's server bundle writes it (21.2, outputMode "server"). */
const RENDERED = `<!DOCTYPE html><html lang="ar" dir="rtl"><head>
<link rel="preload" href="i18n/fr.json" as="fetch" type="application/json" crossorigin="anonymous">
<style>.page{display:block}</style></head>
<body><script type="text/javascript" id="ng-event-dispatch-contract" nonce="n0nce">window.__jsaction_bootstrap=1;</script>
<oris-root><main><h1>Indicateurs</h1></main></oris-root>
<link rel="modulepreload" href="chunk-AAAA.js"><link rel="modulepreload" href="chunk-BBBB.js"><script src="main-CCCC.js" type="module"></script>
<script id="ng-state" type="application/json">{}</script></body></html>`;

/** The inline script the rewritten page carries, run as the browser would run it. */
function runBootScript(html: string): void {
  const code = /<script nonce="n0nce">(\(\(\)=>\{let started.*?)<\/script>/s.exec(html)?.[1];
  if (!code) throw new Error('No boot script in the page');
  new Function(code)();
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
