import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputOfCsl } from '../import/csl-mapping';
import { CrossrefLookup, DoiLookupUnavailable } from './doi-lookup';

const fixture = JSON.parse(
  readFileSync(join(__dirname, '../testing/crossref-work.fixture.json'), 'utf8'),
);

/** A recorded Crossref answer, served through the adapter's fetcher: no network. */
const answering = (status: number, body: unknown) => {
  const lookup = new CrossrefLookup();
  const asked: string[] = [];
  lookup.fetcher = async (url) => {
    asked.push(url);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { lookup, asked };
};

describe('CrossrefLookup', () => {
  it('asks Crossref for the DOI and reads its answer as CSL', async () => {
    const { lookup, asked } = answering(200, fixture);
    const item = await lookup.find('10.5555/oris.2025.1');
    expect(asked).toEqual(['https://api.crossref.org/works/10.5555%2Foris.2025.1']);
    expect(inputOfCsl(item!, null).input).toMatchObject({
      type: 'journal_article',
      titles: [{ language: 'fr', title: 'Les coopératives féminines de l’arganier' }],
      publishedOn: '2025-03-01',
      publishedOnPrecision: 'month',
      volume: '12',
      issue: '3',
      pages: '45-67',
      contributors: [
        { familyName: 'Benali', givenNames: 'Samira' },
        { familyName: 'Al Amrani', givenNames: 'Youssef' },
      ],
    });
  });

  it('answers null for an unknown DOI and fails loudly on anything else', async () => {
    expect(await answering(404, { status: 'error' }).lookup.find('10.5555/none')).toBeNull();
    await expect(answering(500, {}).lookup.find('10.5555/x')).rejects.toBeInstanceOf(
      DoiLookupUnavailable,
    );
    await expect(answering(200, { status: 'ok' }).lookup.find('10.5555/x')).rejects.toBeInstanceOf(
      DoiLookupUnavailable,
    );
  });
});
