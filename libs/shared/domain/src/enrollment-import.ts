import type { Locale } from './vocabularies';
import type { BaselineSituation, EducationLevel, Gender, RegionCode } from './vocabularies';
import { onFirstUse } from './on-first-use';

/**
 * The enrollment import's columns and the words people use for them and for their values, in
 * French, Arabic and English: a file written by hand or exported from another tool says
 * "Région : Souss-Massa", "Bac+2" or "salariée", and the import reads it as `regionCode: MA-09`,
 * `bac_plus_2`, `employed`. The codes are always accepted too. Shared by the API, which reads
 * files and writes templates, and the import page, which lists what each column accepts.
 */

export const ENROLLMENT_IMPORT_COLUMNS = [
  'email',
  'fullName',
  'fullNameAr',
  'gender',
  'birthYear',
  'regionCode',
  'phone',
  'baselineSituation',
  'educationLevel',
  'completedOn',
] as const;
export type EnrollmentImportColumn = (typeof ENROLLMENT_IMPORT_COLUMNS)[number];

type Words = Record<Locale, readonly string[]>;

/** Each column's header in each language: the first word is the template's, the rest are read too. */
export const IMPORT_COLUMN_LABELS: Record<EnrollmentImportColumn, Words> = {
  email: {
    fr: ['Adresse e-mail', 'E-mail', 'Email', 'Courriel', 'Adresse électronique', 'Mail'],
    ar: ['البريد الإلكتروني', 'البريد الالكتروني', 'الإيميل'],
    en: ['Email address', 'Email', 'E-mail'],
  },
  fullName: {
    fr: ['Nom complet', 'Nom et prénom', 'Prénom et nom', 'Nom'],
    ar: ['الاسم الكامل بالحروف اللاتينية', 'الاسم الكامل', 'الاسم'],
    en: ['Full name', 'Name'],
  },
  fullNameAr: {
    fr: ['Nom en arabe', 'Nom complet en arabe'],
    ar: ['الاسم الكامل بالعربية', 'الاسم بالعربية'],
    en: ['Name in Arabic', 'Full name in Arabic'],
  },
  gender: {
    fr: ['Genre', 'Sexe'],
    ar: ['الجنس', 'النوع'],
    en: ['Gender', 'Sex'],
  },
  birthYear: {
    fr: ['Année de naissance'],
    ar: ['سنة الازدياد', 'سنة الميلاد'],
    en: ['Year of birth', 'Birth year'],
  },
  regionCode: {
    fr: ['Région'],
    ar: ['الجهة'],
    en: ['Region'],
  },
  phone: {
    fr: ['Téléphone', 'Tél', 'Numéro de téléphone', 'GSM'],
    ar: ['الهاتف', 'رقم الهاتف'],
    en: ['Phone', 'Phone number', 'Telephone'],
  },
  baselineSituation: {
    fr: ['Situation à l’inscription', 'Situation professionnelle', 'Situation'],
    ar: ['الوضعية عند التسجيل', 'الوضعية المهنية', 'الوضعية'],
    en: ['Situation at enrollment', 'Employment status', 'Situation'],
  },
  educationLevel: {
    fr: ['Niveau d’études', 'Niveau d’étude', 'Diplôme', 'Niveau scolaire'],
    ar: ['المستوى الدراسي', 'الشهادة'],
    en: ['Education level', 'Level of education', 'Education'],
  },
  completedOn: {
    fr: ['Réussite le', 'Date de réussite', 'Terminé le'],
    ar: ['تاريخ النجاح', 'تاريخ الإتمام'],
    en: ['Completed on', 'Completion date'],
  },
};

