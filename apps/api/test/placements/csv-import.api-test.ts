// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { client, inDays } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { Cohort, pastCohort, PlacementCast, placementCast } from './placement-client';

const HEADER =
  'email,kind,contract,organisationId,employerName,sector,position,regionCode,startOn,endOn,source,evidence,note';

describe('placements: CSV import of past situations', () => {
  let api: TestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;
  let cohort: Cohort;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
    http = client(api);
    cohort = await pastCohort(api, cast, 4);
  });

  afterAll(() => api.close());

  const importCsv = (csv: string, dryRun: boolean, key?: string) => {
    const call = http.as(cast.officer).post(`/api/v1/placements/import?dryRun=${dryRun}`, { csv });
    return key ? call.set('Idempotency-Key', key) : call;
  };
  const countPlacements = async (): Promise<number> =>
    (await database(api).query(`SELECT count(*)::int AS n FROM placement`))[0].n;
  const email = (index: number) => cohort.completers[index].email;

  it('reports every bad row with its line, column and reason in a dry run, and writes nothing', async () => {
    const csv = [
      HEADER,
      `${email(0)},wage_employment,permanent,,Association Al Amal,ESS,Animatrice,MA-04,${inDays(-250)},,officer,documented,`,
      'nobody@example.ma,self_employment,,,,,,MA-04,2025-01-01,,survey,declared,',
      `${cast.trainee.email},seeking,,,,,,MA-04,2025-01-01,,survey,declared,`,
      `${email(1)},wage_employment,,,Fondation,ESS,Agent,MA-04,2025-01-01,,officer,confirmed,`,
      `${email(2)},cooperative,,,Coop,Agro,Membre,MA-99,2025-05-01,2025-04-01,officer,confirmed,`,
      `${email(3)},job,,,,,,MA-04,2025-13-01,,phone,declared,`,
    ].join('\n');
    const report = await importCsv(csv, true).expect(200);
    expect(report.body).toMatchObject({ dryRun: true, applied: false, rows: [], created: 0 });
    expect(report.body.problems).toEqual([
      { line: 3, field: 'email', reason: 'no account with this email' },
      { line: 4, field: 'email', reason: 'this person has no completed training' },
      { line: 5, field: 'contract', reason: 'contract is required for wage employment' },
      { line: 6, field: 'endOn', reason: 'endOn cannot be before startOn' },
      { line: 6, field: 'regionCode', reason: 'a region code, MA-01 to MA-12' },
      { line: 7, field: 'kind', reason: expect.stringContaining('one of wage_employment') },
      { line: 7, field: 'source', reason: 'one of officer, survey, employer' },
      { line: 7, field: 'startOn', reason: 'a date written YYYY-MM-DD' },
    ]);
    expect(await countPlacements()).toBe(0);

    const refused = await importCsv(csv, false).expect(400);
    expect(refused.body.errors).toContainEqual({
      field: 'lines.5.contract',
      message: 'contract is required for wage employment',
    });
    expect(await countPlacements()).toBe(0);
  });

  it('is all-or-nothing: one bad row refuses the file and writes no row', async () => {
    const csv = [
      HEADER,
      `${email(0)},self_employment,,,,Artisanat,Couturière,MA-04,${inDays(-200)},,officer,confirmed,`,
      `${email(1)},internship,,,,,,MA-04,${inDays(-200)},,officer,confirmed,`,
    ].join('\n');
    const refused = await importCsv(csv, false).expect(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'lines.3.employerName',
      'lines.3.position',
      'lines.3.sector',
    ]);
    expect(await countPlacements()).toBe(0);
  });

  it('imports a clean file as validated situations, links registered partners, keeps formulas as text, once', async () => {
    const partner = await http
      .as(cast.admin)
      .post('/api/v1/organisations', {
        name: 'Coopérative Tifawin',
        kind: 'cooperative',
        regionCode: 'MA-09',
      })
      .expect(201);
    const csv = [
      'email;kind;contract;employerName;sector;position;regionCode;startOn;endOn;source;evidence;note',
      `${email(0).toUpperCase()};wage_employment;insertion_contract;"=HYPERLINK(""http://evil.example"";""x"")";ESS;Agent;MA-04;${inDays(-250)};${inDays(-60)};employer;documented;@SUM(1+1)`,
      `${email(1)};cooperative;;coopérative TIFAWIN;Agroalimentaire;Membre;MA-09;${inDays(-200)};;officer;confirmed;`,
      `${email(2)};further_studies;;;;;MA-03;${inDays(-280)};;survey;declared;Master ESS`,
    ].join('\r\n');
    const preview = await importCsv(csv, true).expect(200);
    expect(preview.body).toMatchObject({ problems: [], created: 3, applied: false });
    expect(preview.body.rows[1]).toMatchObject({
      organisationId: partner.body.id,
      placementId: null,
    });
    expect(await countPlacements()).toBe(0);

    const key = `import-${Date.now()}`;
    const done = await importCsv(csv, false, key).expect(200);
    expect(done.body).toMatchObject({ dryRun: false, applied: true, created: 3 });
    // A retry with the same key replays the answer without a second effect.
    const replay = await importCsv(csv, false, key).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await countPlacements()).toBe(3);

    const rows = await database(api).query(
      `SELECT u.email, v.kind, v.employer_name AS "employerName", v.organisation_id AS "organisationId",
              v.note, v.source, v.evidence, v.validated_by AS "validatedBy", v.recorded_by AS "recordedBy"
         FROM placement_version v JOIN users u ON u.id = v.user_id ORDER BY u.email`,
    );
    const byEmail = new Map(rows.map((row: { email: string }) => [row.email, row]));
    expect(byEmail.get(email(0))).toMatchObject({
      employerName: '=HYPERLINK("http://evil.example";"x")',
      note: '@SUM(1+1)',
      source: 'employer',
      evidence: 'documented',
      validatedBy: cast.officer.user.id,
      recordedBy: cast.officer.user.id,
    });
    expect(byEmail.get(email(1))).toMatchObject({
      organisationId: partner.body.id,
      employerName: null,
    });
    const [{ n }] = await database(api).query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'placement.created' AND actor_id = $1`,
      [cast.officer.user.id],
    );
    expect(n).toBe(3);

    // Loading the same file again (a new key) is refused: those situations are already recorded.
    const again = await importCsv(csv, false).expect(400);
    expect(again.body.errors).toContainEqual({
      field: 'lines.2.startOn',
      message: 'a situation of this kind starting that day is already recorded',
    });
    expect(await countPlacements()).toBe(3);
  });

  it('reports an unreadable file and refuses a bad dryRun flag', async () => {
    const broken = await importCsv(`${HEADER}\n"never closed,x`, true).expect(200);
    expect(broken.body.problems).toEqual([
      { line: 2, field: 'file', reason: 'line 2: a quoted cell is never closed' },
    ]);
    const empty = await importCsv('', true).expect(200);
    expect(empty.body.problems).toEqual([
      { line: 1, field: 'file', reason: 'the file is empty', code: 'file_empty' },
    ]);
    await http
      .as(cast.officer)
      .post('/api/v1/placements/import?dryRun=maybe', { csv: HEADER })
      .expect(400);
  });
});
