import { castOf, client } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import { Session, signInWithRoles } from '../identity/support/identity-client';
import type { TestApp } from '../support/test-app';

export interface PublicationCast {
  admin: Session;
  editor: Session;
  partnerships: Session;
  officer: Session;
  trainer: Session;
  trainee: Session;
}

/** An administrator, an observatory editor, the other staff roles and two non-staff people. */
export async function publicationCast(api: TestApp): Promise<PublicationCast> {
  const cast = await castOf(api);
  const [editor, partnerships, officer] = await Promise.all([
    signInWithRoles(api, cast.admin, ['observatory_editor']),
    signInWithRoles(api, cast.admin, ['partnership_officer']),
    signInWithRoles(api, cast.admin, ['placement_officer']),
  ]);
  return {
    admin: cast.admin,
    editor,
    partnerships,
    officer,
    trainer: cast.trainer,
    trainee: cast.trainee,
  };
}

let dois = 0;
/** A DOI of its own for each publication a test records. */
export const uniqueDoi = () => `10.5555/oris.${process.pid}.${++dois}`;

/** A valid body for POST /publications: an ORIS-affiliated journal article. */
export const publicationBody = (overrides: Record<string, unknown> = {}) => ({
  type: 'journal_article',
  titles: [{ language: 'fr', title: 'L’économie sociale et solidaire au Maroc', original: true }],
  publishedOn: '2025-03-15',
  publishedOnPrecision: 'day',
  doi: uniqueDoi(),
  attribution: 'affiliation',
  attributionEvidence: 'Observatoire régional de l’innovation sociale (ORIS), Fès, Maroc',
  contributors: [
    {
      familyName: 'Benali',
      givenNames: 'Samira',
      nameAr: 'سميرة بنعلي',
      orcid: '0000-0002-1825-0097',
      affiliations: ['ORIS, Fès'],
      orisAffiliation: true,
    },
  ],
  ...overrides,
});

/** A serial with its coverage rows, written straight to the tables (the serials helper owns their API). */
export async function serialWithCoverage(
  api: TestApp,
  title: string,
  coverage: {
    index: string;
    fromYear: number;
    toYear?: number | null;
    checkedOn: string;
    state?: string;
  }[],
): Promise<string> {
  const db = database(api);
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO serial (title, publisher, country) VALUES ($1, 'Éditions de test', 'MA') RETURNING id`,
    [title],
  );
  for (const row of coverage) {
    await db.query(
      `INSERT INTO serial_coverage (serial_id, index_code, from_year, to_year, state, checked_on, evidence_url)
       VALUES ($1, $2, $3, $4, $5, $6, 'https://example.org/coverage')`,
      [id, row.index, row.fromYear, row.toYear ?? null, row.state ?? 'active', row.checkedOn],
    );
  }
  return id;
}

export const http = (api: TestApp) => client(api);

/** The database's clock now: a `knownAt` between two writes. */
export async function databaseNow(api: TestApp): Promise<string> {
  const [{ now }]: { now: Date }[] = await database(api).query(`SELECT clock_timestamp() AS now`);
  return new Date(now).toISOString();
}
