import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { accessTokenOf, baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage, LAPTOP, PHONE, resizeTo } from './support/screen';

// From the demo data: ES-101's open Fès cohort has learner01..04 confirmed. The quiz journey uses
// learner01 and learner04 in the second module; this journey adds an assignment to the fourth
// ("Pitcher son projet"), which no other journey touches.
const COURSE_CODE = 'ES-101';
const COURSE_TITLE = 'Entrepreneuriat social : de l’idée au modèle économique';
const MODULE_TITLE = 'Pitcher son projet';
const ASSIGNMENT_TITLE = 'Pitch écrit de votre projet';
const NBSP = '\u00a0';

/** ES-101's id, its Fès session's and its fourth module's, from the public catalogue. */
async function demoIds(): Promise<{ courseId: string; sessionId: string; moduleId: string }> {
  const list = await (await fetch(`${baseUrl()}/api/v1/courses?q=${COURSE_CODE}`)).json();
  const courseId = list.items.find((item: { code: string }) => item.code === COURSE_CODE).id;
  const course = await (await fetch(`${baseUrl()}/api/v1/courses/${courseId}`)).json();
  const moduleId = course.modules.find((m: { title: string }) => m.title === MODULE_TITLE).id;
  const sessions = await (await fetch(`${baseUrl()}/api/v1/courses/${courseId}/sessions`)).json();
  const sessionId = sessions.items.find((s: { title: string }) => s.title.includes('Fès')).id;
  return { courseId, sessionId, moduleId };
}

/** The trainer adds the assignment with a two-criterion rubric through the API. */
async function addAssignment(moduleId: string): Promise<void> {
  const token = await accessTokenOf('trainer@oris.example');
  const response = await fetch(`${baseUrl()}/api/v1/modules/${moduleId}/assignment`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      title: ASSIGNMENT_TITLE,
      instructions:
        'Présentez votre projet en **dix lignes** : le problème, le public, la solution.',
      dueAt: null,
      latePolicy: 'accept',
      latePenaltyPercent: null,
      acceptsText: true,
      acceptsFiles: true,
      fileKinds: ['pdf', 'docx'],
      maxFileBytes: 5 * 1024 * 1024,
      maxFiles: 2,
      rubric: {
        criteria: [
          {
            title: 'Clarté du problème',
            levels: [
              { title: 'Flou', points: 0 },
              { title: 'Clair', points: 5 },
              { title: 'Percutant', points: 10 },
            ],
          },
          {
            title: 'Public visé',
            levels: [
              { title: 'Absent', points: 0 },
              { title: 'Décrit', points: 5 },
            ],
          },
        ],
      },
      maxMark: null,
      passMarkPercent: 50,
      requiredForCompletion: false,
    }),
  });
  if (!response.ok) throw new Error(`assignment refused: ${response.status}`);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBeLessThanOrEqual(0);
}

/** The page as a phone and a laptop show it, each without sideways scrolling; then as it was. */
async function shoot(page: Page, name: string): Promise<void> {
  const language = await page.evaluate(() => document.documentElement.lang);
  const current = page.viewportSize() ?? LAPTOP;
  for (const size of [PHONE, LAPTOP]) {
    await resizeTo(page, size);
    await noSidewaysScroll(page);
    await page.screenshot({
      path: `/tmp/oris-assignment-${name}-${language}-${size.width}.png`,
      fullPage: true,
    });
  }
  await resizeTo(page, current);
}

/** Opens the module's assignment from My learning, as a trainee would. */
async function openAssignment(page: Page, entry: RegExp): Promise<void> {
  await page.goto(`${baseUrl()}/learning`);
  await page
    .locator('article')
    .filter({ hasText: COURSE_TITLE })
    .filter({ hasText: 'Fès' })
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('link', { name: MODULE_TITLE, exact: true }).click();
  await page.getByRole('link', { name: entry }).click();
  await page.getByRole('heading', { level: 1, name: ASSIGNMENT_TITLE }).waitFor();
}