/** The columns whose values come from a list, with each value's words per language (first: the template's). */
export const IMPORT_VALUE_LABELS: {
  gender: Record<Gender, Words>;
  regionCode: Record<RegionCode, Words>;
  baselineSituation: Record<BaselineSituation, Words>;
  educationLevel: Record<EducationLevel, Words>;
} = {
  gender: {
    female: { fr: ['Femme', 'F', 'Féminin'], ar: ['أنثى', 'امرأة'], en: ['Female', 'Woman', 'F'] },
    male: { fr: ['Homme', 'H', 'Masculin', 'M'], ar: ['ذكر', 'رجل'], en: ['Male', 'Man', 'M'] },
  },
  regionCode: {
    'MA-01': {
      fr: ['Tanger-Tétouan-Al Hoceïma'],
      ar: ['طنجة تطوان الحسيمة'],
      en: ['Tangier-Tetouan-Al Hoceima'],
    },
    'MA-02': { fr: ['L’Oriental', 'Oriental'], ar: ['الشرق', 'جهة الشرق'], en: ['Oriental'] },
    'MA-03': { fr: ['Fès-Meknès'], ar: ['فاس مكناس'], en: ['Fez-Meknes', 'Fes-Meknes'] },
    'MA-04': {
      fr: ['Rabat-Salé-Kénitra'],
      ar: ['الرباط سلا القنيطرة'],
      en: ['Rabat-Sale-Kenitra'],
    },
    'MA-05': {
      fr: ['Béni Mellal-Khénifra'],
      ar: ['بني ملال خنيفرة'],
      en: ['Beni Mellal-Khenifra'],
    },
    'MA-06': { fr: ['Casablanca-Settat'], ar: ['الدار البيضاء سطات'], en: ['Casablanca-Settat'] },
    'MA-07': {
      fr: ['Marrakech-Safi'],
      ar: ['مراكش آسفي'],
      en: ['Marrakesh-Safi', 'Marrakech-Safi'],
    },
    'MA-08': { fr: ['Drâa-Tafilalet'], ar: ['درعة تافيلالت'], en: ['Draa-Tafilalet'] },
    'MA-09': { fr: ['Souss-Massa'], ar: ['سوس ماسة'], en: ['Souss-Massa'] },
    'MA-10': { fr: ['Guelmim-Oued Noun'], ar: ['كلميم واد نون'], en: ['Guelmim-Oued Noun'] },
    'MA-11': {
      fr: ['Laâyoune-Sakia El Hamra'],
      ar: ['العيون الساقية الحمراء'],
      en: ['Laayoune-Sakia El Hamra'],
    },
    'MA-12': {
      fr: ['Dakhla-Oued Ed-Dahab'],
      ar: ['الداخلة وادي الذهب'],
      en: ['Dakhla-Oued Ed-Dahab'],
    },
  },
  baselineSituation: {
    employed: {
      fr: ['Salarié·e', 'Salarié', 'Salariée', 'Employé', 'Employée', 'En emploi'],
      ar: ['أجير(ة)', 'أجير', 'أجيرة', 'موظف', 'موظفة'],
      en: ['Employed', 'Employee', 'In work'],
    },
    self_employed: {
      fr: ['Indépendant·e', 'Indépendant', 'Indépendante', 'À son compte', 'Auto-entrepreneur'],
      ar: ['يعمل لحسابه الخاص', 'مستقل', 'مقاول ذاتي'],
      en: ['Self-employed', 'Freelance'],
    },
    seeking: {
      fr: [
        'En recherche d’emploi',
        'Demandeur d’emploi',
        'Demandeuse d’emploi',
        'Chômeur',
        'Chômeuse',
        'Sans emploi',
      ],
      ar: ['باحث(ة) عن عمل', 'باحث عن عمل', 'باحثة عن عمل', 'عاطل', 'عاطلة'],
      en: ['Looking for work', 'Seeking work', 'Job seeker', 'Unemployed'],
    },
    student: {
      fr: ['Étudiant·e', 'Étudiant', 'Étudiante', 'En formation', 'Élève'],
      ar: ['طالب(ة)', 'طالب', 'طالبة', 'في طور التكوين'],
      en: ['Student', 'In training'],
    },
    inactive: {
      fr: ['Sans activité', 'Inactif', 'Inactive', 'Inactif·ve'],
      ar: ['بدون نشاط', 'غير نشيط', 'غير نشيطة'],
      en: ['Not working', 'Inactive'],
    },
  },
  educationLevel: {
    none: {
      fr: ['Aucun diplôme', 'Sans diplôme', 'Aucun'],
      ar: ['بدون شهادة', 'بدون مستوى'],
      en: ['No qualification', 'No diploma', 'None'],
    },
    primary: {
      fr: ['Primaire'],
      ar: ['ابتدائي', 'التعليم الابتدائي'],
      en: ['Primary', 'Primary school'],
    },
    secondary: {
      fr: ['Secondaire', 'Collège', 'Lycée', 'Niveau bac'],
      ar: ['ثانوي', 'إعدادي', 'التعليم الثانوي'],
      en: ['Secondary', 'Secondary school'],
    },
    baccalaureate: {
      fr: ['Baccalauréat', 'Bac'],
      ar: ['البكالوريا', 'باكالوريا', 'بكالوريا'],
      en: ['Baccalaureate', 'Bac'],
    },
    bac_plus_2: {
      fr: ['Bac + 2', 'Bac+2', 'DTS', 'DUT', 'BTS', 'Technicien spécialisé'],
      ar: ['بكالوريا + سنتين', 'باكالوريا + 2', 'بكالوريا + 2', 'تقني متخصص'],
      en: ['Two-year higher diploma', 'Bac + 2', 'Bac+2'],
    },
    licence: {
      fr: ['Licence', 'Bac + 3', 'Bac+3'],
      ar: ['الإجازة', 'إجازة'],
      en: ['Bachelor’s degree', 'Licence', 'Bachelor'],
    },
    master: {
      fr: ['Master', 'Bac + 5', 'Bac+5', 'Ingénieur'],
      ar: ['الماستر', 'ماستر', 'مهندس'],
      en: ['Master’s degree', 'Master'],
    },
    doctorate: { fr: ['Doctorat'], ar: ['الدكتوراه', 'دكتوراه'], en: ['Doctorate', 'PhD'] },
  },
};

