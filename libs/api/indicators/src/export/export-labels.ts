import type { EducationLevel, Gender, Locale, SituationKind } from '@oris/shared/domain';
import type { InsertionNoteCode } from '../dto/insertion.dto';
import type { GroupBy } from '../engine/insertion-query';

/** What an export says in words, in one language: the same words as the dashboard. */
export interface ExportLabels {
  title: string;
  /** The sheet's name (XLSX): at most 31 characters, none of `[]:*?/\`. */
  sheet: string;
  filters: {
    from: string;
    to: string;
    months: string;
    asOf: string;
    knownAt: string;
    region: string;
    course: string;
    session: string;
    groupBy: string;
    source: string;
    computedAt: string;
    definition: string;
    note: string;
  };
  any: { from: string; region: string; course: string; session: string; groupBy: string };
  sources: { rollup: string; live: string };
  columns: {
    group: string;
    code: string;
    trained: string;
    eligible: string;
    responded: string;
    inserted: string;
    employed: string;
    insertionRate: string;
    employmentRate: string;
    responseRate: string;
    lowerBoundRate: string;
  };
  total: string;
  groupBys: Record<GroupBy, string>;
  genders: Record<Gender, string>;
  education: Record<EducationLevel, string>;
  kinds: Record<SituationKind, string>;
  groups: { unknown: string; other: string };
  notes: Record<InsertionNoteCode, string>;
}

