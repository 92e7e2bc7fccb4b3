import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage, LAPTOP, PHONE, resizeTo } from './support/screen';

// From the demo data (seeds in libs/api/catalogue and libs/api/enrollments): ES-101's open Fès
// cohort has learner03 confirmed (other journeys only read learner03). This journey adds material
// to ES-101's last module, "Pitcher son projet", which no other journey uses.
const COURSE_CODE = 'ES-101';
const COURSE_TITLE = 'Entrepreneuriat social : de l’idée au modèle économique';
const MODULE_TITLE = 'Pitcher son projet';
const LEARNER = 'learner03@oris.example';
/** Unique per run: the module keeps what earlier runs added. */
const RUN = randomBytes(3).toString('hex');
const PDF_TITLE = `Grille de pitch ${RUN}`;
const VIDEO_TITLE = `Exemple de pitch ${RUN}`;
const PDF = Buffer.from(
  `%PDF-1.4\n% ${RUN}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n` +
    '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function courseAndModule(): Promise<{ courseId: string; moduleId: string }> {
  const list = await (await fetch(`${baseUrl()}/api/v1/courses?q=${COURSE_CODE}`)).json();
  const courseId = list.items.find((item: { code: string }) => item.code === COURSE_CODE).id;
  const course = await (await fetch(`${baseUrl()}/api/v1/courses/${courseId}`)).json();
  const moduleId = course.modules.find((m: { title: string }) => m.title === MODULE_TITLE).id;
  return { courseId, moduleId };
}

/** At a phone's and a laptop's width: no sideways scroll, no serious axe violation, a screenshot. */
async function lookAt(page: Page, name: string): Promise<void> {
  const language = await page.evaluate(() => document.documentElement.lang);
  for (const size of [PHONE, LAPTOP]) {
    await resizeTo(page, size);
    await page.waitForTimeout(500);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `/tmp/oris-material-${name}-${language}-${size.width}.png`,
      fullPage: true,
    });
  }
}

describe('a trainee reads the material the trainer added to a module', () => {
  let trainer: Browser;
  let trainee: Browser;
  let ids: { courseId: string; moduleId: string };
  let savedLanguage = 'fr';

  beforeAll(async () => {
    [trainer, trainee] = await Promise.all([openBrowser(), openBrowser()]);
    ids = await courseAndModule();
  });

  afterAll(async () => {
    // The demo accounts' saved languages are shared with the other journeys.
    if (trainer) await chooseLanguage(trainer.page, 'fr').catch(() => undefined);
    if (trainee && (savedLanguage === 'fr' || savedLanguage === 'ar')) {
      await chooseLanguage(trainee.page, savedLanguage).catch(() => undefined);
    }
    await Promise.all([trainer?.close(), trainee?.close()]);
  });

  it('the trainer uploads a PDF and adds a video link, previewed behind a click', async () => {
    const { page } = trainer;
    await signIn(page, 'trainer@oris.example');
    await chooseLanguage(page, 'fr');
    await page.goto(`${baseUrl()}/teaching/courses/${ids.courseId}/modules/${ids.moduleId}`);
    await page.getByRole('heading', { level: 2, name: 'Supports du module' }).waitFor();
    await page.getByText('Acceptés : PDF (jusqu’à 20 Mo)').waitFor();

    await page.getByLabel('Titre en français (facultatif)').first().fill(PDF_TITLE);
    await page
      .locator('oris-material-editor input[type="file"]')
      .setInputFiles({ name: 'grille.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('status').getByText(`« ${PDF_TITLE} » a été ajouté.`).waitFor();

    await page.getByLabel('Adresse de la vidéo').fill('https://youtu.be/aqz-KE-bpKQ');
    await page.getByLabel('Titre en français (facultatif)').nth(1).fill(VIDEO_TITLE);
    // The preview asks before loading anything from YouTube.
    await page.getByRole('button', { name: /Charger la vidéo \(YouTube\)/ }).waitFor();
    expect(await page.locator('oris-material-editor iframe').count()).toBe(0);
    await page.getByRole('button', { name: 'Ajouter la vidéo' }).click();
    await page.getByRole('status').getByText(`« ${VIDEO_TITLE} » a été ajouté.`).waitFor();
    await lookAt(page, 'trainer');
  });

  it('the trainee opens the module: the PDF link and the click-to-load video, in fr and ar', async () => {
    const { page } = trainee;
    await signIn(page, LEARNER);
    await page.locator('main h1').waitFor();
    savedLanguage = await page.evaluate(() => document.documentElement.lang);
    // No request to a video host before the click.
    const thirdParty: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(baseUrl())) thirdParty.push(request.url());
    });
    await chooseLanguage(page, 'fr');
    await page.goto(`${baseUrl()}/learning`);
    await page
      .locator('article')
      .filter({ hasText: COURSE_TITLE })
      .filter({ hasText: 'Fès' })
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('link', { name: MODULE_TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Supports du module' }).waitFor();

    const pdfLink = page.getByRole('link', { name: new RegExp(PDF_TITLE) });
    await pdfLink.waitFor();
    const href = await pdfLink.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/material\/[0-9a-f-]+\/file\?token=/);
    // The signed address streams the file: a range comes back as 206 with those bytes.
    const ranged = await page.evaluate(async (url) => {
      const response = await fetch(url, { headers: { Range: 'bytes=0-7' } });
      return { status: response.status, text: await response.text() };
    }, href as string);
    expect(ranged).toEqual({ status: 206, text: PDF.subarray(0, 8).toString('latin1') });

    const load = page.getByRole('button', { name: new RegExp(`Charger la vidéo.*${VIDEO_TITLE}`) });
    await load.waitFor();
    expect(await page.locator('oris-module-material iframe').count()).toBe(0);
    expect(thirdParty).toEqual([]);
    await lookAt(page, 'trainee');

    await chooseLanguage(page, 'ar');
    await page.getByRole('heading', { level: 2, name: 'موارد الوحدة' }).waitFor();
    await page
      .getByRole('button', { name: /تحميل الفيديو \(YouTube\)/ })
      .first()
      .waitFor();
    await lookAt(page, 'trainee');
    await chooseLanguage(page, 'fr');

    // Clicked: the privacy-friendly player, named by the video's title.
    await load.click();
    const frame = page.locator('oris-module-material iframe').first();
    await frame.waitFor({ state: 'attached' });
    expect(await frame.getAttribute('src')).toBe(
      'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ',
    );
    expect(await frame.getAttribute('title')).toBe(VIDEO_TITLE);
  });
});
