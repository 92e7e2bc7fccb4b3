import { PARTNERSHIPS_DEFINITION_VERSION, partnershipsDefinition } from './partnerships-definition';

describe('the partnerships indicator’s definition', () => {
  // 23:30 UTC on 31 December is already 1 January in Morocco (UTC+1).
  const knownAt = new Date('2025-12-31T23:30:00Z');
  const text = partnershipsDefinition(2025, '2025-12-31', knownAt);

  it('states the rule in the three languages, with the year, the reference day and the instant of knowledge in Morocco', () => {
    for (const language of ['fr', 'ar', 'en'] as const) {
      expect(text[language]).toContain('2025');
      expect(text[language]).toContain('2025-12-31');
      expect(text[language]).toContain('2026-01-01 00:30:00');
    }
    expect(text.en).toContain('An unsigned collaboration never counts');
  });

  it('carries the version a frozen report keeps', () => {
    expect(PARTNERSHIPS_DEFINITION_VERSION).toBe('partnerships-1');
  });
});
