// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { parseCsv } from '@oris/shared/domain';
import ExcelJS from 'exceljs';

/** What exceljs's typings call a buffer; a Node Buffer is what it reads at run time. */
type WorkbookBytes = Parameters<ExcelJS.Workbook['xlsx']['load']>[0];
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import { signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { database, openSession } from './enrollment-client';

async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Feuil1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as WorkbookBytes);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))),
  );
  return rows;
}

/**
 * The enrollment import in the administrators' own words: headers and values as they know them
 * (French, Arabic, English labels), Excel workbooks, a template to start from, problems as codes
 * a language words, and "import the valid rows, give me the rest back" as an explicit choice.
 */
describe('enrollments: imports in the user’s language', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
  });

  afterAll(() => api.close());

  const importFile = (sessionId: string, body: object, query: string) =>
    http.as(cast.admin).post(`/api/v1/sessions/${sessionId}/enrollments/import?${query}`, body);
  const enrolledEmails = async (sessionId: string): Promise<string[]> =>
    (
      await database(api).query(
        `SELECT u.email FROM enrollment e JOIN users u ON u.id = e.user_id
          WHERE e.session_id = $1 ORDER BY u.email`,
        [sessionId],
      )
    ).map((row: { email: string }) => row.email);

  it('reads French headers and the labels people write ("Bac+2", "salariée", region names)', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    const csv = [
      'Adresse e-mail;Nom complet;Genre;Année de naissance;Région;Situation à l’inscription;Niveau d’études',
      'fr.one@example.ma;Amina Benali;Femme;1994;souss-massa;Salariée;Bac+2',
      'fr.two@example.ma;Omar Idrissi;homme;1990;Casablanca Settat;demandeur d’emploi;LICENCE',
    ].join('\n');
    const preview = await importFile(sessionId, { csv }, 'dryRun=true').expect(200);
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.rows).toHaveLength(2);
    await importFile(sessionId, { csv }, 'dryRun=false').expect(200);
    const people = await database(api).query(
      `SELECT u.email, u.gender, u.region_code AS "regionCode", e.baseline_situation AS situation,
              e.education_level AS education
         FROM enrollment e JOIN users u ON u.id = e.user_id
        WHERE e.session_id = $1 ORDER BY u.email`,
      [sessionId],
    );
    expect(people).toEqual([
      {
        email: 'fr.one@example.ma',
        gender: 'female',
        regionCode: 'MA-09',
        situation: 'employed',
        education: 'bac_plus_2',
      },
      {
        email: 'fr.two@example.ma',
        gender: 'male',
        regionCode: 'MA-06',
        situation: 'seeking',
        education: 'licence',
      },
    ]);
  });

  it('imports an Excel workbook with Arabic headers, naming rows as the spreadsheet numbers them', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    const bytes = await workbook([
      [
        'البريد الإلكتروني',
        'الاسم الكامل',
        'الجنس',
        'سنة الازدياد',
        'الجهة',
        'الوضعية عند التسجيل',
        'المستوى الدراسي',
      ],
      [
        'xlsx.one@example.ma',
        'Salma Alaoui',
        'أنثى',
        1992,
        'الرباط سلا القنيطرة',
        'أجيرة',
        'الإجازة',
      ],
      [null, null, null, null, null, null, null],
      ['xlsx.two@example.ma', 'Yassine Tazi', 'ذكر', 1989, 'MA-03', 'student', 'نجار'],
    ]);
    const preview = await importFile(
      sessionId,
      { xlsx: bytes.toString('base64') },
      'dryRun=true',
    ).expect(200);
    expect(preview.body.problems).toEqual([
      {
        line: 4,
        field: 'educationLevel',
        reason: expect.stringContaining('one of none'),
        code: 'not_in_list',
        params: { values: expect.stringContaining('bac_plus_2') },
      },
    ]);
    expect(preview.body.lines).toEqual([
      { line: 2, email: 'xlsx.one@example.ma', fullName: 'Salma Alaoui' },
      { line: 4, email: 'xlsx.two@example.ma', fullName: 'Yassine Tazi' },
    ]);
  });

  it('refuses files that are no workbook, damaged or too large with a 400 problem, never a 500', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    const refuse = async (body: object, code: string) => {
      const response = await importFile(sessionId, body, 'dryRun=true').expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe(code);
    };
    await refuse(
      { xlsx: Buffer.from('%PDF-1.7 not a workbook').toString('base64') },
      'import_file_invalid',
    );
    // A zip that is no workbook: a valid package without xl/workbook.xml.
    const valid = await workbook([['email'], ['a@example.ma']]);
    const renamed = Buffer.from(
      valid.toString('latin1').replace(/xl\/workbook\.xml/g, 'xl/notebook.xml'),
      'latin1',
    );
    await refuse({ xlsx: renamed.toString('base64') }, 'import_file_invalid');
    // A zip bomb announces what it unzips to: refused before anything is unzipped.
    const bomb = Buffer.from(valid);
    for (let offset = bomb.length - 22; offset > 0; offset--) {
      if (bomb.readUInt32LE(offset) === 0x02014b50) bomb.writeUInt32LE(0x7fffffff, offset + 24);
    }
    await refuse({ xlsx: bomb.toString('base64') }, 'import_file_too_large');
    // Over 640 KiB: refused before it is even looked at.
    await refuse({ xlsx: Buffer.alloc(659_000, 1).toString('base64') }, 'import_file_too_large');
    await refuse({ csv: 'email', xlsx: valid.toString('base64') }, 'import_file_required');
    await refuse({}, 'import_file_required');
    const notBase64 = await importFile(sessionId, { xlsx: 'not base64!' }, 'dryRun=true').expect(
      400,
    );
    expect(notBase64.body.errors).toEqual([{ field: 'xlsx', message: expect.any(String) }]);
  });

  describe('"import the valid rows, give me the rest back"', () => {
    const csv = [
      'email,fullName,gender,birthYear,regionCode,baselineSituation,educationLevel',
      'good.one@example.ma,Bonne Ligne,female,1994,MA-01,seeking,licence',
      'bad.one@example.ma,Mauvaise Ligne,female,1994,Atlantide,seeking,licence',
      'good.two@example.ma,Autre Bonne,male,1991,Fès-Meknès,employed,master',
      'not-an-email,,male,1991,MA-02,employed,master',
    ].join('\n');

    it('stays all-or-nothing unless the administrator chooses it', async () => {
      const { sessionId } = await openSession(api, cast.trainer);
      const refused = await importFile(sessionId, { csv }, 'dryRun=false').expect(400);
      expect(refused.body.errors).toContainEqual({
        field: 'lines.3.regionCode',
        message: expect.stringContaining('MA-01'),
      });
      expect(await enrolledEmails(sessionId)).toEqual([]);
    });

    it('previews the choice, then imports the valid rows in one go and gives the rest back in Arabic', async () => {
      const { sessionId } = await openSession(api, cast.trainer);
      const preview = await importFile(
        sessionId,
        { csv },
        'dryRun=true&validRowsOnly=true&locale=ar',
      ).expect(200);
      expect(preview.body).toMatchObject({ applied: false, rejected: 2, rejectedFile: null });
      expect(preview.body.rows.map((row: { email: string }) => row.email)).toEqual([
        'good.one@example.ma',
        'good.two@example.ma',
      ]);
      expect(await enrolledEmails(sessionId)).toEqual([]);

      const done = await importFile(
        sessionId,
        { csv },
        'dryRun=false&validRowsOnly=true&locale=ar',
      ).expect(200);
      expect(done.body).toMatchObject({ applied: true, confirmed: 2, rejected: 2 });
      expect(await enrolledEmails(sessionId)).toEqual([
        'good.one@example.ma',
        'good.two@example.ma',
      ]);
      expect(done.body.rejectedFile).toMatchObject({
        fileName: 'الأسطر-المرفوضة.csv',
        mediaType: 'text/csv',
      });
      const rows = parseCsv(
        Buffer.from(done.body.rejectedFile.base64, 'base64').toString('utf8'),
      ).map((record) => record.cells);
      expect(rows[0]).toEqual([
        'email',
        'fullName',
        'gender',
        'birthYear',
        'regionCode',
        'baselineSituation',
        'educationLevel',
        'الأخطاء',
      ]);
      expect(rows.slice(1).map((row) => row.slice(0, 7))).toEqual([
        [
          'bad.one@example.ma',
          'Mauvaise Ligne',
          'female',
          '1994',
          'Atlantide',
          'seeking',
          'licence',
        ],
        ['not-an-email', '', 'male', '1991', 'MA-02', 'employed', 'master'],
      ]);
      expect(rows[1][7]).toContain('الجهة: إحدى هذه القيم');
      expect(rows[2][7]).toContain('ليس عنوان بريد إلكتروني');
    });

    it('gives the rest of a workbook back as a workbook, the errors in French', async () => {
      const { sessionId } = await openSession(api, cast.trainer);
      const bytes = await workbook(parseCsv(csv).map((record) => record.cells));
      const done = await importFile(
        sessionId,
        { xlsx: bytes.toString('base64') },
        'dryRun=false&validRowsOnly=true&locale=fr',
      ).expect(200);
      expect(done.body.rejectedFile.fileName).toBe('lignes-refusees.xlsx');
      const rows = await sheetRows(Buffer.from(done.body.rejectedFile.base64, 'base64'));
      expect(rows[0].at(-1)).toBe('Erreurs');
      expect(rows.slice(1).map((row) => row[0])).toEqual(['bad.one@example.ma', 'not-an-email']);
      expect(rows[1].at(-1)).toContain('Région : une de ces valeurs');
    });

    it('has nothing to choose when no row is fine, and refuses as before', async () => {
      const { sessionId } = await openSession(api, cast.trainer);
      const allBad = csv
        .split('\n')
        .filter((line, index) => index === 0 || line.includes('bad') || line.includes('not-an'))
        .join('\n');
      await importFile(sessionId, { csv: allBad }, 'dryRun=false&validRowsOnly=true').expect(400);
      expect(await enrolledEmails(sessionId)).toEqual([]);
    });
  });

  describe('templates', () => {
    const template = (query: string) =>
      http
        .as(cast.admin)
        .get(`/api/v1/enrollment-imports/template?${query}`)
        .buffer(true)
        // Read as bytes: a workbook is binary, and the CSV's BOM must survive.
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });

    it('writes a CSV template with French headers that imports as it is', async () => {
      const response = await template('format=csv&language=fr').expect(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['content-disposition']).toContain('modele-inscriptions.csv');
      const text = (response.body as Buffer).toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, example] = parseCsv(text).map((record) => record.cells);
      expect(header.slice(0, 4)).toEqual([
        'Adresse e-mail',
        'Nom complet',
        'Situation à l’inscription',
        'Niveau d’études',
      ]);
      expect(example).toContain('Rabat-Salé-Kénitra');
      const { sessionId } = await openSession(api, cast.trainer);
      const preview = await importFile(sessionId, { csv: text }, 'dryRun=true').expect(200);
      expect(preview.body.problems).toEqual([]);
    });

    it('writes an Excel template in Arabic, or with the codes, that imports as it is', async () => {
      for (const language of ['ar', 'codes']) {
        const response = await template(`format=xlsx&language=${language}`).expect(200);
        expect(response.headers['content-type']).toContain('spreadsheetml');
        const rows = await sheetRows(response.body as Buffer);
        expect(rows[0][0]).toBe(language === 'ar' ? 'البريد الإلكتروني' : 'email');
        const { sessionId } = await openSession(api, cast.trainer);
        const preview = await importFile(
          sessionId,
          { xlsx: (response.body as Buffer).toString('base64') },
          'dryRun=true',
        ).expect(200);
        expect(preview.body.problems).toEqual([]);
      }
    });

    it('is for administrators only, and refuses unknown formats', async () => {
      const trainer = await signInWithRoles(api, cast.admin, ['trainer']);
      await http.as(trainer).get('/api/v1/enrollment-imports/template').expect(403);
      await http.anonymous.get('/api/v1/enrollment-imports/template').expect(401);
      await http.as(cast.admin).get('/api/v1/enrollment-imports/template?format=ods').expect(400);
      await http.as(cast.admin).get('/api/v1/enrollment-imports/template?language=de').expect(400);
    });
  });
});
