import type { Page } from 'playwright-core';
import { accessTokenOf, baseUrl, type Browser, DEMO_ADMIN, openBrowser } from './support/browser';
import { untilHydrated } from './support/screen';

/**
 * A visitor on a slow phone: the server's page is on the screen, its fields work, and the app's
 * script is still on its way. The journeys hold the script back (the request for the main bundle
 * waits until the test releases it), type, then let the app start.
 */
async function openWithScriptHeldBack(page: Page, path: string): Promise<() => Promise<void>> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const continued: Promise<void>[] = [];
  const mainBundle = /\/main-[A-Z0-9]+\.js$/;
  await page.route(mainBundle, (route) => {
    const sent = released.then(() => route.continue());
    continued.push(sent);
    return sent;
  });
  // The page's load waits for its scripts: only its arrival is awaited.
  await page.goto(`${baseUrl()}${path}`, { waitUntil: 'commit' });
  await page.locator('main h1').waitFor();
  return async () => {
    release();
    await Promise.all(continued);
    await page.unroute(mainBundle);
  };
}

/** The demo's advocacy course (libs/api/catalogue's demo seed), the only one about "plaidoyer". */
const ADVOCACY_COURSE = 'Plaidoyer et partenariats avec les collectivités territoriales';
/** The demo publication (seeded and indexed by `seed:demo`), in French. */
const PUBLICATION = 'Coopératives et développement local dans la région Fès-Meknès';

describe('a visitor who types before the app has started', () => {
  let visitor: Browser;

  beforeAll(async () => {
    visitor = await openBrowser();
  });

  afterAll(async () => {
    await visitor?.close();
  });

  it('keeps the words typed into the catalogue’s search, which then searches', async () => {
    const { page } = visitor;
    const start = await openWithScriptHeldBack(page, '/catalogue');
    const field = page.getByRole('searchbox', { name: 'Rechercher' });
    await field.pressSequentially('plaidoyer');

    await start();

    // The catalogue searches as one types: the words reach the address once its control has them.
    await page.waitForURL((url) => url.searchParams.get('q') === 'plaidoyer');
    await untilHydrated(page);
    expect(await field.inputValue()).toBe('plaidoyer');
    await page.getByText('Formations trouvées\u00a0: 1', { exact: true }).waitFor();
    await page.getByRole('article', { name: ADVOCACY_COURSE }).waitFor();
  });

  it('keeps the words typed into the observatory’s search, which the app then submits', async () => {
    const { page } = visitor;
    const start = await openWithScriptHeldBack(page, '/search');
    const field = page.getByRole('searchbox', { name: 'Mots recherchés' });
    await field.pressSequentially('coopératives');
    // Gone if the browser loads a new page (a form submitted without the app).
    await page.evaluate(
      () => ((window as unknown as { sameDocument: boolean }).sameDocument = true),
    );

    await start();
    await untilHydrated(page);

    expect(await field.inputValue()).toBe('coopératives');
    // The app submits what its form control holds: the words typed before it started.
    await field.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'coopératives');
    await page.locator('.hits h2', { hasText: PUBLICATION }).first().waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
  });
});

describe('an employer opening a certificate’s verification link', () => {
  let visitor: Browser;
  let code: string;

  beforeAll(async () => {
    visitor = await openBrowser();
    const token = await accessTokenOf(DEMO_ADMIN);
    const response = await fetch(`${baseUrl()}/api/v1/certificates?status=valid&pageSize=1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const { items } = (await response.json()) as { items: { verificationCode: string }[] };
    code = items[0].verificationCode;
  });

  afterAll(async () => {
    await visitor?.close();
  });

  it('sees the server’s verdict stay in place as the page starts, without asking the API again', async () => {
    const { page } = visitor;
    const lookups: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/v1/verify/'))
        lookups.push(request.url());
    });
    await page.addInitScript(() => {
      const shifts: number[] = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[]) {
          if (!entry.hadRecentInput) shifts.push(entry.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
      (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    });
    const start = await openWithScriptHeldBack(page, `/verify/${code}`);
    const rendered = await page.evaluate(() => {
      const marked = window as unknown as { serverVerdict: Element; serverDetails: Element };
      marked.serverVerdict = document.querySelector('.verdict')!;
      marked.serverDetails = document.querySelector('.details')!;
      return document.querySelector('main')!.innerText;
    });
    expect(rendered).toContain('Certificat valide');

    await start();
    await untilHydrated(page);
    // Two frames drawn after hydration: any shift it caused has been reported.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );

    const hydrated = await page.evaluate(() => {
      const marked = window as unknown as {
        serverVerdict: Element;
        serverDetails: Element;
        layoutShifts: number[];
      };
      return {
        text: document.querySelector('main')!.innerText,
        // The very elements the server sent: hydration adopted them rather than drawing anew.
        sameVerdict: document.querySelector('.verdict') === marked.serverVerdict,
        sameDetails: document.querySelector('.details') === marked.serverDetails,
        layoutShift: marked.layoutShifts.reduce((sum, value) => sum + value, 0),
      };
    });
    expect(hydrated.text).toBe(rendered);
    expect(hydrated.sameVerdict).toBe(true);
    expect(hydrated.sameDetails).toBe(true);
    expect(hydrated.layoutShift).toBeLessThan(0.1);
    // The server's answer came with the page (HttpClient's transfer cache).
    expect(lookups).toEqual([]);
  });

  it('checks the PDF dropped on the verification page before the app started, once it has', async () => {
    const { page } = visitor;
    const start = await openWithScriptHeldBack(page, '/verify');
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['%PDF-1.7\n'], 'certificat.pdf', { type: 'application/pdf' }));
      return transfer;
    });
    const zone = page
      .getByRole('region', { name: 'Vous n’avez que le PDF ?' })
      .locator('oris-file-drop-zone');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      await zone.dispatchEvent(type, { dataTransfer });
    }

    await start();

    // The zone took the file and the page checked it: no certificate was issued as this PDF.
    await page.getByText('Fichier : certificat.pdf', { exact: true }).waitFor();
    await page
      .getByText(
        'Aucun certificat n’a été délivré sous la forme de ce fichier : il a pu être modifié, ' +
          'ou ce n’est pas un certificat de l’ORIS.',
        { exact: true },
      )
      .waitFor();
  });
});
