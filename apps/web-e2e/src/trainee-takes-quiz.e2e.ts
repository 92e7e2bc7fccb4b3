import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage } from './support/screen';

// From the demo data (seeds in libs/api/catalogue, libs/api/enrollments, libs/api/activities):
// ES-101's open Fès cohort has learner01..04 confirmed (learner02 is erased by another journey,
// learner03 only read); the demo quiz is in ES-101's first module, so this journey adds one to
// the second. No other journey uses learner01, learner04 or that module's quiz.
const COURSE_CODE = 'ES-101';
const MODULE_TITLE = 'Comprendre son public et son problème';
const COURSE_TITLE = 'Entrepreneuriat social : de l’idée au modèle économique';
const QUIZ_TITLE = 'Quiz : connaître son public';
const TRUE_FALSE = 'Connaître son public évite de concevoir une solution que personne n’utilise.';
const CHOICE = 'Quel moyen aide le plus à comprendre son public ?';
const RIGHT_CHOICE = 'Des entretiens avec des bénéficiaires';
const NBSP = '\u00a0';

/** ES-101's id and its second module's, from the public catalogue. */
async function courseAndModule(): Promise<{ courseId: string; moduleId: string }> {
  const list = await (await fetch(`${baseUrl()}/api/v1/courses?q=${COURSE_CODE}`)).json();
  const courseId = list.items.find((item: { code: string }) => item.code === COURSE_CODE).id;
  const course = await (await fetch(`${baseUrl()}/api/v1/courses/${courseId}`)).json();
  const moduleId = course.modules.find((m: { title: string }) => m.title === MODULE_TITLE).id;
  return { courseId, moduleId };
}

/**
 * Screenshots at a laptop's width (this page) and at a phone's (the same address opened afresh at
 * 390 px, as a phone would: a result page comes back as the quiz's summary), in the page's
 * language; neither scrolls sideways.
 */
