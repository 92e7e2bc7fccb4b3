// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { AccessTokens } from '@oris/api/identity';
import { client } from '../catalogue/catalogue-client';
import { baseline, openSession } from '../enrollments/enrollment-client';
import { signInWithRoles, type Session } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import {
  auditEvents,
  pastCohort,
  placementBody,
  placementCast,
  type PlacementCast,
} from '../placements/placement-client';
import type { TestApp } from '../support/test-app';

/**
 * Law 09-08: a trainee asks the officers to correct their situation and reads the answer;
 * trainers do not see enrollees' baseline unless the course needs it; officers read the
 * situation only of people they may follow.
 */
describe('privacy: rectification requests and minimisation', () => {
  let api: TestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
    http = client(api);
  });

  afterAll(() => api.close());

  const sessionOf = async (person: { userId: string; email: string }): Promise<Session> =>
    ({
      accessToken: (
        await api.app
          .get(AccessTokens)
          .issue({ id: person.userId, email: person.email, roles: ['trainee'] })
      ).accessToken,
    }) as Session;

  describe('rectification requests', () => {
    it('lets a trainee ask about their own situation, shows it to officers, and the answer to the trainee only', async () => {
      const cohort = await pastCohort(api, cast, 2);
      const [asker, other] = cohort.completers;
      const placement = await http
        .as(cast.officer)
        .post('/api/v1/placements', placementBody(asker.userId))
        .expect(201);
      const otherPlacement = await http
        .as(cast.officer)
        .post('/api/v1/placements', placementBody(other.userId))
        .expect(201);
      const askerSession = await sessionOf(asker);
      const otherSession = await sessionOf(other);

      // Someone else's situation is unknown to them.
      await http
        .as(askerSession)
        .post('/api/v1/me/rectification-requests', {
          placementId: otherPlacement.body.id,
          message: 'Ce n’est pas moi.',
        })
        .expect(404);
      await http
        .as(askerSession)
        .post('/api/v1/me/rectification-requests', { message: '   ' })
        .expect(400);
      const created = await http
        .as(askerSession)
        .post('/api/v1/me/rectification-requests', {
          placementId: placement.body.id,
          message: 'Mon contrat est à durée déterminée, pas un CDI.',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        status: 'open',
        placementId: placement.body.id,
        person: { id: asker.userId },
        answer: null,
      });
      const id = created.body.id as string;

      // In the officers' queue, open first.
      const queue = await http
        .as(cast.officer)
        .get('/api/v1/rectification-requests?status=open')
        .expect(200);
      expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(id);

      // Not to other trainees, nor to trainers: the same 404 as a request that does not exist.
      await http.as(otherSession).get(`/api/v1/rectification-requests/${id}`).expect(404);
      await http.as(cast.trainer).get(`/api/v1/rectification-requests/${id}`).expect(404);
      await http.as(otherSession).get('/api/v1/rectification-requests').expect(403);
      await http
        .as(otherSession)
        .post(`/api/v1/rectification-requests/${id}/resolve`, { answer: 'Fait.' })
        .expect(403);
      const theirs = await http
        .as(otherSession)
        .get('/api/v1/me/rectification-requests')
        .expect(200);
      expect(theirs.body).toEqual([]);

      // The officer corrects the situation, then answers; the trainee reads the status.
      await http
        .as(cast.officer)
        .patch(`/api/v1/placements/${placement.body.id}`, { contract: 'fixed_term' })
        .expect(200);
      const resolved = await http
        .as(cast.officer)
        .post(`/api/v1/rectification-requests/${id}/resolve`, {
          answer: 'Corrigé : contrat à durée déterminée.',
        })
        .expect(200);
      expect(resolved.body).toMatchObject({ status: 'resolved', answer: expect.any(String) });
      await http
        .as(cast.officer)
        .post(`/api/v1/rectification-requests/${id}/resolve`, { answer: 'Encore.' })
        .expect(409);
      const mine = await http.as(askerSession).get('/api/v1/me/rectification-requests').expect(200);
      expect(mine.body).toEqual([
        expect.objectContaining({
          id,
          status: 'resolved',
          answer: 'Corrigé : contrat à durée déterminée.',
        }),
      ]);
      await http.as(askerSession).get(`/api/v1/rectification-requests/${id}`).expect(200);
      const exported = await http.as(askerSession).get('/api/v1/me/export').expect(200);
      expect(exported.body.rectificationRequests).toEqual([
        expect.objectContaining({ id, status: 'resolved' }),
      ]);

      const actions = (await auditEvents(api, asker.userId)).map((event) => event.action);
      expect(actions).toEqual(
        expect.arrayContaining(['rectification.requested', 'rectification.resolved']),
      );
    });
  });

  describe('minimisation', () => {
    it('hides enrollees’ baseline from the session’s trainers unless the course needs it', async () => {
      const hidden = await openSession(api, cast.trainer);
      const trainee = await signInWithRoles(api, cast.admin, ['trainee']);
      await http
        .as(trainee)
        .post(
          `/api/v1/sessions/${hidden.sessionId}/enrollments`,
          baseline({ baselineSituation: 'employed' }),
        )
        .expect(201);

      const forTrainer = await http
        .as(cast.trainer)
        .get(`/api/v1/sessions/${hidden.sessionId}/enrollments`)
        .expect(200);
      expect(forTrainer.body.items).toHaveLength(1);
      const [row] = forTrainer.body.items;
      expect(row.baselineSituation).toBeNull();
      expect(row.educationLevel).toBeNull();
      const one = await http.as(cast.trainer).get(`/api/v1/enrollments/${row.id}`).expect(200);
      expect(one.body).toMatchObject({ baselineSituation: null, educationLevel: null });
      // The person and administrators still see it.
      const own = await http.as(trainee).get('/api/v1/me/enrollments').expect(200);
      expect(own.body.items[0]).toMatchObject({
        baselineSituation: 'employed',
        educationLevel: 'licence',
      });
      const forAdmin = await http
        .as(cast.admin)
        .get(`/api/v1/sessions/${hidden.sessionId}/enrollments`)
        .expect(200);
      expect(forAdmin.body.items[0].baselineSituation).toBe('employed');

      // The course's owner turns it on: the trainers see it.
      const course = await http
        .as(cast.trainer)
        .get(`/api/v1/courses/${hidden.courseId}`)
        .expect(200);
      expect(course.body.baselineVisibleToTrainers).toBe(false);
      const changed = await http
        .as(cast.trainer)
        .patch(`/api/v1/courses/${hidden.courseId}`, { baselineVisibleToTrainers: true })
        .expect(200);
      expect(changed.body.baselineVisibleToTrainers).toBe(true);
      const now = await http
        .as(cast.trainer)
        .get(`/api/v1/sessions/${hidden.sessionId}/enrollments`)
        .expect(200);
      expect(now.body.items[0]).toMatchObject({
        baselineSituation: 'employed',
        educationLevel: 'licence',
      });
      // Another trainer cannot change the setting of a course they do not own.
      const other = await signInWithRoles(api, cast.admin, ['trainer']);
      await http
        .as(other)
        .patch(`/api/v1/courses/${hidden.courseId}`, { baselineVisibleToTrainers: false })
        .expect((response) => expect([403, 404]).toContain(response.status));
    });

    it('gives a person’s situation only for people officers may follow', async () => {
      const cohort = await pastCohort(api, cast, 1);
      const [trained] = cohort.completers;
      await http.as(cast.officer).get(`/api/v1/people/${trained.userId}/situation`).expect(200);
      // A trainee still in training, and a staff account, are not theirs to follow.
      const learner = await signInWithRoles(api, cast.admin, ['trainee']);
      const { sessionId } = await openSession(api, cast.trainer);
      await http
        .as(learner)
        .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
        .expect(201);
      for (const id of [learner.user.id, cast.trainer.user.id]) {
        const response = await http
          .as(cast.officer)
          .get(`/api/v1/people/${id}/situation`)
          .expect(404);
        expect(response.body).not.toHaveProperty('person');
        expect(JSON.stringify(response.body)).not.toContain('@');
      }
      const reads = (await auditEvents(api, learner.user.id)).filter(
        (event) => event.action === 'person.situation_read',
      );
      expect(reads).toEqual([]);
    });
  });
});
