import type { Locale } from '@oris/shared/domain';
import { textsOf, type Practice } from '../shared/practice-types';

/** The languages the sheet is readable in, the original first. */
export const languagesOf = (sheet: Pick<Practice, 'originalLanguage' | 'texts'>): Locale[] => {
  const texts = textsOf(sheet);
  return [
    sheet.originalLanguage,
    ...(['fr', 'ar', 'en'] as const).filter(
      (language) => language !== sheet.originalLanguage && texts[language]?.title,
    ),
  ];
};
