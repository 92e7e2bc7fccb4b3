import { IMPORT_PROBLEM_CODES } from './enrollment-import';
import { IMPORT_PROBLEM_WORDS, importProblemWords } from './import-problem-words';
import { LOCALES } from './vocabularies';

describe('importProblemWords', () => {
  it('words every problem code in every language', () => {
    for (const code of IMPORT_PROBLEM_CODES) {
      for (const locale of LOCALES) expect(IMPORT_PROBLEM_WORDS[code][locale]).toBeTruthy();
    }
  });

  it('puts the parameters in, plurals chosen by the language', () => {
    expect(importProblemWords('duplicate_email', { line: 4 }, 'fr')).toBe('déjà à la ligne 4');
    expect(importProblemWords('too_long', { max: 1 }, 'en')).toBe('at most 1 character');
    expect(importProblemWords('too_long', { max: 200 }, 'en')).toBe('at most 200 characters');
    expect(importProblemWords('too_long', { max: 3 }, 'ar')).toBe('3 أحرف على الأكثر');
    expect(importProblemWords('too_long', { max: 2 }, 'ar')).toBe('حرفان على الأكثر');
  });

  it('leaves a placeholder without its parameter as it is', () => {
    expect(importProblemWords('not_in_list', undefined, 'en')).toBe('one of {{values}}');
  });
});
