import {
  ENROLLMENT_IMPORT_COLUMNS,
  type EnrollmentImportColumn,
  importColumnHeader,
  type ImportProblemCode,
  type Locale,
} from '@oris/shared/domain';
import type { ImportProblem } from './import-rows';

/**
 * An import problem in words, for the API's `reason` (English) and for the file of rejected rows
 * the administrator gets back (in their language). The import page words the same codes from
 * its own translation files.
 */
const MESSAGES: Record<ImportProblemCode, Record<Locale, string>> = {
  file_empty: {
    en: 'the file is empty',
    fr: 'le fichier est vide',
    ar: 'الملف فارغ',
  },
  file_unreadable: {
    en: 'the file cannot be read as a spreadsheet',
    fr: 'le fichier ne peut pas être lu comme un tableur',
    ar: 'تعذّرت قراءة الملف كجدول بيانات',
  },
  file_not_xlsx: {
    en: 'not an Excel file (.xlsx): save it as .xlsx or CSV',
    fr: 'ce n’est pas un fichier Excel (.xlsx) : enregistrez-le en .xlsx ou en CSV',
    ar: 'ليس ملف Excel (‎.xlsx): احفظه بصيغة ‎.xlsx أو CSV',
  },
  file_too_large: {
    en: 'the file is too large: split it into several files',
    fr: 'le fichier est trop volumineux : découpez-le en plusieurs fichiers',
    ar: 'الملف كبير جدًا: قسّمه إلى عدة ملفات',
  },
  quote_not_closed: {
    en: 'a quoted cell is never closed',
    fr: 'une cellule entre guillemets n’est jamais fermée',
    ar: 'خلية بين علامتي تنصيص لم تُغلق',
  },
  unknown_column: {
    en: 'unknown column; expected {expected}',
    fr: 'colonne inconnue ; colonnes attendues : {expected}',
    ar: 'عمود غير معروف؛ الأعمدة المنتظرة: {expected}',
  },
  missing_column: { en: 'missing column', fr: 'colonne manquante', ar: 'عمود ناقص' },
  duplicate_column: {
    en: 'a column appears twice',
    fr: 'une colonne apparaît deux fois',
    ar: 'عمود مكرر',
  },
  no_rows: {
    en: 'no row after the header',
    fr: 'aucune ligne après l’en-tête',
    ar: 'لا يوجد أي سطر بعد سطر العناوين',
  },
  too_many_rows: {
    en: 'at most {max} rows per import',
    fr: '{max} lignes au plus par import',
    ar: '{max} سطر على الأكثر في كل استيراد',
  },
  extra_cells: {
    en: 'more cells than columns',
    fr: 'plus de cellules que de colonnes',
    ar: 'عدد الخلايا أكبر من عدد الأعمدة',
  },
  required: { en: 'required', fr: 'obligatoire', ar: 'إلزامي' },
  not_email: {
    en: 'not an email address',
    fr: 'ce n’est pas une adresse e-mail',
    ar: 'ليس عنوان بريد إلكتروني',
  },
  duplicate_email: {
    en: 'already on line {line}',
    fr: 'déjà à la ligne {line}',
    ar: 'موجود في السطر {line}',
  },
  too_long: {
    en: 'at most {max} characters',
    fr: '{max} caractères au plus',
    ar: '{max} حرف على الأكثر',
  },
  not_in_list: {
    en: 'one of {values}',
    fr: 'une de ces valeurs : {values}',
    ar: 'إحدى هذه القيم: {values}',
  },
  birth_year_range: {
    en: 'a year between {min} and {max}',
    fr: 'une année entre {min} et {max}',
    ar: 'سنة بين {min} و{max}',
  },
  not_phone: {
    en: 'a Moroccan number (06, 07 or 05 and 8 digits) or an international one with +',
    fr: 'un numéro marocain (06, 07 ou 05 et 8 chiffres) ou international avec +',
    ar: 'رقم مغربي (06 أو 07 أو 05 و8 أرقام) أو رقم دولي يبدأ بـ +',
  },
  not_date: {
    en: 'a date written YYYY-MM-DD',
    fr: 'une date écrite AAAA-MM-JJ',
    ar: 'تاريخ بصيغة YYYY-MM-DD',
  },
  future_date: {
    en: 'cannot be in the future',
    fr: 'ne peut pas être dans le futur',
    ar: 'لا يمكن أن يكون في المستقبل',
  },
  self_import: {
    en: 'you cannot import yourself',
    fr: 'vous ne pouvez pas vous importer vous-même',
    ar: 'لا يمكنك استيراد نفسك',
  },
  account_disabled: {
    en: 'the account with this email is disabled',
    fr: 'le compte de cette adresse est désactivé',
    ar: 'الحساب المرتبط بهذا البريد معطّل',
  },
  already_enrolled: {
    en: 'already enrolled in this session',
    fr: 'déjà inscrit·e à cette session',
    ar: 'مسجل(ة) مسبقًا في هذه الدورة',
  },
  required_new_person: {
    en: 'required for a person without an account',
    fr: 'obligatoire pour une personne sans compte',
    ar: 'إلزامي لشخص ليس لديه حساب',
  },
  before_session: {
    en: 'cannot be before the session starts ({startsOn})',
    fr: 'ne peut pas précéder le début de la session ({startsOn})',
    ar: 'لا يمكن أن يسبق بداية الدورة ({startsOn})',
  },
  no_seat: {
    en: 'no seat left for a completed enrollment: raise the capacity first',
    fr: 'plus de place pour une inscription réussie : augmentez d’abord la capacité',
    ar: 'لا مقعد متبقٍ لتسجيل ناجح: ارفع السعة أولًا',
  },
  completion_rule: {
    en:
      "the course's completion rule is not met ({unmet}); a completion without the records is " +
      'attested only for a session that has ended',
    fr:
      'la règle de réussite de la formation n’est pas remplie ({unmet}) ; une réussite sans ' +
      'ces données n’est attestée que pour une session terminée',
    ar: 'شرط النجاح في التكوين غير مستوفى ({unmet})؛ لا يُشهد بنجاح دون هذه المعطيات إلا لدورة انتهت',
  },
};

/** The words of `code` in `locale`, its parameters put in. */
export function importMessage(
  code: ImportProblemCode,
  params: Record<string, string | number> | undefined,
  locale: Locale,
): string {
  return MESSAGES[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );
}

/** A problem's column as the reader knows it (their language's header), or the file as a whole. */
const FILE_WORD: Record<Locale, string> = { fr: 'fichier', ar: 'الملف', en: 'file' };

/** One line of the error column of a rejected row: "Région : obligatoire". */
export function describeProblem(problem: ImportProblem, locale: Locale): string {
  const column = (ENROLLMENT_IMPORT_COLUMNS as readonly string[]).includes(problem.field)
    ? importColumnHeader(problem.field as EnrollmentImportColumn, locale)
    : problem.field === 'file'
      ? FILE_WORD[locale]
      : problem.field;
  const reason = problem.code
    ? importMessage(problem.code as ImportProblemCode, problem.params, locale)
    : problem.reason;
  return `${column}${locale === 'fr' ? ' : ' : ': '}${reason}`;
}
