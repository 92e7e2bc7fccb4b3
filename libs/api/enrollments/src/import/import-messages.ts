import {
  ENROLLMENT_IMPORT_COLUMNS,
  type EnrollmentImportColumn,
  importColumnHeader,
  type ImportProblemCode,
  importProblemWords,
  type Locale,
} from '@oris/shared/domain';
import type { ImportProblem } from './import-rows';

/** A problem's column as the reader knows it (their language's header), or the file as a whole. */
const FILE_WORD: Record<Locale, string> = { fr: 'fichier', ar: 'الملف', en: 'file' };

/**
 * One line of the error column of a rejected row: "Région : obligatoire" (the words are those
 * the import page shows: `importProblemWords`).
 */
export function describeProblem(problem: ImportProblem, locale: Locale): string {
  const column = (ENROLLMENT_IMPORT_COLUMNS as readonly string[]).includes(problem.field)
    ? importColumnHeader(problem.field as EnrollmentImportColumn, locale)
    : problem.field === 'file'
      ? FILE_WORD[locale]
      : problem.field;
  const reason = problem.code
    ? importProblemWords(problem.code as ImportProblemCode, problem.params, locale)
    : problem.reason;
  return `${column}${locale === 'fr' ? ' : ' : ': '}${reason}`;
}