async function shoot(page: Page, name: string): Promise<void> {
  const language = await page.evaluate(() => document.documentElement.lang);
  const noSidewaysScroll = async (target: Page) =>
    expect(
      await target.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.waitForTimeout(800);
  await noSidewaysScroll(page);
  await page.screenshot({ path: `/tmp/oris-quiz-${name}-${language}-1366.png`, fullPage: true });
  const phone = await page.context().newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(page.url());
  await phone.getByRole('heading', { level: 1 }).waitFor();
  await phone.waitForTimeout(1500);
  await noSidewaysScroll(phone);
  await phone.screenshot({ path: `/tmp/oris-quiz-${name}-${language}-390.png`, fullPage: true });
  await phone.close();
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Opens the module's quiz from My learning, as a trainee would. */
async function openQuiz(page: Page, entry: RegExp): Promise<void> {
  await page.goto(`${baseUrl()}/learning`);
  // The open Fès cohort's card (the trainee may also have been in a past ES-101 cohort).
  await page
    .locator('article')
    .filter({ hasText: COURSE_TITLE })
    .filter({ hasText: 'Fès' })
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('link', { name: MODULE_TITLE, exact: true }).click();
  await page.getByRole('link', { name: entry }).click();
}

describe('a trainee takes a quiz the trainer added', () => {
  let trainer: Browser;
  let trainee: Browser;
  let ids: { courseId: string; moduleId: string };

  beforeAll(async () => {
    [trainer, trainee] = await Promise.all([openBrowser(), openBrowser()]);
    ids = await courseAndModule();
  });

  afterAll(async () => {
    // The demo trainer's saved language is shared with the other journeys.
    if (trainer) await chooseLanguage(trainer.page, 'fr');
    await Promise.all([trainer?.close(), trainee?.close()]);
  });

  it('the trainer writes two questions and adds the quiz to the module', async () => {
    const { page } = trainer;
    await signIn(page, 'trainer@oris.example');
    await page.goto(`${baseUrl()}/teaching/courses/${ids.courseId}/modules/${ids.moduleId}/quiz`);
    await page.getByRole('heading', { level: 1, name: 'Quiz du module' }).waitFor();

    await page.getByRole('button', { name: 'Ajouter une question' }).click();
    await page.getByRole('combobox', { name: 'Type de question' }).click();
    await page.getByRole('option', { name: 'Vrai ou faux' }).click();
    await page.getByLabel('Énoncé').fill(TRUE_FALSE);
    await page.getByRole('radio', { name: 'Vrai' }).check();
    await page.getByLabel('Étiquettes', { exact: true }).fill('public');
    await page.getByRole('button', { name: 'Ajouter la question' }).click();
    await page.locator('.bank .text').filter({ hasText: TRUE_FALSE }).waitFor();

    await page.getByRole('button', { name: 'Ajouter une question' }).click();
    await page.getByLabel('Énoncé').fill(CHOICE);
    await page.getByLabel('Réponse 1', { exact: true }).fill('Un logo');
    await page.getByLabel('Réponse 2', { exact: true }).fill(RIGHT_CHOICE);
    await page.getByLabel('Réponse 3', { exact: true }).fill('Un tableau d’amortissement');
    await page.getByRole('checkbox', { name: 'juste' }).nth(1).check();
    await page.getByLabel('Étiquettes', { exact: true }).fill('public');
    await page.getByRole('button', { name: 'Ajouter la question' }).click();
    await page.locator('.bank .text').filter({ hasText: CHOICE }).waitFor();

    await page.getByLabel('Titre du quiz').fill(QUIZ_TITLE);
    await page.getByLabel('Tirer parmi les étiquettes').fill('public');
    await page.getByLabel('Tentatives autorisées').fill('2');
    await page.getByRole('combobox', { name: 'Corrigé montré' }).click();
    await page.getByRole('option', { name: 'Corrigé après chaque tentative' }).click();
    await page.getByRole('button', { name: 'Ajouter le quiz au module' }).click();
    await page.getByRole('status').getByText('Réglages enregistrés').waitFor();
    await page.getByText(`2 questions dans le tirage${NBSP}; 2 par tentative`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'editor');
  });

  it('the trainee starts it, reloads mid-way, resumes the same attempt and hands it in', async () => {
    const { page } = trainee;
    await signIn(page, 'learner04@oris.example');
    // learner04 prefers Arabic: this part of the journey is in French.
    await chooseLanguage(page, 'fr');
    await openQuiz(page, /Ouvrir le quiz/);
    await page.getByRole('heading', { level: 1, name: QUIZ_TITLE }).waitFor();
    await page.getByRole('button', { name: 'Commencer une tentative' }).click();

    // One question at a time: answer the first shown, whichever it is.
    const first = page.locator('oris-quiz-question legend .text');
    const firstText = (await first.textContent())?.trim();
    if (firstText === TRUE_FALSE) await page.getByRole('radio', { name: 'Vrai' }).check();
    else await page.getByRole('radio', { name: RIGHT_CHOICE }).check();
    await page.getByRole('status').getByText('Réponses enregistrées').waitFor();
    await page.getByText(`Répondu${NBSP}: 1 sur 2`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'taking');

    // A lost connection, or a reload: the same attempt comes back, answer kept.
    await page.reload();
    await page.getByText(`Répondu${NBSP}: 1 sur 2`).waitFor();
    await page.getByRole('button', { name: 'Question précédente' }).waitFor();
    // It reopens at the first question left unanswered: the second one.
    const second = (await first.textContent())?.trim();
    expect(second).not.toBe(firstText);
    if (second === TRUE_FALSE) await page.getByRole('radio', { name: 'Vrai' }).check();
    else await page.getByRole('radio', { name: RIGHT_CHOICE }).check();
    await page.getByText(`Répondu${NBSP}: 2 sur 2`).waitFor();
    await page.getByRole('button', { name: 'Question précédente' }).click();
    // The previous question replaces the second one once the page has rendered it.
    await first.filter({ hasText: firstText ?? '' }).waitFor();
    expect((await first.textContent())?.trim()).toBe(firstText);
    expect(
      await page
        .getByRole('radio', { name: firstText === TRUE_FALSE ? 'Vrai' : RIGHT_CHOICE })
        .isChecked(),
    ).toBe(true);

    await page.getByRole('button', { name: 'Remettre le quiz' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('heading', { name: `Remettre le quiz${NBSP}?` }).waitFor();
    await dialog.getByRole('button', { name: 'Remettre', exact: true }).click();
    await page.getByRole('heading', { name: 'Résultat de la tentative 1' }).waitFor();
    await page.getByText(`100${NBSP}%`).first().waitFor();
    await page.getByText(`Réussi${NBSP}: le seuil est de 60${NBSP}%.`).waitFor();
    await page.getByRole('heading', { name: 'Corrigé' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'result');
  });

  it('in Arabic, right to left, another trainee takes it and sees the result', async () => {
    const { page } = trainee;
    await page.context().clearCookies();
    await signIn(page, 'learner01@oris.example');
    await chooseLanguage(page, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await openQuiz(page, /فتح الاختبار/);
    await page.getByRole('button', { name: 'بدء محاولة' }).click();
    await page.getByRole('button', { name: 'كل الأسئلة في صفحة واحدة' }).click();
    // Both questions on one page: answer the true/false one only.
    await page
      .locator('oris-quiz-question')
      .filter({ hasText: TRUE_FALSE })
      .getByRole('radio', { name: 'صحيح' })
      .check();
    await page.getByRole('status').getByText('تم حفظ الإجابات').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'taking');
    await page.getByRole('button', { name: 'تسليم الاختبار' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('سؤال واحد بلا إجابة.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'تسليم', exact: true }).click();
    await page.getByRole('heading', { name: 'نتيجة المحاولة 1' }).waitFor();
    await page.getByText('لم تنجح بعد', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'result');
  });

  it('the trainer sees the results per question and per trainee', async () => {
    const { page } = trainer;
    await page.goto(`${baseUrl()}/teaching/courses/${ids.courseId}/modules/${ids.moduleId}/quiz`);
    await page.getByRole('link', { name: 'Résultats', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Résultats du quiz' }).waitFor();
    const perTrainee = page.locator('section').filter({ hasText: 'Par stagiaire' });
    // learner04 passed (100 %), learner01 did not (50 %).
    await perTrainee
      .getByRole('row')
      .filter({ hasText: 'Omar Idrissi' })
      .getByText('Oui')
      .waitFor();
    await perTrainee
      .getByRole('row')
      .filter({ hasText: 'Imane Alaoui' })
      .getByText('Non')
      .waitFor();
    const perQuestion = page.locator('section').filter({ hasText: 'Par question' });
    await perQuestion
      .getByRole('row')
      .filter({ hasText: TRUE_FALSE })
      .getByText(`100${NBSP}%`)
      .waitFor();
    await perQuestion
      .getByRole('row')
      .filter({ hasText: CHOICE })
      .getByText(`50${NBSP}%`)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'results');
    await chooseLanguage(page, 'ar');
    await page.getByRole('heading', { level: 1, name: 'نتائج الاختبار' }).waitFor();
    await shoot(page, 'results');
  });
});