export type LabelledImportColumn = keyof typeof IMPORT_VALUE_LABELS;
export const LABELLED_IMPORT_COLUMNS = Object.keys(IMPORT_VALUE_LABELS) as LabelledImportColumn[];

/**
 * A word as compared with the labels: case, accents, spaces, punctuation, Arabic diacritics,
 * tatweel and alef forms aside ("Bac+2" = "bac + 2", "Salariée" = "salariee", "أجير" = "اجير").
 */
export function comparableLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064A')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function indexOf<T extends string>(entries: [T, Words][]): Map<string, T> {
  const index = new Map<string, T>();
  for (const [code, words] of entries) {
    index.set(comparableLabel(code), code);
    for (const locale of Object.keys(words) as Locale[])
      for (const word of words[locale])
        if (!index.has(comparableLabel(word))) index.set(comparableLabel(word), code);
  }
  return index;
}

// Normalising a few hundred labels costs a phone tens of milliseconds: built on first use.
const columnIndexOf = onFirstUse(() =>
  indexOf(Object.entries(IMPORT_COLUMN_LABELS) as [EnrollmentImportColumn, Words][]),
);

const valueIndexOf = onFirstUse(
  () =>
    Object.fromEntries(
      LABELLED_IMPORT_COLUMNS.map((column) => [
        column,
        indexOf(Object.entries(IMPORT_VALUE_LABELS[column]) as [string, Words][]),
      ]),
    ) as Record<LabelledImportColumn, Map<string, string>>,
);

/** The column a header names (its code or a label in any language), or null. */
export function importColumnOf(header: string): EnrollmentImportColumn | null {
  const key = comparableLabel(header);
  return key === '' ? null : (columnIndexOf().get(key) ?? null);
}

/** The code a cell names (the code itself or a label in any language), or null when none. */
export function importValueOf(column: LabelledImportColumn, cell: string): string | null {
  const key = comparableLabel(cell);
  return key === '' ? null : (valueIndexOf()[column].get(key) ?? null);
}

/** How a template names columns and values: in a language, or by their codes. */
export type ImportTemplateLanguage = Locale | 'codes';

/** A column's header in a template. */
export const importColumnHeader = (
  column: EnrollmentImportColumn,
  language: ImportTemplateLanguage,
): string => (language === 'codes' ? column : IMPORT_COLUMN_LABELS[column][language][0]);

/** A value as a template writes it. */
export function importValueLabel(
  column: LabelledImportColumn,
  code: string,
  language: ImportTemplateLanguage,
): string {
  if (language === 'codes') return code;
  const words = (IMPORT_VALUE_LABELS[column] as Record<string, Words>)[code];
  return words ? words[language][0] : code;
}

/**
 * What can be wrong with an import, as codes with parameters: the API reports them, the import
 * page and the file of rejected rows word them in the reader's language (`importProblemWords`).
 */
export const IMPORT_PROBLEM_CODES = [
  // The file as a whole.
  'file_empty',
  'file_unreadable',
  'file_not_xlsx',
  'file_too_large',
  'quote_not_closed',
  'unknown_column',
  'missing_column',
  'duplicate_column',
  'no_rows',
  'too_many_rows',
  // A row on its own.
  'extra_cells',
  'required',
  'not_email',
  'duplicate_email',
  'too_long',
  'not_in_list',
  'birth_year_range',
  'not_phone',
  'not_date',
  'future_date',
  // A row against the platform.
  'self_import',
  'account_disabled',
  'already_enrolled',
  'required_new_person',
  'before_session',
  'no_seat',
  'completion_rule',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];