export const EXPORT_LABELS: Record<Locale, ExportLabels> = {
  fr: {
    title: 'ORIS Academy — Professionnels formés et insérés',
    sheet: 'Insertion',
    filters: {
      from: 'Achèvement du',
      to: 'Achèvement au',
      months: 'Horizon (mois)',
      asOf: 'Date de calcul',
      knownAt: 'Connu au (heure du Maroc)',
      region: 'Région',
      course: 'Formation',
      session: 'Session',
      groupBy: 'Ventilation',
      source: 'Source des chiffres',
      computedAt: 'Consolidés ou calculés le (heure du Maroc)',
      definition: 'Définition',
      note: 'Remarque',
    },
    any: {
      from: 'Début des données',
      region: 'Toutes les régions',
      course: 'Toutes les formations',
      session: 'Toutes les sessions',
      groupBy: 'Aucune',
    },
    sources: { rollup: 'Chiffres consolidés', live: 'Calcul direct' },
    columns: {
      group: 'Groupe',
      code: 'Code',
      trained: 'Formées',
      eligible: 'Observables',
      responded: 'Répondants',
      inserted: 'Insérées',
      employed: 'En emploi',
      insertionRate: 'Taux d’insertion (%)',
      employmentRate: 'Taux d’emploi (%)',
      responseRate: 'Taux de réponse (%)',
      lowerBoundRate: 'Borne basse (%)',
    },
    total: 'Total',
    groupBys: {
      region: 'Région',
      gender: 'Sexe',
      ageBand: 'Tranche d’âge',
      education: 'Niveau d’études',
      course: 'Formation',
      session: 'Session',
      year: 'Année d’achèvement',
      kind: 'Situation',
    },
    genders: { female: 'Femme', male: 'Homme' },
    education: {
      none: 'Sans diplôme',
      primary: 'Primaire',
      secondary: 'Secondaire',
      baccalaureate: 'Baccalauréat',
      bac_plus_2: 'Bac + 2',
      licence: 'Licence',
      master: 'Master',
      doctorate: 'Doctorat',
    },
    kinds: {
      wage_employment: 'Emploi salarié',
      self_employment: 'Auto-emploi (auto-entrepreneur)',
      enterprise_creation: 'Création d’entreprise',
      cooperative: 'Création de coopérative',
      internship: 'Stage rémunéré',
      further_studies: 'Poursuite d’études',
      seeking: 'En recherche d’emploi',
      inactive: 'Inactif·ve, ne cherche pas d’emploi',
    },
    groups: { unknown: 'Non connu', other: 'Autre' },
    notes: {
      recorded_after_known_at:
        'Rien de cette période n’était encore enregistré à ce moment-là. Personnes formées enregistrées depuis : {count}.',
      no_completion_in_period: 'Aucune formation achevée dans cette période.',
      none_eligible_yet:
        'Personne n’a encore atteint l’horizon choisi à la date de calcul : les taux ne sont pas encore calculables.',
    },
  },
  ar: {
    title: 'أكاديمية ORIS — المهنيون المكوَّنون والمُدمَجون',
    sheet: 'الإدماج',
    filters: {
      from: 'الإتمام من',
      to: 'الإتمام إلى',
      months: 'الأفق (بالأشهر)',
      asOf: 'تاريخ الاحتساب',
      knownAt: 'كما كان معروفًا في (بتوقيت المغرب)',
      region: 'الجهة',
      course: 'التكوين',
      session: 'الدورة',
      groupBy: 'التوزيع',
      source: 'مصدر الأرقام',
      computedAt: 'تاريخ التجميع أو الاحتساب (بتوقيت المغرب)',
      definition: 'التعريف',
      note: 'ملاحظة',
    },
    any: {
      from: 'بداية المعطيات',
      region: 'جميع الجهات',
      course: 'جميع التكوينات',
      session: 'جميع الدورات',
      groupBy: 'بدون',
    },
    sources: { rollup: 'أرقام مُجمَّعة', live: 'احتساب مباشر' },
    columns: {
      group: 'الفئة',
      code: 'الرمز',
      trained: 'المكوَّنون',
      eligible: 'القابلون للملاحظة',
      responded: 'المجيبون',
      inserted: 'المُدمَجون',
      employed: 'في عمل',
      insertionRate: 'نسبة الإدماج (%)',
      employmentRate: 'نسبة التشغيل (%)',
      responseRate: 'نسبة الإجابة (%)',
      lowerBoundRate: 'الحد الأدنى (%)',
    },
    total: 'المجموع',
    groupBys: {
      region: 'الجهة',
      gender: 'الجنس',
      ageBand: 'الفئة العمرية',
      education: 'المستوى الدراسي',
      course: 'التكوين',
      session: 'الدورة',
      year: 'سنة الإتمام',
      kind: 'الوضعية',
    },
    genders: { female: 'أنثى', male: 'ذكر' },
    education: {
      none: 'بدون شهادة',
      primary: 'ابتدائي',
      secondary: 'ثانوي',
      baccalaureate: 'باكالوريا',
      bac_plus_2: 'باكالوريا + سنتان',
      licence: 'إجازة',
      master: 'ماستر',
      doctorate: 'دكتوراه',
    },
    kinds: {
      wage_employment: 'عمل مأجور',
      self_employment: 'تشغيل ذاتي (مقاول ذاتي)',
      enterprise_creation: 'إحداث مقاولة',
      cooperative: 'إحداث تعاونية',
      internship: 'تدريب مؤدّى عنه',
      further_studies: 'متابعة الدراسة',
      seeking: 'في طور البحث عن عمل',
      inactive: 'غير نشيط(ة)، لا يبحث عن عمل',
    },
    groups: { unknown: 'غير معروف', other: 'أخرى' },
    notes: {
      recorded_after_known_at:
        'لم يكن أي شيء من هذه الفترة قد سُجِّل بعد في تلك اللحظة. الأشخاص المكوَّنون المسجَّلون منذ ذلك الحين: {count}.',
      no_completion_in_period: 'لم يُتمَّ أي تكوين خلال هذه الفترة.',
      none_eligible_yet:
        'لم يبلغ أحد بعدُ الأفق المختار في تاريخ الاحتساب: لا يمكن بعدُ احتساب المعدّلات.',
    },
  },
  en: {
    title: 'ORIS Academy — Professionals trained and inserted',
    sheet: 'Insertion',
    filters: {
      from: 'Completed from',
      to: 'Completed until',
      months: 'Horizon (months)',
      asOf: 'Reference day',
      knownAt: 'As known on (Morocco time)',
      region: 'Region',
      course: 'Course',
      session: 'Session',
      groupBy: 'Breakdown',
      source: 'Source of the figures',
      computedAt: 'Consolidated or computed on (Morocco time)',
      definition: 'Definition',
      note: 'Note',
    },
    any: {
      from: 'Start of the records',
      region: 'All regions',
      course: 'All courses',
      session: 'All sessions',
      groupBy: 'None',
    },
    sources: { rollup: 'Consolidated figures', live: 'Computed directly' },
    columns: {
      group: 'Group',
      code: 'Code',
      trained: 'Trained',
      eligible: 'Observable',
      responded: 'Respondents',
      inserted: 'Inserted',
      employed: 'Employed',
      insertionRate: 'Insertion rate (%)',
      employmentRate: 'Employment rate (%)',
      responseRate: 'Response rate (%)',
      lowerBoundRate: 'Lower bound (%)',
    },
    total: 'Total',
    groupBys: {
      region: 'Region',
      gender: 'Gender',
      ageBand: 'Age band',
      education: 'Education level',
      course: 'Course',
      session: 'Session',
      year: 'Year of completion',
      kind: 'Situation',
    },
    genders: { female: 'Female', male: 'Male' },
    education: {
      none: 'No diploma',
      primary: 'Primary',
      secondary: 'Secondary',
      baccalaureate: 'Baccalaureate',
      bac_plus_2: 'Two years after the baccalaureate',
      licence: 'Bachelor’s degree (licence)',
      master: 'Master’s degree',
      doctorate: 'Doctorate',
    },
    kinds: {
      wage_employment: 'Wage employment',
      self_employment: 'Self-employment (auto-entrepreneur)',
      enterprise_creation: 'Enterprise creation',
      cooperative: 'Cooperative creation',
      internship: 'Paid internship',
      further_studies: 'Further studies',
      seeking: 'Seeking work',
      inactive: 'Inactive, not looking for work',
    },
    groups: { unknown: 'Not known', other: 'Other' },
    notes: {
      recorded_after_known_at:
        'Nothing of this period had been recorded yet at that moment. People trained recorded since: {count}.',
      no_completion_in_period: 'No training completed in this period.',
      none_eligible_yet:
        'Nobody has reached the chosen horizon by the reference day yet: the rates cannot be computed yet.',
    },
  },
};
