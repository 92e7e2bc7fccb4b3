import { fillPlaceholders, resolveIcu } from './icu';
import type { ImportProblemCode } from './enrollment-import';
import type { Locale } from './vocabularies';

/**
 * The enrollment import's problems in words, one table for every reader: the import page words
 * the API's codes with it, the API writes it in the error column of the rejected rows' file (in
 * the administrator's language) and, in English, as each problem's `reason` for API clients.
 * ICU plurals and `{{name}}` placeholders, as in the web's translation files.
 */
export const IMPORT_PROBLEM_WORDS: Record<ImportProblemCode, Record<Locale, string>> = {
  file_empty: {
    fr: 'le fichier est vide',
    ar: 'الملف فارغ',
    en: 'the file is empty',
  },
  file_unreadable: {
    fr: 'le fichier ne peut pas être lu comme un tableur',
    ar: 'تعذّرت قراءة الملف كجدول بيانات',
    en: 'the file cannot be read as a spreadsheet',
  },
  file_not_xlsx: {
    fr: 'ce n’est pas un fichier Excel (.xlsx) : enregistrez-le en .xlsx ou en CSV',
    ar: 'ليس ملف Excel (‎.xlsx): احفظه بصيغة ‎.xlsx أو CSV',
    en: 'not an Excel file (.xlsx): save it as .xlsx or CSV',
  },
  file_too_large: {
    fr: 'le fichier est trop volumineux : découpez-le en plusieurs fichiers',
    ar: 'الملف كبير جدًا: قسّمه إلى عدة ملفات',
    en: 'the file is too large: split it into several files',
  },
  quote_not_closed: {
    fr: 'une cellule entre guillemets n’est jamais fermée',
    ar: 'خلية بين علامتي تنصيص لم تُغلق',
    en: 'a quoted cell is never closed',
  },
  unknown_column: {
    fr: 'colonne inconnue ; colonnes attendues : {{expected}}',
    ar: 'عمود غير معروف؛ الأعمدة المنتظرة: {{expected}}',
    en: 'unknown column; expected {{expected}}',
  },
  missing_column: {
    fr: 'colonne manquante',
    ar: 'عمود ناقص',
    en: 'missing column',
  },
  duplicate_column: {
    fr: 'une colonne apparaît deux fois',
    ar: 'عمود مكرر',
    en: 'a column appears twice',
  },
  no_rows: {
    fr: 'aucune ligne après l’en-tête',
    ar: 'لا يوجد أي سطر بعد سطر العناوين',
    en: 'no row after the header',
  },
  too_many_rows: {
    fr: '{max, plural, one {# ligne} other {# lignes}} au plus par import',
    ar: '{max, plural, one {سطر واحد} two {سطران} few {# أسطر} many {# سطرًا} other {# سطر}} على الأكثر في كل استيراد',
    en: 'at most {max, plural, one {# row} other {# rows}} per import',
  },
  extra_cells: {
    fr: 'plus de cellules que de colonnes',
    ar: 'عدد الخلايا أكبر من عدد الأعمدة',
    en: 'more cells than columns',
  },
  required: {
    fr: 'obligatoire',
    ar: 'إلزامي',
    en: 'required',
  },
  not_email: {
    fr: 'ce n’est pas une adresse e-mail',
    ar: 'ليس عنوان بريد إلكتروني',
    en: 'not an email address',
  },
  duplicate_email: {
    fr: 'déjà à la ligne {{line}}',
    ar: 'موجود في السطر {{line}}',
    en: 'already on line {{line}}',
  },
  too_long: {
    fr: '{max, plural, one {# caractère} other {# caractères}} au plus',
    ar: '{max, plural, one {حرف واحد} two {حرفان} few {# أحرف} many {# حرفًا} other {# حرف}} على الأكثر',
    en: 'at most {max, plural, one {# character} other {# characters}}',
  },
  not_in_list: {
    fr: 'une de ces valeurs : {{values}}',
    ar: 'إحدى هذه القيم: {{values}}',
    en: 'one of {{values}}',
  },
  birth_year_range: {
    fr: 'une année entre {{min}} et {{max}}',
    ar: 'سنة بين {{min}} و{{max}}',
    en: 'a year between {{min}} and {{max}}',
  },
  not_phone: {
    fr: 'un numéro marocain (06, 07 ou 05 et 8 chiffres) ou international avec +',
    ar: 'رقم مغربي (06 أو 07 أو 05 و8 أرقام) أو رقم دولي يبدأ بـ +',
    en: 'a Moroccan number (06, 07 or 05 and 8 digits) or an international one with +',
  },
  not_date: {
    fr: 'une date écrite AAAA-MM-JJ',
    ar: 'تاريخ بصيغة YYYY-MM-DD',
    en: 'a date written YYYY-MM-DD',
  },
  future_date: {
    fr: 'ne peut pas être dans le futur',
    ar: 'لا يمكن أن يكون في المستقبل',
    en: 'cannot be in the future',
  },
  self_import: {
    fr: 'vous ne pouvez pas vous importer vous-même',
    ar: 'لا يمكنك استيراد نفسك',
    en: 'you cannot import yourself',
  },
  account_disabled: {
    fr: 'le compte de cette adresse est désactivé',
    ar: 'الحساب المرتبط بهذا البريد معطّل',
    en: 'the account with this email is disabled',
  },
  already_enrolled: {
    fr: 'déjà inscrit·e à cette session',
    ar: 'مسجل(ة) مسبقًا في هذه الدورة',
    en: 'already enrolled in this session',
  },
  required_new_person: {
    fr: 'obligatoire pour une personne sans compte',
    ar: 'إلزامي لشخص ليس لديه حساب',
    en: 'required for a person without an account',
  },
  before_session: {
    fr: 'ne peut pas précéder le début de la session ({{startsOn}})',
    ar: 'لا يمكن أن يسبق بداية الدورة ({{startsOn}})',
    en: 'cannot be before the session starts ({{startsOn}})',
  },
  no_seat: {
    fr: 'plus de place pour une inscription réussie : augmentez d’abord la capacité',
    ar: 'لا مقعد متبقٍ لتسجيل ناجح: ارفع السعة أولًا',
    en: 'no seat left for a completed enrollment: raise the capacity first',
  },
  completion_rule: {
    fr: 'la règle de réussite de la formation n’est pas remplie ({{unmet}}) ; une réussite sans ces données n’est attestée que pour une session terminée',
    ar: 'شرط النجاح في التكوين غير مستوفى ({{unmet}})؛ لا يُشهد بنجاح دون هذه المعطيات إلا لدورة انتهت',
    en: "the course's completion rule is not met ({{unmet}}); a completion without the records is attested only for a session that has ended",
  },
};

/** The words of an import problem in `locale`, its parameters put in. */
export function importProblemWords(
  code: ImportProblemCode,
  params: Readonly<Record<string, string | number>> | undefined,
  locale: Locale,
): string {
  return fillPlaceholders(
    resolveIcu(IMPORT_PROBLEM_WORDS[code][locale], params ?? {}, locale),
    params ?? {},
  );
}
