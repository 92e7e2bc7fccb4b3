import type {
  Locale,
  PracticeEvidenceLevel,
  PracticePopulation,
  PracticeTextField,
  PracticeTheme,
} from '@oris/shared/domain';

/**
 * The words of the printed practice sheet in its three languages. The web's i18n files are not
 * available to the server, so the PDF keeps its own table, worded as the public page words them
 * (keys `practices.field.*`, `practices.evidence.*`, `practices.theme.*`, `practices.population.*`).
 */
type Words = Readonly<Record<Locale, string>>;

export const PRINT_LANGUAGE_NAMES: Readonly<Record<Locale, Words>> = {
  fr: { fr: 'Français', ar: 'الفرنسية', en: 'French' },
  ar: { fr: 'Arabe', ar: 'العربية', en: 'Arabic' },
  en: { fr: 'Anglais', ar: 'الإنجليزية', en: 'English' },
};

export const PRINT_WORDS = {
  sheet: { fr: 'Fiche pratique', ar: 'بطاقة ممارسة', en: 'Practice sheet' },
  version: { fr: 'Version', ar: 'الإصدار', en: 'Version' },
  publishedOn: { fr: 'Publiée le', ar: 'نُشرت في', en: 'Published on' },
  /** `{n}` and `{count}` are replaced; words rather than "1 / 4", which Arabic would show as "4 / 1". */
  pageOf: { fr: 'Page {n} sur {count}', ar: 'صفحة {n} من {count}', en: 'Page {n} of {count}' },
  levelOf: { fr: 'Niveau {n} sur 5', ar: 'المستوى {n} من 5', en: 'Level {n} of 5' },
  original: { fr: 'texte original', ar: 'النص الأصلي', en: 'original text' },
  translation: { fr: 'traduction', ar: 'ترجمة', en: 'translation' },
  facts: { fr: 'En bref', ar: 'بإيجاز', en: 'At a glance' },
  regions: { fr: 'Régions', ar: 'الجهات', en: 'Regions' },
  themes: { fr: 'Thèmes', ar: 'المجالات', en: 'Themes' },
  populations: { fr: 'Publics', ar: 'الفئات المستهدفة', en: 'Populations' },
  totalCost: { fr: 'Coût total', ar: 'الكلفة الإجمالية', en: 'Total cost' },
  costPerBeneficiary: {
    fr: 'Coût par bénéficiaire',
    ar: 'الكلفة لكل مستفيد',
    en: 'Cost per beneficiary',
  },
  beneficiaries: { fr: 'Bénéficiaires', ar: 'المستفيدون', en: 'Beneficiaries' },
  years: { fr: 'Période', ar: 'الفترة', en: 'Period' },
  since: { fr: 'depuis', ar: 'منذ', en: 'since' },
  currency: { fr: 'MAD', ar: 'درهم', en: 'MAD' },
  evidence: { fr: 'Niveau de preuve', ar: 'مستوى الإثبات', en: 'Evidence level' },
  justification: { fr: 'Justification', ar: 'التعليل', en: 'Justification' },
  resultFigures: { fr: 'Résultats chiffrés', ar: 'النتائج بالأرقام', en: 'Results in figures' },
  contacts: { fr: 'Contacts', ar: 'جهات الاتصال', en: 'Contacts' },
} as const satisfies Record<string, Words>;

export const PRINT_FIELD_LABELS: Readonly<Record<PracticeTextField, Words>> = {
  title: { fr: 'Titre', ar: 'العنوان', en: 'Title' },
  summary: { fr: 'Résumé', ar: 'ملخص', en: 'Summary' },
  problem: { fr: 'Problème traité', ar: 'المشكلة المعالجة', en: 'Problem addressed' },
  context: {
    fr: 'Contexte et territoire',
    ar: 'السياق والمجال الترابي',
    en: 'Context and territory',
  },
  targetPopulation: { fr: 'Public cible', ar: 'الفئة المستهدفة', en: 'Target population' },
  intervention: { fr: 'Intervention', ar: 'التدخل', en: 'Intervention' },
  coreComponents: { fr: 'Composantes clés', ar: 'المكونات الأساسية', en: 'Core components' },
  adaptableComponents: {
    fr: 'Composantes adaptables',
    ar: 'المكونات القابلة للتكييف',
    en: 'Adaptable components',
  },
  partnersAndRoles: {
    fr: 'Partenaires et rôles',
    ar: 'الشركاء وأدوارهم',
    en: 'Partners and roles',
  },
  costNarrative: { fr: 'Coûts', ar: 'التكاليف', en: 'Costs' },
  results: { fr: 'Résultats', ar: 'النتائج', en: 'Results' },
  replicationConditions: {
    fr: 'Conditions de réplication',
    ar: 'شروط التكرار',
    en: 'Conditions for replication',
  },
  knownReplications: { fr: 'Réplications connues', ar: 'تكرارات معروفة', en: 'Known replications' },
};

/** Each level's name and what it means (OBSERVATORY.md, Nesta's standards of evidence). */
export const PRINT_EVIDENCE_LEVELS: Readonly<
  Record<PracticeEvidenceLevel, { name: Words; meaning: Words }>
