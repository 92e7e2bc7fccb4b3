import type { CompletionRule } from '@oris/web/core';

export interface CompletionRuleLine {
  key: string;
  params?: Record<string, unknown>;
}

/** The completion rule in plain words, one line per condition to meet. */
export function completionRuleLines(rule: CompletionRule): CompletionRuleLine[] {
  const lines: CompletionRuleLine[] = [];
  if (rule.requiredModules) lines.push({ key: 'catalogue.completion.requiredModules' });
  if (rule.minAttendancePercent !== null && rule.minAttendancePercent > 0) {
    lines.push({
      key: 'catalogue.completion.minAttendance',
      params: { percent: rule.minAttendancePercent },
    });
  }
  if (rule.trainerValidation) lines.push({ key: 'catalogue.completion.trainerValidation' });
  return lines.length ? lines : [{ key: 'catalogue.completion.none' }];
}
