import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH, LanguageService } from '@oris/web/core';
import { SurveyPage } from './survey-page';
import { aSurvey, fakeApi, problem, settle, TOKEN } from './testing';

const FR = {
  survey: {
    greeting: 'Bonjour {{firstName}},',
    check: '{{period}} après votre formation « {{course}} » (terminée le {{day}})',
    horizons: { 6: '6 mois', 9: '9 mois', 12: '12 mois' },
    thanks: { heading: 'Merci, {{firstName}} !' },
  },
};

const SURVEY_PATH = `/api/v1/survey/${TOKEN}`;

/** `settled: false` for an answer held back: the app stays unstable while an API call runs. */
async function render(routes: Parameters<typeof fakeApi>[0], { settled = true } = {}) {
  const api = fakeApi({
    'GET /api/v1/regions': () =>
      Response.json([
        { code: 'MA-02', nameFr: "L'Oriental", nameAr: 'الشرق', nameEn: 'Oriental' },
        { code: 'MA-04', nameFr: 'Rabat-Salé-Kénitra', nameAr: 'الرباط', nameEn: 'Rabat' },
      ]),
    ...routes,
  });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: FR, ar: {} },
        translocoConfig: { availableLangs: ['fr', 'ar'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([{ path: 'survey/:token', component: SurveyPage }]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(`/survey/${TOKEN}`, SurveyPage);
  if (settled) await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const loader: HarnessLoader = TestbedHarnessEnvironment.loader(harness.fixture);
  const text = () => (element.textContent ?? '').replace(/\s+/g, ' ');
  const labels = async () => {
    const fields = await loader.getAllHarnesses(MatFormFieldHarness);
    return Promise.all(fields.map((field) => field.getLabel()));
  };
  const choose = async (group: string, label: string) => {
    const radios = await loader.getHarness(
      MatRadioGroupHarness.with({ selector: `[aria-labelledby="${group}"]` }),
    );
    await radios.checkRadioButton({ label });
    await settle(harness);
  };
  const type = async (label: string, value: string) => {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const input = (await field.getControl(MatInputHarness)) as MatInputHarness;
    await input.setValue(value);
  };
  const chooseRegion = async (name: string) => {
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: name });
  };
  const send = async () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(harness);
  };
  return {
    harness,
    element,
    loader,
    text,
    labels,
    choose,
    type,
    chooseRegion,
    send,
    calls: api.calls,
  };
}

const answering = (status = 200) =>
  status === 200 ? () => Response.json({ recorded: true }) : () => problem(status, 'x');

