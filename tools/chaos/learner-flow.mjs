// The chaos run's load: one learner's path (enroll, complete, certificate, verify, placement),
// run by many learners at a time.
import { randomUUID } from 'node:crypto';
import { accessToken } from './http-client.mjs';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * One learner's path: enroll, the completion validated, the certificate issued and verified, a
 * placement recorded. What the client saw acknowledged is kept for the checks.
 */
export async function learnerFlow(call, { learner, tokens }, outcome) {
  const enrolled = await call('POST', `/api/v1/sessions/${learner.session}/enrollments`, {
    token: tokens.learner,
    key: randomUUID(),
    body: { baselineSituation: 'seeking', educationLevel: 'licence' },
    accept: (status) => status === 201 || status === 200,
  });
  outcome.enrollmentId = enrolled.body.id;
  outcome.enrolled = enrolled.body.status;

  // Completing twice is refused (the first call may have committed before its answer was lost):
  // a 409 on a retry is checked against the enrollment itself.
  await call('POST', `/api/v1/enrollments/${outcome.enrollmentId}/complete`, {
    token: tokens.admin,
    body: {},
    accept: (status, body) =>
      status === 200 || (status === 409 && body?.code === 'illegal_transition'),
  });
  const { body: detail } = await call('GET', `/api/v1/enrollments/${outcome.enrollmentId}`, {
    token: tokens.admin,
    accept: (status) => status === 200,
  });
  if (detail.status !== 'completed') throw new Error(`enrollment ${detail.status}, not completed`);
  outcome.completed = true;

  const { body: certificate } = await call(
    'POST',
    `/api/v1/enrollments/${outcome.enrollmentId}/certificate`,
    { token: tokens.admin, accept: (status) => status === 201 || status === 200 },
  );
  outcome.certificate = { id: certificate.id, serial: certificate.serial };

  const { body: verified } = await call('GET', `/api/v1/verify/${certificate.verificationCode}`, {
    accept: (status) => status === 200,
  });
  outcome.verified = verified.serial === certificate.serial;

  await call('POST', '/api/v1/placements', {
    token: tokens.officer,
    key: randomUUID(),
    body: {
      userId: learner.id,
      enrollmentId: outcome.enrollmentId,
      kind: 'wage_employment',
      contract: 'fixed_term',
      employerName: 'Coopérative Tifawin',
      sector: 'Agro-alimentaire',
      position: 'Aide-comptable',
      regionCode: 'MA-09',
      startOn: today(),
      source: 'officer',
      evidence: 'declared',
    },
    accept: (status) => status === 201,
  });
  outcome.placed = true;
}

/** The load: `flows` learners at a time, each taking the next person, until `stopAt`. */
export async function runLoad({ call, seeded, secret, flows, stopAt, results }) {
  const tokens = {
    admin: accessToken(secret, seeded.staff.admin, ['admin']),
    officer: accessToken(secret, seeded.staff.placement_officer, ['placement_officer']),
  };
  let next = 0;
  const flow = async () => {
    while (Date.now() < stopAt && next < seeded.learners.length) {
      const learner = seeded.learners[next++];
      const outcome = { learner: learner.id, email: learner.email };
      results.push(outcome);
      try {
        await learnerFlow(
          call,
          {
            learner,
            tokens: { ...tokens, learner: accessToken(secret, learner, ['trainee']) },
          },
          outcome,
        );
        outcome.done = true;
      } catch (err) {
        outcome.error = err.message;
      }
    }
  };
  await Promise.all(Array.from({ length: flows }, flow));
}
