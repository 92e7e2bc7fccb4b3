import type { ImpactIndicator, Locale } from '@oris/shared/domain';

/** What a frozen report's files say in words, in one language. */
export interface ReportLabels {
  title: (year: number, version: number) => string;
  sheet: string;
  version: string;
  restatement: string;
  frozenAt: string;
  asOf: string;
  knownAt: string;
  frozenBy: string;
  reason: string;
  columns: {
    indicator: string;
    value: string;
    baseline: string;
    target: string;
    progress: string;
    counted: string;
    definitionVersion: string;
  };
  notAvailable: string;
  companions: string;
  companion: string;
  differences: string;
  differenceColumns: { before: string; after: string; added: string; removed: string };
  definitions: string;
  indicators: Record<ImpactIndicator, string>;
  companionKeys: Record<string, string>;
}

export const REPORT_LABELS: Record<Locale, ReportLabels> = {
  fr: {
    title: (year, version) => `ORIS — rapport d’impact ${year}, version ${version}`,
    sheet: 'Rapport d’impact',
    version: 'Version',
    restatement: 'rectificatif',
    frozenAt: 'Figé le',
    asOf: 'Jour de calcul (asOf)',
    knownAt: 'Données connues le (knownAt)',
    frozenBy: 'Figé par',
    reason: 'Motif du rectificatif',
    columns: {
      indicator: 'Indicateur',
      value: 'Valeur',
      baseline: 'Référence',
      target: 'Cible',
      progress: 'Progression (%)',
      counted: 'Enregistrements comptés',
      definitionVersion: 'Version de la définition',
    },
    notAvailable: 'non disponible',
    companions: 'Chiffres associés',
    companion: 'Chiffre',
    differences: 'Différences avec la version précédente',
    differenceColumns: { before: 'Avant', after: 'Après', added: 'Ajoutés', removed: 'Retirés' },
    definitions: 'Définitions',
    indicators: {
      insertion: 'Professionnels formés et insérés',
      publications: 'Publications scientifiques indexées',
      tools: 'Outils de collecte, traitement et diffusion des connaissances',
      partnerships: 'Partenariats avec l’écosystème',
    },
    companionKeys: {
      trained: 'Formés',
      eligible: 'Éligibles',
      responded: 'Répondants',
      employed: 'En emploi',
      insertionRate: 'Taux d’insertion (%)',
      employmentRate: 'Taux d’emploi (%)',
      responseRate: 'Taux de réponse (%)',
      lowerBoundRate: 'Borne basse (%)',
    },
  },
  en: {
    title: (year, version) => `ORIS — impact report ${year}, version ${version}`,
    sheet: 'Impact report',
    version: 'Version',
    restatement: 'restatement',
    frozenAt: 'Frozen on',
    asOf: 'Reference day (asOf)',
    knownAt: 'As known on (knownAt)',
    frozenBy: 'Frozen by',
    reason: 'Reason for the restatement',
    columns: {
      indicator: 'Indicator',
      value: 'Value',
      baseline: 'Baseline',
      target: 'Target',
      progress: 'Progress (%)',
      counted: 'Records counted',
      definitionVersion: 'Definition version',
    },
    notAvailable: 'not available',
    companions: 'Companion figures',
    companion: 'Figure',
    differences: 'Differences from the previous version',
    differenceColumns: { before: 'Before', after: 'After', added: 'Added', removed: 'Removed' },
    definitions: 'Definitions',
    indicators: {
      insertion: 'Professionals trained and inserted',
      publications: 'Indexed scientific publications',
      tools: 'Tools for collecting, processing and disseminating knowledge',
      partnerships: 'Partnerships with the ecosystem',
    },
    companionKeys: {
      trained: 'Trained',
      eligible: 'Eligible',
      responded: 'Responded',
      employed: 'Employed',
      insertionRate: 'Insertion rate (%)',
      employmentRate: 'Employment rate (%)',
      responseRate: 'Response rate (%)',
      lowerBoundRate: 'Lower bound (%)',
    },
  },
  ar: {
    title: (year, version) => `ORIS — تقرير الأثر ${year}، النسخة ${version}`,
    sheet: 'تقرير الأثر',
    version: 'النسخة',
    restatement: 'تصحيح',
    frozenAt: 'تاريخ التثبيت',
    asOf: 'يوم الحساب (asOf)',
    knownAt: 'المعطيات المعروفة في (knownAt)',
    frozenBy: 'ثبّته',
    reason: 'سبب التصحيح',
    columns: {
      indicator: 'المؤشر',
      value: 'القيمة',
      baseline: 'القيمة المرجعية',
      target: 'الهدف',
      progress: 'التقدّم (%)',
      counted: 'السجلات المحتسبة',
      definitionVersion: 'نسخة التعريف',
    },
    notAvailable: 'غير متوفّر',
    companions: 'أرقام مرافقة',
    companion: 'الرقم',
    differences: 'الفروق مع النسخة السابقة',
    differenceColumns: { before: 'قبل', after: 'بعد', added: 'أُضيفت', removed: 'حُذفت' },
    definitions: 'التعاريف',
    indicators: {
      insertion: 'المهنيون المُكوَّنون والمُدمَجون',
      publications: 'المنشورات العلمية المفهرسة',
      tools: 'أدوات جمع المعارف ومعالجتها ونشرها',
      partnerships: 'الشراكات مع المنظومة',
    },
    companionKeys: {
      trained: 'المُكوَّنون',
      eligible: 'المؤهَّلون',
      responded: 'المجيبون',
      employed: 'المشتغلون',
      insertionRate: 'معدّل الإدماج (%)',
      employmentRate: 'معدّل التشغيل (%)',
      responseRate: 'معدّل الإجابة (%)',
      lowerBoundRate: 'الحدّ الأدنى (%)',
    },
  },
};

/** Companion keys whose values are shares (0–1), written as percentages in files. */
export const RATE_KEYS = /Rate$/;
