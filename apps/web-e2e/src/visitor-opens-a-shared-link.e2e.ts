import type { Page } from 'playwright-core';
import { accessTokenOf, baseUrl, type Browser, DEMO_ADMIN, openBrowser } from './support/browser';
import { untilInteractive } from './support/screen';

// The demo library's first published sheet (libs/api/practices' demo seed).
const SHEET_SLUG = 'insertion-des-jeunes-par-la-cooperative-agricole';

/** The first item a visitor may read in one of the API's public lists of the demo data. */
async function firstPublic(list: string): Promise<{ id: string }> {
  const answer = await fetch(`${baseUrl()}/api/v1/${list}?page=1&pageSize=1`);
  const page = (await answer.json()) as { items: { id: string }[] };
  if (!page.items[0]) throw new Error(`The demo data has no public item in /api/v1/${list}`);
  return page.items[0];
}

/**
 * Opens a server-rendered page with JavaScript on, under the production Content-Security-Policy,
 * and waits until the app has taken it over. Returns the page's heading before and after, and
 * the API reads the browser made meanwhile.
 */
async function land(page: Page, path: string) {
  const reads: string[] = [];
  const onRequest = (request: { url(): string; method(): string }) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) reads.push(`${request.method()} ${url.pathname}`);
  };
  page.on('request', onRequest);
  try {
    const response = await page.goto(`${baseUrl()}${path}`, { waitUntil: 'commit' });
    const served = await response?.text();
    await untilInteractive(page);
    await page.waitForLoadState('networkidle');
    const heading = page.getByRole('heading', { level: 1 });
    return {
      servedHtml: served ?? '',
      heading: (await heading.textContent())?.trim(),
      headings: await heading.count(),
      reads,
    };
  } finally {
    page.off('request', onRequest);
  }
}

describe('a visitor opening a shared link (server-rendered page, then hydrated)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser({ csp: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  // What the server read while rendering travels in the page (HttpClient's transfer cache): the
  // browser does not read it again, which would cost a phone a round trip per read before the
  // page answers a tap.
  it('gets a course page whose reads the browser does not repeat', async () => {
    const course = (await firstPublic('courses')) as { id: string; title: string };
    const landed = await land(browser.page, `/catalogue/${course.id}`);
    expect(landed.servedHtml).toContain(course.title);
    expect(landed).toMatchObject({ heading: course.title, headings: 1 });
    expect(landed.reads).not.toContain(`GET /api/v1/courses/${course.id}`);
    expect(landed.reads).not.toContain('GET /api/v1/regions');
  });

  it('gets a practice sheet whose reads the browser does not repeat', async () => {
    const landed = await land(browser.page, `/practices/${SHEET_SLUG}`);
    expect(landed.headings).toBe(1);
    expect(landed.servedHtml).toContain(landed.heading);
    expect(landed.reads.filter((read) => read.startsWith('GET /api/v1/practices'))).toEqual([]);
  });

  it.each([
    ['tools', 'public/tools'],
    ['publications', 'publications'],
  ])(
    'gets a page of the %s registry whose reads the browser does not repeat',
    async (page, api) => {
      const { id } = await firstPublic(api);
      const landed = await land(browser.page, `/${page}/${id}`);
      expect(landed.headings).toBe(1);
      expect(landed.servedHtml).toContain(landed.heading);
      expect(landed.reads).not.toContain(`GET /api/v1/${api}/${id}`);
    },
  );

  // The verification page is rendered on the server, which reads the API for it: each of those
  // reads names the visitor (X-Forwarded-For), so the per-address verification limit (60 a
  // minute) counts the visitor and not the render server, which would otherwise spend one budget
  // for everybody. Sent without a browser, each "visitor" being an address a proxy vouched for.
  describe('the verification limit, counted per visitor on server-rendered pages', () => {
    const LIMIT = 60;
    let code: string;

    beforeAll(async () => {
      const token = await accessTokenOf(DEMO_ADMIN);
      const response = await fetch(`${baseUrl()}/api/v1/certificates?status=valid&pageSize=1`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const { items } = (await response.json()) as { items: { verificationCode: string }[] };
      code = items[0].verificationCode;
    });

    /** Whether the page rendered for `visitor` shows the certificate as valid. */
    async function rendersValid(visitor: string): Promise<boolean> {
      const page = await fetch(`${baseUrl()}/verify/${code}`, {
        headers: { 'X-Forwarded-For': visitor },
      });
      // The element, not the class name, which the page's inlined styles also name.
      return (await page.text()).includes('class="verdict verdict--valid"');
    }

    it('shows every visitor the verdict, however many others verified before them', async () => {
      const verdicts: boolean[] = [];
      for (let n = 1; n <= LIMIT + 10; n++) verdicts.push(await rendersValid(`203.0.113.${n}`));
      expect(verdicts.filter((valid) => !valid)).toEqual([]);
    });

    it('still holds one visitor to the limit', async () => {
      // Twice the limit and one: whatever minute boundary falls in between, one minute holds more
      // than the limit.
      const verdicts: boolean[] = [];
      for (let n = 0; n <= 2 * LIMIT; n++) verdicts.push(await rendersValid('198.51.100.9'));
      expect(verdicts.filter((valid) => !valid).length).toBeGreaterThan(0);
    });
  });
});
