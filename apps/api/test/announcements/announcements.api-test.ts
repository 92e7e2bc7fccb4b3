// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { AnnouncementFanOut } from '@oris/api/announcements';
import {
  startEmailWorker,
  startSmtpServer,
  type EmailWorkerHandle,
  type ReceivedEmail,
  type TestSmtpServer,
} from '@oris/api/notifications/testing';
import { castOf, client, type Cast } from '../catalogue/catalogue-client';
import { baseline, bulkPeople, database, openSession } from '../enrollments/enrollment-client';
import type { Session } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { eventually, workerConfig } from '../notifications/outbox-support';
import type { TestApp } from '../support/test-app';
import {
  captureLogLines,
  obliterateAnnouncementQueue,
  startAnnouncementWorker,
} from './announcement-support';

const TOKEN_IN_LINK = /\/unsubscribe\?token=([A-Za-z0-9_-]{43})/;

describe('announcements: a trainer announces, each trainee is told in the app and by email in their language', () => {
  let api: TestApp;
  let smtp: TestSmtpServer;
  let emails: EmailWorkerHandle | undefined;
  let fanOutWorker: INestApplicationContext | undefined;
  let cast: Cast;
  let sessionId: string;
  let arabic: Session;
  let english: Session;
  let french: Session;
  let muted: Session;
  let outsider: Session;
  let announcementId: string;
  let logs: ReturnType<typeof captureLogLines>;
  const http = () => client(api);

  beforeAll(async () => {
    // Request logs on, so the test can read them for the unsubscribe token.
    logs = captureLogLines();
    api = await startIdentityTestApp({ LOG_LEVEL: 'info' });
    smtp = await startSmtpServer();
    cast = await castOf(api);
    ({ sessionId } = await openSession(api, cast.trainer, { session: { capacity: 10 } }));
    [arabic] = await bulkPeople(api, 1, ['trainee'], 'ar');
    [english] = await bulkPeople(api, 1, ['trainee'], 'en');
    [french, muted] = await bulkPeople(api, 2, ['trainee'], 'fr');
    for (const trainee of [arabic, english, french, muted]) {
      const enrolled = await http()
        .as(trainee)
        .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
        .expect(201);
      expect(enrolled.body.status).toBe('confirmed');
    }
    // A trainee of another session of another trainer: none of this is theirs.
    const other = await openSession(api, cast.otherTrainer);
    [outsider] = await bulkPeople(api, 1, ['trainee'], 'fr');
    await http()
      .as(outsider)
      .post(`/api/v1/sessions/${other.sessionId}/enrollments`, baseline())
      .expect(201);
  });

  afterAll(async () => {
    await fanOutWorker?.close();
    await emails?.close();
    if (api) await obliterateAnnouncementQueue(api.config);
    await api?.close();
    await smtp?.close();
    logs?.stop();
  });

  it('lets a trainee mute the session’s emails from their learning space', async () => {
    const path = `/api/v1/me/sessions/${sessionId}/announcement-email`;
    expect((await http().as(muted).get(path).expect(200)).body).toEqual({ muted: false });
    await http().as(muted).put(path, { muted: true }).expect(200, { muted: true });
    expect((await http().as(muted).get(path).expect(200)).body).toEqual({ muted: true });
    const mutes = await http().as(muted).get('/api/v1/me/announcement-email-mutes').expect(200);
    expect(mutes.body).toEqual({ sessionIds: [sessionId] });
    // The session's staff have no such choice (403); anyone else sees nothing (404).
    await http().as(cast.trainer).get(path).expect(403);
    await http().as(outsider).put(path, { muted: true }).expect(404);
    await http().as(muted).put(path, { muted: 'yes' }).expect(400);
  });

  it('posts at once and notifies every trainee in the app, the muted one too', async () => {
    const posted = await http()
      .as(cast.trainer)
      .post(`/api/v1/sessions/${sessionId}/announcements`, {
        title: 'Changement de salle',
        body: 'La séance de jeudi aura lieu en **salle 3**.\n\n<script>alert(1)</script>',
      })
      .expect(201);
    announcementId = posted.body.id;
    expect(posted.body).toMatchObject({ byEmail: true, editedAt: null, sessionId });
    expect(posted.body.bodyHtml).toContain('<strong>salle 3</strong>');
    expect(posted.body.bodyHtml).not.toContain('<script>');
    // The emails are the worker's job: none is written by the request.
    const written: unknown[] = await database(api).query(
      `SELECT 1 FROM email_outbox WHERE template = 'session_announcement'`,
    );
    expect(written).toHaveLength(0);

    for (const trainee of [arabic, english, french, muted]) {
      const count = await http().as(trainee).get('/api/v1/me/notifications/unread-count');
      expect(count.body).toEqual({ unread: 1 });
      const list = await http().as(trainee).get('/api/v1/me/notifications').expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          kind: 'announcement',
          params: expect.objectContaining({ title: 'Changement de salle' }),
          link: `/learning/sessions/${sessionId}/announcements`,
          readAt: null,
        }),
      ]);
      const read = await http().as(trainee).get(`/api/v1/sessions/${sessionId}/announcements`);
      expect(read.status).toBe(200);
      expect(read.body.map((item: { id: string }) => item.id)).toEqual([announcementId]);
    }
    expect(
      (await http().as(cast.trainer).get('/api/v1/me/notifications/unread-count')).body,
    ).toEqual({ unread: 0 });
  });

  it('emails each trainee in their own language through SMTP, and not the one who muted', async () => {
    const config = workerConfig(api, smtp.url);
    fanOutWorker = await startAnnouncementWorker(config);
    emails = await startEmailWorker(config);
    const to = (who: Session) => (message: ReceivedEmail) =>
      message.to.includes(who.email) && message.subject.includes('Changement de salle');
    const arabicMail = await smtp.waitFor(to(arabic), 20_000);
    const englishMail = await smtp.waitFor(to(english), 20_000);
    const frenchMail = await smtp.waitFor(to(french), 20_000);
    expect(arabicMail.subject).toBe(
      'إعلان: Changement de salle («' + (await sessionTitle()) + '»)',
    );
    expect(englishMail.subject.startsWith('Announcement: Changement de salle')).toBe(true);
    expect(frenchMail.subject.startsWith('Annonce : Changement de salle')).toBe(true);
    // The frame is the trainee's language; the trainer's text is as written.
    for (const mail of [arabicMail, englishMail, frenchMail]) {
      expect(mail.text).toContain('La séance de jeudi aura lieu en **salle 3**.');
      expect(mail.text).toMatch(TOKEN_IN_LINK);
    }
    expect(arabicMail.html).toContain('dir="rtl"');
    expect(arabicMail.html).not.toContain('<script>alert');

    // Written once: a repeated job finds the announcement expanded and writes nothing.
    expect(await fanOutWorker.get(AnnouncementFanOut).expand(announcementId)).toBe(0);
    const rows: { userId: string }[] = await database(api).query(
      `SELECT user_id AS "userId" FROM email_outbox WHERE template = 'session_announcement'`,
    );
    expect(rows.map((row) => row.userId).sort()).toEqual(
      [arabic, english, french].map((who) => who.user.id).sort(),
    );
    expect(smtp.messages.filter(to(muted))).toHaveLength(0);
  });

  it('marks one notification read, then all', async () => {
    const list = await http().as(french).get('/api/v1/me/notifications?order=unread_first');
    const [first] = list.body.items;
    const read = await http().as(french).post(`/api/v1/me/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await http().as(french).get('/api/v1/me/notifications/unread-count')).body).toEqual({
      unread: 0,
    });
    // Someone else's notification does not exist for them.
    await http().as(arabic).post(`/api/v1/me/notifications/${first.id}/read`).expect(404);
    await http().as(outsider).post(`/api/v1/me/notifications/${first.id}/read`).expect(404);
    const all = await http().as(arabic).post('/api/v1/me/notifications/read-all').expect(200);
    expect(all.body).toEqual({ marked: 1 });
    expect((await http().as(arabic).get('/api/v1/me/notifications/unread-count')).body).toEqual({
      unread: 0,
    });
    await http().anonymous.get('/api/v1/me/notifications/unread-count').expect(401);
  });

  it('keeps other people out: another session’s trainee and another trainer get 404, a trainee 403', async () => {
    const list = `/api/v1/sessions/${sessionId}/announcements`;
    await http().as(outsider).get(list).expect(404);
    await http().as(cast.otherTrainer).get(list).expect(404);
    await http().as(cast.otherTrainer).post(list, { title: 'x', body: 'y' }).expect(404);
    await http().as(french).post(list, { title: 'x', body: 'y' }).expect(403);
    await http()
      .as(french)
      .patch(`/api/v1/announcements/${announcementId}`, { title: 'x' })
      .expect(403);
    await http().as(outsider).delete(`/api/v1/announcements/${announcementId}`).expect(404);
    await http()
      .as(cast.otherTrainer)
      .delete(`/api/v1/announcements/${announcementId}`)
      .expect(404);
    await http().anonymous.get(list).expect(401);
    // An administrator may announce to any session.
    await http().as(cast.admin).get(list).expect(200);
  });

  it('refuses bad input with a problem+json 400 and writes nothing', async () => {
    const path = `/api/v1/sessions/${sessionId}/announcements`;
    const cases: [string, object][] = [
      [path, { title: '', body: 'x' }],
      [path, { title: 'x', body: '   ' }],
      [path, { title: 'x'.repeat(201), body: 'x' }],
      [path, { title: 'a\nb', body: 'x' }],
      [path, { title: 'x', body: 'y', byEmail: 'yes' }],
      [path, { title: 'x', body: 'y', sessionId }],
      ['/api/v1/sessions/not-a-uuid/announcements', { title: 'x', body: 'y' }],
    ];
    for (const [url, body] of cases) {
      const answer = await http().as(cast.trainer).post(url, body);
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }
    await http().as(french).get('/api/v1/me/notifications?order=oldest').expect(400);
    await http().as(french).get('/api/v1/me/notifications?pageSize=1000').expect(400);
    await http().as(french).post('/api/v1/me/notifications/nope/read').expect(400);
    const count: { n: number }[] = await database(api).query(
      `SELECT count(*)::int AS n FROM announcement`,
    );
    expect(count[0].n).toBe(1);
  });

  it('unsubscribes once through the emailed link, and never logs its token', async () => {
    const frenchMail = smtp.messages.find(
      (message) =>
        message.to.includes(french.email) && message.subject.includes('Changement de salle'),
    );
    const token = TOKEN_IN_LINK.exec(frenchMail?.text ?? '')?.[1] as string;
    expect(token).toHaveLength(43);
    const stored: { hash: Buffer }[] = await database(api).query(
      `SELECT token_hash AS hash FROM announcement_unsubscribe WHERE user_id = $1`,
      [french.user.id],
    );
    expect(stored[0].hash.toString('utf8')).not.toContain(token);

    const before = logs.text().length;
    {
      const done = await http().anonymous.post('/api/v1/announcement-unsubscribe', { token });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ sessionId, sessionTitle: await sessionTitle() });
      const again = await http().anonymous.post('/api/v1/announcement-unsubscribe', { token });
      expect(again.status).toBe(404);
      expect(again.body.code).toBe('unsubscribe_link_not_found');
      await http()
        .anonymous.post('/api/v1/announcement-unsubscribe', { token: 'short' })
        .expect(404);
      await http().anonymous.post('/api/v1/announcement-unsubscribe', {}).expect(400);
    }
    const written = logs.text().slice(before);
    // The requests were logged (so the check below can fail), without the token.
    expect(written).toContain('/api/v1/announcement-unsubscribe');
    expect(written).not.toContain(token);
    const preference = await http()
      .as(french)
      .get(`/api/v1/me/sessions/${sessionId}/announcement-email`);
    expect(preference.body).toEqual({ muted: true });

    // The next announcement reaches them in the app only.
    const second = await http()
      .as(cast.trainer)
      .post(`/api/v1/sessions/${sessionId}/announcements`, { title: 'Rappel', body: 'Demain 9 h.' })
      .expect(201);
    await smtp.waitFor(
      (message) => message.to.includes(arabic.email) && message.subject.includes('Rappel'),
      20_000,
    );
    await eventually(async () => {
      const rows: unknown[] = await database(api).query(
        `SELECT 1 FROM announcement WHERE id = $1 AND email_state = 'sent'`,
        [second.body.id],
      );
      return rows.length > 0 ? true : undefined;
    });
    const toFrench: unknown[] = await database(api).query(
      `SELECT 1 FROM email_outbox WHERE user_id = $1 AND params->>'title' = 'Rappel'`,
      [french.user.id],
    );
    expect(toFrench).toHaveLength(0);
    expect((await http().as(french).get('/api/v1/me/notifications/unread-count')).body).toEqual({
      unread: 1,
    });
  });

  it('edits with a visible mark and deletes with its notifications', async () => {
    const edited = await http()
      .as(cast.trainer)
      .patch(`/api/v1/announcements/${announcementId}`, { title: 'Changement de salle (salle 4)' })
      .expect(200);
    expect(edited.body.editedAt).not.toBeNull();
    const seen = await http().as(english).get('/api/v1/me/notifications');
    expect(
      seen.body.items.map((item: { params: { title: string } }) => item.params.title),
    ).toContain('Changement de salle (salle 4)');
    await http().as(cast.trainer).delete(`/api/v1/announcements/${announcementId}`).expect(204);
    await http().as(cast.trainer).delete(`/api/v1/announcements/${announcementId}`).expect(404);
    const after = await http().as(english).get('/api/v1/me/notifications');
    expect(
      after.body.items.map((item: { params: { title: string } }) => item.params.title),
    ).toEqual(['Rappel']);
  });

  async function sessionTitle(): Promise<string> {
    const [row]: { title: string }[] = await database(api).query(
      `SELECT title FROM course_session WHERE id = $1`,
      [sessionId],
    );
    return row.title;
  }
});