> = {
  1: {
    name: { fr: 'Décrite', ar: 'موصوفة', en: 'Described' },
    meaning: {
      fr: 'Un exposé clair de ce que fait l’intervention et pourquoi.',
      ar: 'عرض واضح لما يقوم به التدخل ولماذا.',
      en: 'A clear account of what the intervention does and why.',
    },
  },
  2: {
    name: { fr: 'Changement observé', ar: 'تغيير ملحوظ', en: 'Change observed' },
    meaning: {
      fr: 'Des données montrent un changement chez les bénéficiaires.',
      ar: 'تُظهر البيانات تغييرا لدى المستفيدين.',
      en: 'Data show a change among the beneficiaries.',
    },
  },
  3: {
    name: { fr: 'Causalité démontrée', ar: 'سببية مثبتة', en: 'Causality shown' },
    meaning: {
      fr: 'Un groupe de comparaison montre que l’intervention cause le changement.',
      ar: 'تُبيّن مجموعة مقارنة أن التدخل هو سبب التغيير.',
      en: 'A comparison group shows that the intervention causes the change.',
    },
  },
  4: {
    name: {
      fr: 'Répliquée de façon indépendante',
      ar: 'مكرّرة بشكل مستقل',
      en: 'Independently replicated',
    },
    meaning: {
      fr: 'Une réplication indépendante confirme les résultats.',
      ar: 'يؤكد تكرار مستقل النتائج.',
      en: 'An independent replication confirms the results.',
    },
  },
  5: {
    name: { fr: 'Prête à changer d’échelle', ar: 'جاهزة للتعميم', en: 'Ready to scale' },
    meaning: {
      fr: 'Des manuels et des systèmes permettent à d’autres de la mettre en œuvre à grande échelle.',
      ar: 'تتيح الأدلة والأنظمة لآخرين تنفيذها على نطاق واسع.',
      en: 'Manuals and systems let others deliver it at scale.',
    },
  },
};

export const PRINT_THEMES: Readonly<Record<PracticeTheme, Words>> = {
  employment_insertion: {
    fr: 'Emploi et insertion',
    ar: 'التشغيل والإدماج',
    en: 'Employment and insertion',
  },
  social_entrepreneurship: {
    fr: 'Entrepreneuriat social',
    ar: 'المقاولة الاجتماعية',
    en: 'Social entrepreneurship',
  },
  cooperatives_social_economy: {
    fr: 'Coopératives et économie sociale',
    ar: 'التعاونيات والاقتصاد الاجتماعي',
    en: 'Cooperatives and social economy',
  },
  education_training: {
    fr: 'Éducation et formation',
    ar: 'التربية والتكوين',
    en: 'Education and training',
  },
  health_wellbeing: { fr: 'Santé et bien-être', ar: 'الصحة والرفاه', en: 'Health and well-being' },
  women_empowerment: {
    fr: 'Autonomisation des femmes',
    ar: 'تمكين النساء',
    en: 'Women’s empowerment',
  },
  youth: { fr: 'Jeunesse', ar: 'الشباب', en: 'Youth' },
  rural_development: { fr: 'Développement rural', ar: 'التنمية القروية', en: 'Rural development' },
  environment_climate: {
    fr: 'Environnement et climat',
    ar: 'البيئة والمناخ',
    en: 'Environment and climate',
  },
  digital_inclusion: { fr: 'Inclusion numérique', ar: 'الإدماج الرقمي', en: 'Digital inclusion' },
  culture_heritage: {
    fr: 'Culture et patrimoine',
    ar: 'الثقافة والتراث',
    en: 'Culture and heritage',
  },
  governance_participation: {
    fr: 'Gouvernance et participation',
    ar: 'الحكامة والمشاركة',
    en: 'Governance and participation',
  },
  other: { fr: 'Autre', ar: 'أخرى', en: 'Other' },
};

export const PRINT_POPULATIONS: Readonly<Record<PracticePopulation, Words>> = {
  youth_neet: {
    fr: 'Jeunes sans emploi ni formation',
    ar: 'شباب بدون شغل ولا تكوين',
    en: 'Young people not in employment or training',
  },
  women: { fr: 'Femmes', ar: 'النساء', en: 'Women' },
  rural_households: { fr: 'Ménages ruraux', ar: 'الأسر القروية', en: 'Rural households' },
  persons_with_disabilities: {
    fr: 'Personnes en situation de handicap',
    ar: 'الأشخاص في وضعية إعاقة',
    en: 'Persons with disabilities',
  },
  cooperative_members: { fr: 'Coopérateurs', ar: 'أعضاء التعاونيات', en: 'Cooperative members' },
  project_holders: { fr: 'Porteurs de projet', ar: 'حاملو المشاريع', en: 'Project holders' },
  smallholder_farmers: {
    fr: 'Petits agriculteurs',
    ar: 'صغار الفلاحين',
    en: 'Smallholder farmers',
  },
  migrants: { fr: 'Personnes migrantes', ar: 'المهاجرون', en: 'Migrants' },
  children: { fr: 'Enfants', ar: 'الأطفال', en: 'Children' },
  elderly: { fr: 'Personnes âgées', ar: 'المسنون', en: 'Older people' },
  general_public: { fr: 'Grand public', ar: 'عموم المواطنين', en: 'General public' },
};