describe('SurveyPage', () => {
  it('greets the person and says which training (set apart, for Arabic) and which check', async () => {
    const { element, text } = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
    });

    expect(element.querySelector('h1')?.textContent).toContain('Bonjour Salma,');
    expect(text()).toContain(
      '6 mois après votre formation « \u2068Créer et gérer une coopérative\u2069 » (terminée le 17 mars 2026)',
    );
    expect(text()).toContain('survey.why');
  });

  it('shows a progress bar until the survey arrives', async () => {
    let release: (response: Response) => void = () => undefined;
    let asked: () => void = () => undefined;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    const { element, harness } = await render(
      {
        [`GET ${SURVEY_PATH}`]: () =>
          new Promise<Response>((resolve) => {
            release = resolve;
            asked();
          }),
      },
      { settled: false },
    );
    await requested;

    expect(element.querySelector('mat-progress-bar')).not.toBeNull();
    expect(element.querySelector('form')).toBeNull();
    release(Response.json(aSurvey()));
    await settle(harness);
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(element.querySelector('form')).not.toBeNull();
  });

  it('says kindly that a link is no longer valid, with whom to contact, and no error alert', async () => {
    const { element, text } = await render({
      [`GET ${SURVEY_PATH}`]: () => problem(404, 'survey_not_found'),
    });

    expect(element.querySelector('h1')?.textContent).toContain('survey.invalid.heading');
    expect(text()).toContain('survey.invalid.contact');
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('form')).toBeNull();
  });

  it('asks to try again in a minute when rate-limited, and retries', async () => {
    let refusals = 1;
    const { element, harness } = await render({
      [`GET ${SURVEY_PATH}`]: () =>
        refusals-- > 0 ? problem(429, 'too_many_requests') : Response.json(aSurvey()),
    });

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'survey.problems.rateLimited',
    );
    const retry = [...element.querySelectorAll('button')].find((button) =>
      button.textContent?.includes('survey.retry'),
    );
    retry?.click();
    await settle(harness);
    expect(element.querySelector('form')).not.toBeNull();
  });

  it('asks nothing but the situation until one is chosen', async () => {
    const { labels, element } = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
    });

    expect(await labels()).toEqual([]);
    expect(element.querySelectorAll('mat-radio-button')).toHaveLength(8);
  });

  it('opens in the language of the person asked, from their account', async () => {
    await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey({ locale: 'ar' })),
    });

    expect(TestBed.inject(LanguageService).language()).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('asks the contract, employer, sector and position of a salaried job', async () => {
    const { labels, choose, element } = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
    });
    await choose('survey-kind', 'survey.kinds.wage_employment');

    expect(element.querySelector('[aria-labelledby="survey-contract"]')).not.toBeNull();
    expect(await labels()).toEqual([
      'survey.fields.employerName.wage_employment',
      'survey.fields.sector',
      'survey.fields.position.wage_employment',
      'survey.fields.regionCode',
      'survey.fields.startOn',
    ]);
  });

  it('asks someone seeking work only since when, and no contract', async () => {
    const { labels, choose, element } = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
    });
    await choose('survey-kind', 'survey.kinds.wage_employment');
    await choose('survey-kind', 'survey.kinds.seeking');

    expect(element.querySelector('[aria-labelledby="survey-contract"]')).toBeNull();
    expect(await labels()).toEqual(['survey.fields.startOn']);
  });

  it('sends « inactive, not looking for work » with one date, in the training’s region', async () => {
    const page = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
      [`POST ${SURVEY_PATH}`]: answering(),
    });
    await page.choose('survey-kind', 'survey.kinds.inactive');
    expect(await page.labels()).toEqual(['survey.fields.startOn']);
    await page.type('survey.fields.startOn', '2026-05-01');
    await page.send();

    expect(page.calls.find((call) => call.method === 'POST')?.body).toEqual({
      kind: 'inactive',
      contract: null,
      employerName: null,
      sector: null,
      position: null,
      regionCode: 'MA-04',
      startOn: '2026-05-01',
      endOn: null,
    });
    expect(page.element.querySelector('h1')?.textContent).toContain('Merci, Salma !');
  });

  it('starts a job’s region at the training’s, and sends it unless changed', async () => {
    const page = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
      [`POST ${SURVEY_PATH}`]: answering(),
    });
    await page.choose('survey-kind', 'survey.kinds.self_employment');
    const select = await page.loader.getHarness(MatSelectHarness);
    expect(await select.getValueText()).toBe('Rabat-Salé-Kénitra');
    await page.type('survey.fields.startOn', '2026-05-01');
    await page.send();

    expect(page.calls.find((call) => call.method === 'POST')?.body).toMatchObject({
      kind: 'self_employment',
      regionCode: 'MA-04',
    });
  });

  it('asks when it ended only once the person says it did', async () => {
    const { labels, choose, loader, harness } = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
    });
    await choose('survey-kind', 'survey.kinds.internship');
    expect(await labels()).not.toContain('survey.fields.endOn');

    await (await loader.getHarness(MatCheckboxHarness)).check();
    await settle(harness);
    expect(await labels()).toContain('survey.fields.endOn');
  });

  it('sends a salaried job and thanks the person, without the fields it does not need', async () => {
    const page = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
      [`POST ${SURVEY_PATH}`]: answering(),
    });
    await page.choose('survey-kind', 'survey.kinds.wage_employment');
    await page.choose('survey-contract', 'survey.contracts.permanent');
    await page.type('survey.fields.employerName.wage_employment', ' Atlas Bio ');
    await page.type('survey.fields.sector', 'Agroalimentaire');
    await page.type('survey.fields.position.wage_employment', 'Technicienne qualité');
    await page.chooseRegion("L'Oriental");
    await page.type('survey.fields.startOn', '2026-06-01');
    await page.send();

    expect(page.calls.find((call) => call.method === 'POST')?.body).toEqual({
      kind: 'wage_employment',
      contract: 'permanent',
      employerName: 'Atlas Bio',
      sector: 'Agroalimentaire',
      position: 'Technicienne qualité',
      regionCode: 'MA-02',
      startOn: '2026-06-01',
      endOn: null,
    });
    const heading = page.element.querySelector('h1');
    expect(heading?.textContent).toContain('Merci, Salma !');
    expect(document.activeElement).toBe(heading);
    expect(page.element.querySelector('form')).toBeNull();
  });

  it('sends an ended internship with its end date', async () => {
    const page = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
      [`POST ${SURVEY_PATH}`]: answering(),
    });
    await page.choose('survey-kind', 'survey.kinds.internship');
    await page.type('survey.fields.employerName.internship', 'Coopérative Tafilalt');
    await page.type('survey.fields.sector', 'Agriculture');
    await page.type('survey.fields.position.internship', 'Stagiaire comptable');
    await page.chooseRegion('Rabat-Salé-Kénitra');
    await page.type('survey.fields.startOn', '2026-04-01');
    await (await page.loader.getHarness(MatCheckboxHarness)).check();
    await settle(page.harness);
    await page.type('survey.fields.endOn', '2026-07-31');
    await page.send();

    expect(page.calls.find((call) => call.method === 'POST')?.body).toMatchObject({
      kind: 'internship',
      contract: null,
      regionCode: 'MA-04',
      startOn: '2026-04-01',
      endOn: '2026-07-31',
    });
  });

  it('does not send a salaried job without its contract, employer, sector and position', async () => {
    const page = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
      [`POST ${SURVEY_PATH}`]: answering(),
    });
    await page.choose('survey-kind', 'survey.kinds.wage_employment');
    await page.chooseRegion("L'Oriental");
    await page.type('survey.fields.startOn', '2026-06-01');
    await page.send();

    expect(page.calls.some((call) => call.method === 'POST')).toBe(false);
    expect(page.text()).toContain('survey.rules.contractRequired');
    expect(page.text()).toContain('survey.rules.required');
  });

  it('does not send an end before the start', async () => {
    const page = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
      [`POST ${SURVEY_PATH}`]: answering(),
    });
    await page.choose('survey-kind', 'survey.kinds.seeking');
    await page.type('survey.fields.startOn', '2026-06-01');
    await (await page.loader.getHarness(MatCheckboxHarness)).check();
    await settle(page.harness);
    await page.type('survey.fields.endOn', '2026-05-01');
    await page.send();

    expect(page.calls.some((call) => call.method === 'POST')).toBe(false);
    expect(page.text()).toContain('survey.rules.endBeforeStart');
  });

  it('puts the server’s refusal next to its field, and keeps the form', async () => {
    const page = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
      [`POST ${SURVEY_PATH}`]: () =>
        problem(400, 'validation_failed', [
          { field: 'startOn', message: 'startOn cannot be in the future (2026-11-26)' },
        ]),
    });
    await page.choose('survey-kind', 'survey.kinds.seeking');
    await page.type('survey.fields.startOn', '2026-06-01');
    await page.send();

    const startField = await page.loader.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'survey.fields.startOn' }),
    );
    expect(await startField.getTextErrors()).toEqual([
      'startOn cannot be in the future (2026-11-26)',
    ]);
    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain(
      'survey.problems.validation',
    );
    expect(page.element.querySelector('form')).not.toBeNull();
  });

  it('asks to try again in a minute when the answer is rate-limited', async () => {
    const page = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
      [`POST ${SURVEY_PATH}`]: answering(429),
    });
    await page.choose('survey-kind', 'survey.kinds.further_studies');
    await page.chooseRegion("L'Oriental");
    await page.type('survey.fields.startOn', '2026-09-15');
    await page.send();

    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain(
      'survey.problems.rateLimited',
    );
    expect(page.element.querySelector('form')).not.toBeNull();
  });

  it('says the link is no longer valid when it was spent meanwhile', async () => {
    const page = await render({
      [`GET ${SURVEY_PATH}`]: () => Response.json(aSurvey()),
      [`POST ${SURVEY_PATH}`]: answering(404),
    });
    await page.choose('survey-kind', 'survey.kinds.seeking');
    await page.type('survey.fields.startOn', '2026-06-01');
    await page.send();

    expect(page.element.querySelector('h1')?.textContent).toContain('survey.invalid.heading');
    expect(page.element.querySelector('form')).toBeNull();
  });
});
