import { evaluateCompletion } from '@oris/shared/domain';
import { decideCompletion, unmetCompletion } from './completion-decision';

const rule = { requiresModules: true, minAttendancePercent: null, requiresTrainerValidation: true };
const noModulesDone = evaluateCompletion(rule, {
  requiredModules: 3,
  requiredModulesDone: 0,
  meetingsHeld: 0,
  meetingsAttended: 0,
});
const allDone = evaluateCompletion(rule, {
  requiredModules: 3,
  requiredModulesDone: 3,
  meetingsHeld: 0,
  meetingsAttended: 0,
});
const ended = { sessionEndsOn: '2025-06-30', today: '2026-01-15' };
const endsToday = { sessionEndsOn: '2026-01-15', today: '2026-01-15' };

describe('decideCompletion', () => {
  it('records a completion the records show, whoever records it', () => {
    expect(decideCompletion(allDone, { byAdministrator: false, ...ended })).toEqual({
      outcome: 'met',
    });
    expect(decideCompletion(allDone, { byAdministrator: true, ...ended })).toEqual({
      outcome: 'met',
    });
  });

  it('lets an administrator attest the completion of a session that has ended, naming what the records miss', () => {
    const decision = decideCompletion(noModulesDone, { byAdministrator: true, ...ended });
    expect(decision).toEqual({ outcome: 'attested', unmet: noModulesDone.unmet });
  });

  it('keeps the course’s rule for trainers, and for administrators while the session runs', () => {
    expect(decideCompletion(noModulesDone, { byAdministrator: false, ...ended }).outcome).toBe(
      'refused',
    );
    expect(decideCompletion(noModulesDone, { byAdministrator: true, ...endsToday }).outcome).toBe(
      'refused',
    );
  });

  it('answers a refusal with the code of the first unmet criterion', () => {
    expect(unmetCompletion(noModulesDone.unmet).code).toBe('required_modules_incomplete');
  });
});
