import { completionRuleLines } from './completion-rule';

describe('completionRuleLines', () => {
  it('says every condition of the rule', () => {
    expect(
      completionRuleLines({
        requiredModules: true,
        minAttendancePercent: 80,
        trainerValidation: true,
      }),
    ).toEqual([
      { key: 'catalogue.completion.requiredModules' },
      { key: 'catalogue.completion.minAttendance', params: { percent: 80 } },
      { key: 'catalogue.completion.trainerValidation' },
    ]);
  });

  it('leaves out an attendance threshold of none or zero', () => {
    const rule = { requiredModules: true, trainerValidation: false };

    expect(completionRuleLines({ ...rule, minAttendancePercent: null })).toEqual([
      { key: 'catalogue.completion.requiredModules' },
    ]);
    expect(completionRuleLines({ ...rule, minAttendancePercent: 0 })).toHaveLength(1);
  });

  it('says so when nothing is asked', () => {
    expect(
      completionRuleLines({
        requiredModules: false,
        minAttendancePercent: null,
        trainerValidation: false,
      }),
    ).toEqual([{ key: 'catalogue.completion.none' }]);
  });
});