/** The trainer grades the trainee's submission in the queue with the rubric's levels. */
async function grade(
  page: Page,
  sessionId: string,
  words: { levels: [string, string]; total: string; feedback: string; publish: string },
): Promise<void> {
  await page.goto(`${baseUrl()}/teaching/sessions/${sessionId}/grading`);
  await page.locator('li').filter({ hasText: ASSIGNMENT_TITLE }).getByRole('link').first().click();
  await page.getByRole('radio', { name: words.levels[0] }).check();
  await page.getByRole('radio', { name: words.levels[1] }).check();
  await page.getByText(words.total).waitFor();
  await page.getByRole('textbox').last().fill(words.feedback);
  expect(await seriousViolations(page)).toEqual([]);
  await shoot(page, 'grading');
  await page.getByRole('button', { name: words.publish }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /courriel|البريد/ })
    .waitFor();
}

describe('a trainee submits an assignment, the trainer grades it with the rubric', () => {
  let trainer: Browser;
  let trainee: Browser;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    [trainer, trainee] = await Promise.all([openBrowser(), openBrowser()]);
    ids = await demoIds();
    await addAssignment(ids.moduleId);
  });

  afterAll(async () => {
    // The demo accounts' saved languages are shared with the other journeys.
    if (trainer) await chooseLanguage(trainer.page, 'fr');
    await Promise.all([trainer?.close(), trainee?.close()]);
  });

  it('in French, on a laptop: submit, grade with the rubric, read the feedback', async () => {
    const { page } = trainee;
    await resizeTo(page, LAPTOP);
    await signIn(page, 'learner04@oris.example');
    await chooseLanguage(page, 'fr');
    await openAssignment(page, /Ouvrir le devoir/);
    await page.getByText('Formats acceptés', { exact: false }).waitFor();
    await page
      .getByLabel('Votre réponse')
      .fill('Notre projet relie les coopératives aux cantines.');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('status').getByText('Brouillon enregistré.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'draft');
    await page.getByRole('button', { name: 'Remettre le devoir' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Remettre', exact: true })
      .click();
    await page.getByText('Remis, en attente de correction').first().waitFor();

    await resizeTo(trainer.page, LAPTOP);
    await signIn(trainer.page, 'trainer@oris.example');
    await chooseLanguage(trainer.page, 'fr');
    await grade(trainer.page, ids.sessionId, {
      levels: ['Percutant', 'Décrit'],
      total: `Total${NBSP}: 15 / 15 (100${NBSP}%)`,
      feedback: 'Pitch clair et percutant.',
      publish: 'Publier la note',
    });

    await page.reload();
    await page.getByRole('heading', { name: 'Retour du formateur' }).waitFor();
    await page.getByText(`Note${NBSP}: 15 / 15 (100${NBSP}%)`, { exact: false }).waitFor();
    await page.getByRole('cell', { name: 'Percutant' }).waitFor();
    await page.getByText('Pitch clair et percutant.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'feedback');
    // learner04 prefers Arabic (the demo's and the other journeys' expectation).
    await chooseLanguage(page, 'ar');
  });

  it('in Arabic, right to left, on a phone: submit, grade, read the feedback', async () => {
    const { page } = trainee;
    await page.context().clearCookies();
    await resizeTo(page, PHONE);
    await signIn(page, 'learner01@oris.example');
    await chooseLanguage(page, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await openAssignment(page, /فتح الواجب/);
    await page.getByLabel('جوابك').fill('مشروعنا يربط التعاونيات بالمطاعم المدرسية.');
    await page.getByRole('button', { name: 'تسليم الواجب' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'تسليم', exact: true }).click();
    await page.getByText('سُلّم، في انتظار التصحيح').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'submitted');

    await chooseLanguage(trainer.page, 'ar');
    await grade(trainer.page, ids.sessionId, {
      levels: ['Clair', 'Absent'],
      total: 'المجموع: 5 / 15',
      feedback: 'حدّد جمهورك بدقة أكبر.',
      publish: 'نشر النقطة',
    });

    await page.reload();
    await page.getByRole('heading', { name: 'ملاحظات المكوّن' }).waitFor();
    await page.getByRole('cell', { name: 'Clair' }).waitFor();
    await page.getByText('حدّد جمهورك بدقة أكبر.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'feedback');
  });
});
